package org.rialto.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rialto.compliance.bench.ScreeningBenchmark;
import org.rialto.compliance.lists.BuiltinLists;
import org.rialto.compliance.lists.SanctionsList;
import org.rialto.compliance.match.NameMatcher;
import org.rialto.compliance.screening.Screener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "screening",
    mixinStandardHelpOptions = true,
    description = {
      "Sanctions screening on one thread against the UN list and the OFAC extract (every name and",
      "alias), with names never screened before, in a payment mix: 80%% people and companies on no",
      "list (Latin, Cyrillic and Persian script), 15%% list names mutated (typos, transliteration",
      "swaps, reordered, dropped or added words), 5%% list names in Cyrillic or Arabic script; no cache.",
      "Bar: >= 50,000 screenings/s on one core, p99 <= 1 ms."
    })
public final class BenchScreeningCommand implements Callable<Integer> {
  private static final double BAR_SCREENINGS_PER_S = 50_000;
  private static final double BAR_P99_MS = 1.0;
  /** At most this many settling parts after the warm-up (200,000 names). */
  private static final int MAX_SETTLE_PARTS = 10;

  @Option(names = "--queries", description = "Screenings measured (default: ${DEFAULT-VALUE}).")
  int queries = 200_000;

  @Option(names = "--warmup", description = "Screenings of other new names before measuring (default: ${DEFAULT-VALUE}).")
  int warmup = 100_000;

  @Option(names = "--seed", description = "Seed of the generated names (default: ${DEFAULT-VALUE}).")
  long seed = 20_260_301L;

  @Option(names = "--baseline-queries", description = "Names screened by the brute-force baseline, a scan of every list name "
      + "with the same scorer, and the index's recall against that scan on the same names (default: ${DEFAULT-VALUE}; 0 skips both).")
  int baselineQueries = 200;

  @Option(names = "--json", description = "End with one line holding every figure as a JSON object.")
  boolean json;

  @Override
  public Integer call() {
    if (queries < 1000 || queries > ScreeningBenchmark.MAX_QUERIES || warmup < 0 || warmup > ScreeningBenchmark.MAX_QUERIES) {
      throw new IllegalArgumentException("--queries must be 1000.." + ScreeningBenchmark.MAX_QUERIES + ", --warmup 0.."
          + ScreeningBenchmark.MAX_QUERIES);
    }
    List<SanctionsList> lists = List.of(BuiltinLists.un(), BuiltinLists.ofac());
    long t0 = System.nanoTime();
    Screener screener = Screener.build(lists, Map.of(), NameMatcher.DEFAULT_THRESHOLD);
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    List<String> warm = ScreeningBenchmark.queries(lists, Math.max(1, warmup), seed, java.util.Set.of());
    List<String> measured = ScreeningBenchmark.queries(lists, queries, seed + 1, new HashSet<>(warm));
    System.out.printf(Locale.ROOT, "rialto bench screening: %s, one thread, %,d new names measured after %,d warm-up names%n",
        String.join(" + ", lists.stream().map(l -> l.version().label()).toList()), queries, warmup);
    System.out.printf(Locale.ROOT, "names: %s%n", ScreeningBenchmark.Mix.PAYMENTS.describe());
    System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; index built in %.1f s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"), buildSeconds);
    int settled = 0;
    if (warmup > 0) {
      // Then warm on until the JIT has settled (new names again, none of them measured), so that the
      // measured names are screened by compiled code rather than by whatever C2 reached so far.
      for (String q : warm) {
        screener.screenName(q);
      }
      java.util.Set<String> used = new HashSet<>(warm);
      used.addAll(measured);
      settled = ScreeningBenchmark.settle(screener, part -> {
        List<String> more = ScreeningBenchmark.queries(lists, ScreeningBenchmark.SETTLE_PART, seed + 2 + part, used);
        used.addAll(more);
        return more;
      }, MAX_SETTLE_PARTS);
      System.out.printf(Locale.ROOT, "warm-up: %,d more new names until the JIT compiled for under %.0f%% of their CPU time%n",
          settled, 100 * ScreeningBenchmark.JIT_SETTLED_SHARE);
    }
    ScreeningBenchmark.Result r = ScreeningBenchmark.run(screener, List.of(), measured);
    System.out.printf(Locale.ROOT, "list names indexed: %,d; names with a hit: %.1f%%%n", r.listNames(), r.hitRate() * 100);
    System.out.printf(Locale.ROOT, "throughput: %,.0f screenings/s (wall clock), %,.0f screenings/s (CPU time of the thread)%n",
        r.screeningsPerSecond(), r.cpuScreeningsPerSecond());
    System.out.printf(Locale.ROOT, "latency: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n", r.p50Millis(), r.p99Millis(),
        r.p999Millis(), r.maxMillis());
    double baseline = 0;
    Screener.IndexRecall recall = new Screener.IndexRecall(0, 0, List.of());
    if (baselineQueries > 0) {
      List<String> sample = measured.subList(0, Math.min(baselineQueries, measured.size()));
      baseline = ScreeningBenchmark.bruteForce(screener, sample, new int[sample.size()]);
      System.out.printf(Locale.ROOT, "baseline (same scorer on every one of the %,d list names, no index, %,d names): %,.0f screenings/s"
          + " (CPU time); the index is %.0fx faster%n", r.listNames(), sample.size(), baseline, r.cpuScreeningsPerSecond() / baseline);
      // What the speed costs in hits: the index against the same scan, on the same names.
      recall = screener.recallAgainstBruteForce(sample);
      System.out.printf(Locale.ROOT, "index recall against the scan, same names: %d of %d list entries found (%.3f)%s%n",
          recall.found(), recall.expected(), recall.recall(), recall.missed().isEmpty() ? "" : "; missed: " + recall.missed());
    }
    System.out.printf(Locale.ROOT, "load average at the end: %.2f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    boolean meets = r.screeningsPerSecond() >= BAR_SCREENINGS_PER_S && r.p99Millis() <= BAR_P99_MS;
    System.out.printf(Locale.ROOT, "bar: >= %,.0f screenings/s and p99 <= %.1f ms: %s%n", BAR_SCREENINGS_PER_S, BAR_P99_MS,
        meets ? "met" : "NOT met");
    if (json) {
      System.out.printf(Locale.ROOT,
          "{\"bench\":\"screening\",\"list_names\":%d,\"queries\":%d,\"screenings_per_s\":%.0f,\"cpu_screenings_per_s\":%.0f,"
              + "\"p50_ms\":%.4f,\"p999_ms\":%.4f,\"max_ms\":%.4f,\"hit_rate\":%.4f,\"baseline_cpu_screenings_per_s\":%.1f,"
              + "\"index_build_s\":%.2f,\"index_recall_vs_scan\":%.4f,\"index_recall_entries\":%d,\"bar_met\":%b,\"p99_ms\":%.4f}%n",
          r.listNames(), r.queries(), r.screeningsPerSecond(), r.cpuScreeningsPerSecond(), r.p50Millis(),
          r.p999Millis(), r.maxMillis(), r.hitRate(), baseline, buildSeconds, recall.recall(), recall.expected(), meets,
          r.p99Millis());
    }
    return 0;
  }
}
