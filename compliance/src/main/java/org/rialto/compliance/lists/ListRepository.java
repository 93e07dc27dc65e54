package org.rialto.compliance.lists;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory of immutable, versioned list snapshots:
 *
 * <pre>
 * data/lists/UN/v000002.entries.json   the entries of UN version 2
 * data/lists/UN/v000002.json           its version record (written last: a version exists once it is there)
 * </pre>
 *
 * The shipped UN and OFAC lists are version 1 of "UN" and "OFAC" in every repository, so
 * imports of those lists start at version 2 and a fresh node screens against real lists. Files
 * are written to a temporary name, forced to disk and published under their final name with a
 * hard link, which fails rather than replaces: a version, once written, never changes, and two
 * concurrent imports cannot both take the same number. Loading a version checks its entries
 * against the content hash in its record.
 */
public final class ListRepository {
  public static final Path DEFAULT_DIR = Path.of("data", "lists");
  private static final Pattern VERSION_FILE = Pattern.compile("v(\\d{6})\\.json");
  private static final String SNAPSHOT_FORMAT = "rialto-list-snapshot/1";
  private static final int MAX_VERSIONS = 999_999;

  private final Path dir;
  private final ObjectMapper mapper;

  private ListRepository(Path dir) {
    this.dir = dir;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).maxNestingDepth(16).build())
        .build();
    this.mapper = new ObjectMapper(factory);
  }

  /** A repository over {@code dir}; the directory is created on the first import. */
  public static ListRepository open(Path dir) {
    return new ListRepository(dir);
  }

  public Path dir() {
    return dir;
  }

  /** Every version of every list, by list name then version. */
  public List<ListVersion> versions() {
    List<String> names = new ArrayList<>(List.of(BuiltinLists.OFAC, BuiltinLists.UN));
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> lists = Files.newDirectoryStream(dir)) {
        for (Path p : lists) {
          String name = p.getFileName().toString();
          if (Files.isDirectory(p) && !names.contains(name) && isListName(name)) {
            names.add(name);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read list directory " + dir, e);
      }
    }
    names.sort(Comparator.naturalOrder());
    List<ListVersion> out = new ArrayList<>();
    for (String name : names) {
      out.addAll(versions(name));
    }
    return out;
  }

  /** The versions of one list, oldest first (empty if the list is unknown). */
  public List<ListVersion> versions(String listName) {
    ListVersion.checkName(listName);
    List<ListVersion> out = new ArrayList<>();
    if (BuiltinLists.isBuiltin(listName)) {
      out.add(BuiltinLists.get(listName).version());
    }
    Path listDir = dir.resolve(listName);
    if (Files.isDirectory(listDir)) {
      List<Integer> numbers = new ArrayList<>();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(listDir, "v*.json")) {
        for (Path f : files) {
          Matcher m = VERSION_FILE.matcher(f.getFileName().toString());
          if (m.matches()) {
            numbers.add(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read list directory " + listDir, e);
      }
      numbers.sort(Comparator.naturalOrder());
      for (int v : numbers) {
        out.add(readVersion(listName, v));
      }
    }
    return out;
  }

  public Optional<ListVersion> latest(String listName) {
    List<ListVersion> all = versions(listName);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** A stored version, its entries checked against its content hash. */
  public SanctionsList load(String listName, int version) {
    ListVersion.checkName(listName);
    if (version == 1 && BuiltinLists.isBuiltin(listName)) {
      return BuiltinLists.get(listName);
    }
    ListVersion meta = readVersion(listName, version);
    Path entriesFile = entriesFile(listName, version);
    List<ListEntry> entries;
    try {
      entries = readEntries(mapper.readTree(Files.readAllBytes(entriesFile)), entriesFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + entriesFile, e);
    }
    return SanctionsList.restore(meta, entries);
  }

  /** The latest version of {@code listName}. */
  public SanctionsList loadLatest(String listName) {
    ListVersion latest = latest(listName).orElseThrow(() -> new IllegalArgumentException(
        "no list named " + listName + " in " + dir + " (built-in lists: UN, OFAC); import it with `rialto lists import`"));
    return load(listName, latest.version());
  }

  /** Reads files of {@code format} and stores them as the next version of {@code listName}. */
  public ListVersion importFiles(String listName, ImportFormat format, List<ListImporter.SourceBytes> files, Instant importedAt) {
    int next = latest(listName).map(v -> v.version() + 1).orElse(1);
    if (next > MAX_VERSIONS) {
      throw new IllegalStateException("list " + listName + " has reached " + MAX_VERSIONS + " versions");
    }
    SanctionsList list = ListImporter.importList(listName, next, format, files, importedAt);
    store(list);
    return list.version();
  }

  /** Writes a new version. It must be the next version number of its list. */
  public void store(SanctionsList list) {
    ListVersion v = list.version();
    int expected = latest(v.listName()).map(x -> x.version() + 1).orElse(1);
    if (v.version() != expected) {
      throw new IllegalArgumentException("cannot store " + v.label() + ": the next version of " + v.listName() + " is " + expected);
    }
    Path listDir = dir.resolve(v.listName());
    try {
      Files.createDirectories(listDir);
      Path entries = entriesFile(v.listName(), v.version());
      if (Files.exists(entries) && !Files.exists(versionFile(v.listName(), v.version()))) {
        // Left by an import that stopped before writing its version record: never published.
        Files.delete(entries);
      }
      publish(entries, entriesJson(list));
      publish(versionFile(v.listName(), v.version()), versionJson(v));
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(v.label() + " was written by another import at the same time; import again", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + v.label() + " to " + listDir, e);
    }
  }

  private static boolean isListName(String name) {
    try {
      ListVersion.checkName(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Path versionFile(String listName, int version) {
    return dir.resolve(listName).resolve(String.format("v%06d.json", version));
  }

  private Path entriesFile(String listName, int version) {
    return dir.resolve(listName).resolve(String.format("v%06d.entries.json", version));
  }

  /** Durable, no-replace publication: temp file, fsync, hard link to the final name. */
  private static void publish(Path target, byte[] content) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".json");
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(java.nio.ByteBuffer.wrap(content));
        ch.force(true);
      }
      Files.createLink(target, temp);
      target.toFile().setReadOnly();
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private ListVersion readVersion(String listName, int version) {
    Path f = versionFile(listName, version);
    try {
      JsonNode n = mapper.readTree(Files.readAllBytes(f));
      if (!SNAPSHOT_FORMAT.equals(text(n, "format"))) {
        throw new IllegalStateException(f + ": not a " + SNAPSHOT_FORMAT + " version record");
      }
      List<ListVersion.SourceFile> sources = new ArrayList<>();
      for (JsonNode s : n.path("sources")) {
        sources.add(new ListVersion.SourceFile(text(s, "name"), text(s, "sha256"), s.path("bytes").asLong()));
      }
      ListVersion v = new ListVersion(text(n, "list"), n.path("version").asInt(), text(n, "importFormat"),
          text(n, "contentHash"), Instant.parse(text(n, "importedAt")), n.path("entryCount").asInt(),
          n.path("nameCount").asInt(), sources);
      if (!v.listName().equals(listName) || v.version() != version) {
        throw new IllegalStateException(f + " records " + v.label() + ", not " + listName + " v" + version);
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read list version " + f, e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalStateException("list snapshot field '" + field + "' missing or not text");
    }
    return v.asText();
  }

  private byte[] versionJson(ListVersion v) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", SNAPSHOT_FORMAT);
      g.writeStringField("list", v.listName());
      g.writeNumberField("version", v.version());
      g.writeStringField("importFormat", v.format());
      g.writeStringField("contentHash", v.contentHash());
      g.writeStringField("importedAt", v.importedAt().toString());
      g.writeNumberField("entryCount", v.entryCount());
      g.writeNumberField("nameCount", v.nameCount());
      g.writeArrayFieldStart("sources");
      for (ListVersion.SourceFile s : v.sources()) {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("sha256", s.sha256());
        g.writeNumberField("bytes", s.bytes());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private byte[] entriesJson(SanctionsList list) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeEntries(list.entries(), out);
    return out.toByteArray();
  }

  private void writeEntries(List<ListEntry> entries, OutputStream out) throws IOException {
    try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("format", SNAPSHOT_FORMAT);
      g.writeArrayFieldStart("entries");
      for (ListEntry e : entries) {
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("reference", e.reference());
        g.writeStringField("kind", e.kind().name());
        g.writeArrayFieldStart("names");
        for (EntryName n : e.names()) {
          g.writeStartObject();
          g.writeStringField("name", n.name());
          g.writeStringField("type", n.type().name());
          g.writeStringField("quality", n.quality().name());
          g.writeEndObject();
        }
        g.writeEndArray();
        writeStrings(g, "birthDates", e.birthDates().stream().map(BirthDate::format).toList());
        writeStrings(g, "countries", e.countries());
        writeStrings(g, "programs", e.programs());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static List<ListEntry> readEntries(JsonNode root, Path source) {
    if (!SNAPSHOT_FORMAT.equals(root.path("format").asText())) {
      throw new IllegalStateException(source + ": not a " + SNAPSHOT_FORMAT + " entries file");
    }
    List<ListEntry> entries = new ArrayList<>();
    for (JsonNode e : root.path("entries")) {
      List<EntryName> names = new ArrayList<>();
      for (JsonNode n : e.path("names")) {
        names.add(new EntryName(text(n, "name"), EntryName.Type.valueOf(text(n, "type")),
            EntryName.Quality.valueOf(text(n, "quality"))));
      }
      List<BirthDate> births = new ArrayList<>();
      for (JsonNode b : e.path("birthDates")) {
        births.add(BirthDate.parse(b.asText()));
      }
      entries.add(new ListEntry(text(e, "id"), text(e, "reference"), EntryKind.valueOf(text(e, "kind")), names,
          births, strings(e.path("countries")), strings(e.path("programs"))));
    }
    return entries;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array) {
      out.add(v.asText());
    }
    return out;
  }
}
