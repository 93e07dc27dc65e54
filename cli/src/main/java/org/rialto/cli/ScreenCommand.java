package org.rialto.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rialto.compliance.lists.Csv;
import org.rialto.compliance.lists.ListRepository;
import org.rialto.compliance.lists.ListVersion;
import org.rialto.compliance.match.NameMatcher;
import org.rialto.compliance.match.TokenPair;
import org.rialto.compliance.screening.Party;
import org.rialto.compliance.screening.PartyRole;
import org.rialto.compliance.screening.Screener;
import org.rialto.compliance.screening.ScreeningConfig;
import org.rialto.compliance.screening.ScreeningHit;
import org.rialto.compliance.screening.ScreeningResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description = {
      "Screen names against the configured sanctions lists (any script: Latin, Cyrillic, Persian/Arabic).",
      "Lists: --config FILE (YAML: lists and thresholds of the jurisdiction), or --list NAME..., else the",
      "built-in UN and OFAC lists; versions come from --lists-dir. Exit status: 0 all clear, 1 a hit.",
      "",
      "--pairs FILE.csv scores name pairs instead (CSV with a header naming columns name1 and name2,",
      "quoted fields allowed) and prints per pair one JSON line {\"name1\", \"name2\", \"score\", \"match\"}",
      "with the production scoring and threshold."
    })
public final class ScreenCommand implements Callable<Integer> {
  /** Pairs read from one file: enough for any labelled set, bounded for memory. */
  private static final int MAX_PAIRS = 5_000_000;

  @Parameters(arity = "0..*", paramLabel = "NAME", description = "Names to screen.")
  List<String> names = new ArrayList<>();

  @Option(names = "--pairs", paramLabel = "FILE.csv", description = "Score the name pairs of a CSV file (columns name1,name2).")
  Path pairs;

  @Option(names = "--json", description = "JSON output: one object per screened name (or per pair).")
  boolean json;

  @Option(names = "--lists-dir", paramLabel = "DIR", description = "List snapshots (default: ${DEFAULT-VALUE}).")
  Path listsDir = ListRepository.DEFAULT_DIR;

  @Option(names = "--config", paramLabel = "FILE.yaml", description = "Screening configuration: the lists of the jurisdiction.")
  Path config;

  @Option(names = "--list", paramLabel = "NAME", description = "A list to screen against (repeatable), at its latest version.")
  List<String> lists;

  @Option(names = "--country", paramLabel = "CC", description = "Country (ISO alpha-2) of the screened party, as evidence.")
  String country;

  @Option(names = "--dob", paramLabel = "YYYY-MM-DD", description = "Date of birth of the screened party, as evidence.")
  LocalDate dateOfBirth;

  @Override
  public Integer call() throws IOException {
    QuietLibraries.apply();
    if (pairs != null) {
      if (!names.isEmpty()) {
        throw new IllegalArgumentException("give either NAMEs or --pairs FILE, not both");
      }
      scorePairs();
      return 0;
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("give at least one NAME to screen, or --pairs FILE.csv");
    }
    ScreeningConfig cfg = config != null ? ScreeningConfig.load(config)
        : lists != null && !lists.isEmpty() ? ScreeningConfig.ofLists(lists) : ScreeningConfig.defaults();
    Screener screener = cfg.buildScreener(ListRepository.open(listsDir));
    boolean anyHit = false;
    try (OutputStream out = new BufferedOutputStream(System.out)) {
      JsonGenerator g = json ? new JsonFactory().createGenerator(out, JsonEncoding.UTF8) : null;
      if (g != null) {
        g.setRootValueSeparator(null);
      }
      for (String name : names) {
        String cc = country == null ? null : country.toUpperCase(Locale.ROOT);
        ScreeningResult r = screener.screen(List.of(new Party(PartyRole.NAME, name, cc, dateOfBirth)));
        anyHit |= !r.clear();
        if (g != null) {
          writeJson(g, name, r);
        } else {
          writeText(out, name, r);
        }
      }
      if (g != null) {
        g.flush();
      }
    }
    return anyHit ? 1 : 0;
  }

