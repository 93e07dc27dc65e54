package org.rialto.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rialto.compliance.lists.EntryName;
import org.rialto.compliance.lists.ImportFormat;
import org.rialto.compliance.lists.ListDiff;
import org.rialto.compliance.lists.ListEntry;
import org.rialto.compliance.lists.ListImporter;
import org.rialto.compliance.lists.ListRepository;
import org.rialto.compliance.lists.ListVersion;
import org.rialto.compliance.lists.SanctionsList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "lists",
    mixinStandardHelpOptions = true,
    description = "Sanctions lists: import new versions, list versions, show what changed.",
    subcommands = {ListsCommand.Import.class, ListsCommand.Versions.class, ListsCommand.Diff.class})
public final class ListsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import list files as a new immutable version. Formats: un (UN consolidated list XML), ofac",
        "(OFAC SDN legacy CSV: sdn.csv, optionally alt.csv and add.csv), csv and json (national list).",
        "The UN and OFAC lists default to the list names UN and OFAC; a national list needs --list."
      })
  static final class Import implements Callable<Integer> {
    @Option(names = "--format", required = true, paramLabel = "un|ofac|csv|json", description = "File format.")
    String format;

    @Option(names = "--list", paramLabel = "NAME", description = "List name (UN, OFAC, RU, IR...).")
    String list;

    @Option(names = "--lists-dir", paramLabel = "DIR", description = "List snapshots (default: ${DEFAULT-VALUE}).")
    Path listsDir = ListRepository.DEFAULT_DIR;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
      ImportFormat f = ImportFormat.parse(format);
      String name = list != null ? list.toUpperCase(Locale.ROOT) : f.defaultListName();
      if (name == null) {
        throw new IllegalArgumentException("--list NAME is required for the " + f.id() + " format");
      }
      List<ListImporter.SourceBytes> sources = new ArrayList<>();
      for (Path p : files) {
        if (Files.size(p) > ListImporter.MAX_FILE_BYTES) {
          throw new IllegalArgumentException(p + " is larger than " + ListImporter.MAX_FILE_BYTES + " bytes");
        }
        sources.add(new ListImporter.SourceBytes(p.getFileName().toString(), Files.readAllBytes(p)));
      }
      ListRepository repo = ListRepository.open(listsDir);
      ListVersion previous = repo.latest(name).orElse(null);
      ListVersion v = repo.importFiles(name, f, sources, Instant.now());
      System.out.printf(Locale.ROOT, "imported %s: %d entries, %d names, content %s, at %s%n", v.label(), v.entryCount(),
          v.nameCount(), v.contentHash().substring(0, 16), v.importedAt());
      if (previous != null) {
        ListDiff d = ListDiff.between(repo.load(name, previous.version()), repo.load(name, v.version()));
        System.out.printf(Locale.ROOT, "since %s: %d added, %d removed, %d changed%s%n", previous.label(), d.added().size(),
            d.removed().size(), d.changed().size(), previous.contentHash().equals(v.contentHash()) ? " (same content)" : "");
      }
      return 0;
    }
  }

  @Command(name = "versions", mixinStandardHelpOptions = true, description = "Every version of every list.")
  static final class Versions implements Callable<Integer> {
    @Option(names = "--lists-dir", paramLabel = "DIR", description = "List snapshots (default: ${DEFAULT-VALUE}).")
    Path listsDir = ListRepository.DEFAULT_DIR;

    @Option(names = "--json", description = "One JSON object per version.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      List<ListVersion> versions = ListRepository.open(listsDir).versions();
      if (json) {
        JsonGenerator g = new JsonFactory().createGenerator(System.out, JsonEncoding.UTF8);
        g.setRootValueSeparator(null);
        for (ListVersion v : versions) {
          g.writeStartObject();
          g.writeStringField("list", v.listName());
          g.writeNumberField("version", v.version());
          g.writeStringField("format", v.format());
          g.writeStringField("contentHash", v.contentHash());
          g.writeStringField("importedAt", v.importedAt().toString());
          g.writeNumberField("entries", v.entryCount());
          g.writeNumberField("names", v.nameCount());
          g.writeArrayFieldStart("sources");
          for (ListVersion.SourceFile s : v.sources()) {
            g.writeString(s.name());
          }
          g.writeEndArray();
          g.writeEndObject();
          g.writeRaw('\n');
        }
        g.flush();
        return 0;
      }
      System.out.printf(Locale.ROOT, "%-8s %7s  %-6s %8s %8s  %-24s  %-16s  %s%n", "LIST", "VERSION", "FORMAT", "ENTRIES",
          "NAMES", "IMPORTED", "CONTENT", "SOURCES");
      for (ListVersion v : versions) {
        System.out.printf(Locale.ROOT, "%-8s %7d  %-6s %8d %8d  %-24s  %-16s  %s%n", v.listName(), v.version(), v.format(),
            v.entryCount(), v.nameCount(), v.importedAt(), v.contentHash().substring(0, 16),
            String.join(" ", v.sources().stream().map(ListVersion.SourceFile::name).toList()));
      }
      return 0;
    }
  }

  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = "Entries added, removed and changed between two versions of a list (default: the last two).")
  static final class Diff implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The list.")
    String list;

    @Option(names = "--from", paramLabel = "V", description = "Older version (default: the one before --to).")
    Integer from;

    @Option(names = "--to", paramLabel = "V", description = "Newer version (default: the latest).")
    Integer to;

    @Option(names = "--lists-dir", paramLabel = "DIR", description = "List snapshots (default: ${DEFAULT-VALUE}).")
    Path listsDir = ListRepository.DEFAULT_DIR;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N entries per section (default: ${DEFAULT-VALUE}).")
    int limit = 50;

    @Override
    public Integer call() {
      String name = list.toUpperCase(Locale.ROOT);
      ListRepository repo = ListRepository.open(listsDir);
      int latest = repo.latest(name).map(ListVersion::version).orElseThrow(
          () -> new IllegalArgumentException("no list named " + name + " in " + listsDir));
      int newer = to != null ? to : latest;
      int older = from != null ? from : newer - 1;
      if (older < 1 || older >= newer) {
        throw new IllegalArgumentException(name + " has no version pair " + older + " -> " + newer
            + " (versions 1.." + latest + "; --from must be below --to)");
      }
      SanctionsList a = repo.load(name, older);
      SanctionsList b = repo.load(name, newer);
      ListDiff d = ListDiff.between(a, b);
      System.out.printf(Locale.ROOT, "%s -> %s: %d added, %d removed, %d changed%n", a.version().label(),
          b.version().label(), d.added().size(), d.removed().size(), d.changed().size());
      section("added", d.added(), "+");
      section("removed", d.removed(), "-");
      if (!d.changed().isEmpty()) {
        System.out.println("changed:");
        for (ListDiff.Change c : d.changed().subList(0, Math.min(limit, d.changed().size()))) {
          System.out.printf(Locale.ROOT, "  ~ %s %s%n", c.id(), c.primaryName());
          for (String line : c.differences()) {
            System.out.println("      " + line);
          }
        }
        more(d.changed().size());
      }
      return 0;
    }

    private void section(String title, List<ListEntry> entries, String mark) {
      if (entries.isEmpty()) {
        return;
      }
      System.out.println(title + ":");
      for (ListEntry e : entries.subList(0, Math.min(limit, entries.size()))) {
        System.out.printf(Locale.ROOT, "  %s %s %s (%s)%s%n", mark, e.id(), e.primaryName().name(),
            e.kind().name().toLowerCase(Locale.ROOT), aliases(e));
      }
      more(entries.size());
    }

    private void more(int size) {
      if (size > limit) {
        System.out.printf(Locale.ROOT, "  ... and %d more (--limit)%n", size - limit);
      }
    }

    private static String aliases(ListEntry e) {
      int n = e.names().size() - 1;
      return n == 0 ? "" : ", " + n + " other name" + (n == 1 ? "" : "s") + ": "
          + String.join("; ", e.names().subList(1, Math.min(4, e.names().size())).stream().map(EntryName::name).toList())
          + (n > 3 ? "; ..." : "");
    }
  }
}
