package org.rialto.compliance.lists;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads list files of any supported format into a new list version. */
public final class ListImporter {
  /** Largest file an import reads: the full OFAC sdn.csv is ~5 MB and the UN XML ~2 MB. */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private ListImporter() {}

  /** A file's name and bytes; the importer never reads the file system itself. */
  public record SourceBytes(String name, byte[] bytes) {
    public SourceBytes {
      if (name == null || name.isBlank() || bytes == null) {
        throw new IllegalArgumentException("a source file needs a name and bytes");
      }
      if (bytes.length > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(name + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
    }
  }

  public static List<ListEntry> readEntries(ImportFormat format, List<SourceBytes> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no files to import");
    }
    switch (format) {
      case UN -> {
        if (files.size() != 1) {
          throw new IllegalArgumentException("the UN format reads exactly one XML file, got " + files.size());
        }
        return UnXmlImporter.read(new ByteArrayInputStream(files.get(0).bytes()));
      }
      case OFAC -> {
        List<OfacCsvImporter.CsvFile> csv = new ArrayList<>();
        for (SourceBytes f : files) {
          csv.add(new OfacCsvImporter.CsvFile(f.name(), Csv.decode(f.bytes())));
        }
        return OfacCsvImporter.read(csv);
      }
      case CSV -> {
        List<ListEntry> all = new ArrayList<>();
        for (SourceBytes f : files) {
          all.addAll(NationalListImporter.readCsv(Csv.decode(f.bytes())));
        }
        return all;
      }
      case JSON -> {
        List<ListEntry> all = new ArrayList<>();
        for (SourceBytes f : files) {
          all.addAll(NationalListImporter.readJson(f.bytes()));
        }
        return all;
      }
      default -> throw new IllegalStateException("unhandled format " + format);
    }
  }

  /** Reads the files and builds version {@code version} of {@code listName}. */
  public static SanctionsList importList(String listName, int version, ImportFormat format, List<SourceBytes> files,
      Instant importedAt) {
    ListVersion.checkName(listName);
    List<ListEntry> entries = readEntries(format, files);
    List<ListVersion.SourceFile> sources = new ArrayList<>();
    for (SourceBytes f : files) {
      sources.add(new ListVersion.SourceFile(f.name(), sha256(f.bytes()), f.bytes().length));
    }
    return SanctionsList.create(listName, version, format.id(), importedAt, sources, entries);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