  private void scorePairs() throws IOException {
    NameMatcher matcher = NameMatcher.standard();
    List<List<String>> rows = Csv.parse(Csv.decode(Files.readAllBytes(pairs)), MAX_PAIRS + 1, 64);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(pairs + " is empty: expected a header line with name1,name2");
    }
    List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int c1 = header.indexOf("name1");
    int c2 = header.indexOf("name2");
    if (c1 < 0 || c2 < 0) {
      throw new IllegalArgumentException(pairs + ": the header must name the columns name1 and name2, got " + rows.get(0));
    }
    double threshold = NameMatcher.DEFAULT_THRESHOLD;
    try (OutputStream out = new BufferedOutputStream(System.out, 1 << 16)) {
      JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
      g.setRootValueSeparator(null);
      for (int i = 1; i < rows.size(); i++) {
        List<String> row = rows.get(i);
        if (row.size() <= Math.max(c1, c2)) {
          throw new IllegalArgumentException(pairs + " record " + i + " has " + row.size() + " fields; name1 and name2 are required");
        }
        String a = row.get(c1);
        String b = row.get(c2);
        double score = matcher.score(a, b);
        if (json) {
          g.writeStartObject();
          g.writeStringField("name1", a);
          g.writeStringField("name2", b);
          g.writeNumberField("score", Math.round(score * 10_000) / 10_000.0);
          g.writeBooleanField("match", score >= threshold);
          g.writeEndObject();
          g.flush();
          out.write('\n');
        } else {
          out.write(String.format(Locale.ROOT, "%.4f %s  %s | %s%n", score, score >= threshold ? "MATCH" : "-    ", a, b)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      g.flush();
    }
  }

  private static void writeText(OutputStream out, String name, ScreeningResult r) throws IOException {
    StringBuilder b = new StringBuilder();
    String lists = String.join(", ", r.listsUsed().stream().map(ListVersion::label).toList());
    if (r.clear()) {
      b.append("CLEAR  ").append(name).append("  (").append(lists).append(")\n");
    } else {
      b.append("HIT    ").append(name).append("  (").append(lists).append(")\n");
      for (ScreeningHit h : r.hits()) {
        b.append("  - ").append(h.explain()).append('\n');
      }
      for (String i : r.incomplete()) {
        b.append("  - incomplete: ").append(i).append('\n');
      }
    }
    out.write(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void writeJson(JsonGenerator g, String name, ScreeningResult r) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeBooleanField("clear", r.clear());
    g.writeArrayFieldStart("lists");
    for (ListVersion v : r.listsUsed()) {
      g.writeStartObject();
      g.writeStringField("list", v.listName());
      g.writeNumberField("version", v.version());
      g.writeStringField("contentHash", v.contentHash());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("hits");
    for (ScreeningHit h : r.hits()) {
      g.writeStartObject();
      g.writeStringField("list", h.listName());
      g.writeNumberField("listVersion", h.listVersion());
      g.writeStringField("entryId", h.entryId());
      g.writeStringField("entryReference", h.entryReference());
      g.writeStringField("entryKind", h.entryKind().name());
      g.writeStringField("primaryName", h.primaryName());
      g.writeStringField("matchedName", h.matchedName());
      g.writeStringField("matchedNameType", h.matchedNameType().name());
      g.writeStringField("matchedNameQuality", h.matchedNameQuality().name());
      g.writeNumberField("nameScore", Math.round(h.nameScore() * 10_000) / 10_000.0);
      g.writeNumberField("score", Math.round(h.score() * 10_000) / 10_000.0);
      g.writeNumberField("threshold", h.threshold());
      g.writeArrayFieldStart("matchedTokens");
      for (TokenPair p : h.matchedTokens()) {
        g.writeStartObject();
        g.writeStringField("screened", p.queryWord());
        g.writeStringField("listed", p.listWord());
        g.writeNumberField("similarity", Math.round(p.similarity() * 10_000) / 10_000.0);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("unmatchedWords");
      for (String w : h.unmatchedWords()) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("evidence");
      for (String e : h.evidence()) {
        g.writeString(e);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("incomplete");
    for (String i : r.incomplete()) {
      g.writeString(i);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    g.writeRaw('\n');
  }
}
