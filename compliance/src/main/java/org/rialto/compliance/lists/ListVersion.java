package org.rialto.compliance.lists;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The identity of one immutable version of a list: every import makes a new one, and every
 * screening records the versions it used.
 *
 * @param listName the list ("UN", "OFAC", "RU"...)
 * @param version 1, 2, 3... in import order
 * @param format the importer that read it (un, ofac, csv, json)
 * @param contentHash SHA-256 (hex) of the canonical content of the entries
 * @param importedAt when the import happened (given by the caller; lists never read a clock)
 * @param entryCount number of entries
 * @param nameCount number of names, primary plus aliases
 * @param sources the files read, with their own SHA-256
 */
public record ListVersion(
    String listName,
    int version,
    String format,
    String contentHash,
    Instant importedAt,
    int entryCount,
    int nameCount,
    List<SourceFile> sources) {
  private static final Pattern NAME = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** A file an import read. */
  public record SourceFile(String name, String sha256, long bytes) {
    public SourceFile {
      if (name == null || name.isBlank() || sha256 == null || !HASH.matcher(sha256).matches() || bytes < 0) {
        throw new IllegalArgumentException("bad source file record: " + name + " " + sha256 + " " + bytes);
      }
    }
  }

  public ListVersion {
    checkName(listName);
    if (version < 1) {
      throw new IllegalArgumentException("list version must be >= 1: " + version);
    }
    if (format == null || format.isBlank()) {
      throw new IllegalArgumentException("list format is required");
    }
    if (contentHash == null || !HASH.matcher(contentHash).matches()) {
      throw new IllegalArgumentException("content hash must be 64 hex chars: " + contentHash);
    }
    if (importedAt == null) {
      throw new IllegalArgumentException("importedAt is required");
    }
    if (entryCount < 0 || nameCount < entryCount) {
      throw new IllegalArgumentException("bad counts: entries " + entryCount + ", names " + nameCount);
    }
    sources = List.copyOf(sources);
  }

  /** List names are upper-case letters, digits, '-' and '_', at most 32 chars ("UN", "RU-FIU"). */
  public static String checkName(String listName) {
    if (listName == null || !NAME.matcher(listName).matches()) {
      throw new IllegalArgumentException(
          "list name must be 1-32 upper-case letters, digits, '-' or '_', starting with a letter or digit: " + listName);
    }
    return listName;
  }

  /** "UN v3" */
  public String label() {
    return listName + " v" + version;
  }
}
