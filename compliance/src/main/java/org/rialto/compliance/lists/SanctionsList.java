package org.rialto.compliance.lists;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** One immutable version of a sanctions list: its identity and its entries, sorted by id. */
public final class SanctionsList {
  /**
   * Names (primary and aliases of every entry) one version may hold: what the screening index can
   * number in its 32-bit postings. Refused here, at import, so that a version the node stored can
   * always be screened against; refused at index build, an accepted import would stop screening.
   */
  public static final int MAX_NAMES = 1 << 19;

  private final ListVersion version;
  private final List<ListEntry> entries;
  private final Map<String, ListEntry> byId;

  private SanctionsList(ListVersion version, List<ListEntry> entries, Map<String, ListEntry> byId) {
    this.version = version;
    this.entries = entries;
    this.byId = byId;
  }

  /**
   * Builds a version from imported entries, computing the content hash and counts. Entry ids must
   * be unique.
   */
  public static SanctionsList create(
      String listName, int version, String format, java.time.Instant importedAt,
      List<ListVersion.SourceFile> sources, List<ListEntry> entries) {
    List<ListEntry> sorted = sortedUnique(entries);
    int names = 0;
    for (ListEntry e : sorted) {
      names += e.names().size();
    }
    if (names > MAX_NAMES) {
      throw new IllegalArgumentException(listName + " version " + version + " has " + names + " names (primary and aliases); at most "
          + MAX_NAMES + " per list");
    }
    ListVersion v = new ListVersion(listName, version, format, contentHash(sorted), importedAt, sorted.size(), names, sources);
    return new SanctionsList(v, sorted, index(sorted));
  }

  /** Rebuilds a stored version and checks that its content still matches its recorded hash. */
  public static SanctionsList restore(ListVersion version, List<ListEntry> entries) {
    List<ListEntry> sorted = sortedUnique(entries);
    String hash = contentHash(sorted);
    if (!hash.equals(version.contentHash())) {
      throw new IllegalStateException(version.label() + ": stored entries hash to " + hash
          + " but the version records " + version.contentHash() + "; the snapshot was altered");
    }
    if (sorted.size() != version.entryCount()) {
      throw new IllegalStateException(version.label() + ": " + sorted.size() + " entries, version records " + version.entryCount());
    }
    return new SanctionsList(version, sorted, index(sorted));
  }

  public ListVersion version() {
    return version;
  }

  public List<ListEntry> entries() {
    return entries;
  }

  public ListEntry entry(String id) {
    return byId.get(id);
  }

  private static List<ListEntry> sortedUnique(List<ListEntry> entries) {
    List<ListEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(ListEntry::id));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalArgumentException("duplicate entry id " + sorted.get(i).id());
      }
    }
    return List.copyOf(sorted);
  }

  private static Map<String, ListEntry> index(List<ListEntry> sorted) {
    Map<String, ListEntry> m = new HashMap<>(sorted.size() * 2);
    for (ListEntry e : sorted) {
      m.put(e.id(), e);
    }
    return Map.copyOf(m);
  }

  /**
   * SHA-256 over a canonical line form of the entries, independent of any JSON library, so the
   * same content hashes the same in every release.
   */
  static String contentHash(List<ListEntry> sortedEntries) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
    StringBuilder b = new StringBuilder(256);
    for (ListEntry e : sortedEntries) {
      b.setLength(0);
      b.append("E|").append(esc(e.id())).append('|').append(esc(e.reference())).append('|').append(e.kind()).append('\n');
      for (EntryName n : e.names()) {
        b.append("N|").append(n.type()).append('|').append(n.quality()).append('|').append(esc(n.name())).append('\n');
      }
      for (BirthDate d : e.birthDates()) {
        b.append("B|").append(d.format()).append('\n');
      }
      for (String c : e.countries()) {
        b.append("C|").append(c).append('\n');
      }
      for (String p : e.programs()) {
        b.append("P|").append(esc(p)).append('\n');
      }
      sha.update(b.toString().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\p").replace("\n", "\\n");
  }
}
