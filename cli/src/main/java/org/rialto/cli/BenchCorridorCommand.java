package org.rialto.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "corridor",
    mixinStandardHelpOptions = true,
    description = {
      "Cross-border throughput and latency of a two-node corridor (RUB node and IRR node in this JVM,",
      "each on its own SQLite store), load generator included: banks on both sides quote and pay",
      "batches, and learn each payment's final state from the pacs.002 in their inbox.",
      "Bars (issue 5): >= 10,000 payments/s settled on both legs; p99 <= 100 ms at half that rate."
    })
public final class BenchCorridorCommand implements Callable<Integer> {
  @Option(names = "--seconds", description = "Length of each measured phase (default: ${DEFAULT-VALUE}).")
  int seconds = 10;

  // Six, not four: a closed loop measures capacity only when it keeps the machine busy. With four
  // banks a side (eight batches in flight) the quiet runs of session 9 left 13-17% of the two cores
  // idle (1.66-1.78 busy) while every batch waited on some commit's fsync or peer round trip; six a
  // side gave 6-8% more settled/s at the same CPU per payment in two loaded A/B pairs, and eight no
  // more than six (BENCHMARKS.md, Corridor, session 10).
  @Option(names = "--clients", description = "Sending banks per direction, one batch in flight each (default: ${DEFAULT-VALUE}).")
  int clients = 6;

  @Option(names = "--batch", description = "Payments per message, each with its own quote (default: ${DEFAULT-VALUE}).")
  int batch = 100;

  @Option(names = "--warmup-seconds", description = "Unmeasured load first, for the JIT (default: ${DEFAULT-VALUE}).")
  int warmupSeconds = 5;

  @Option(names = "--max-warmup-seconds", description = "The warm-up goes on in 5 s parts while the JIT compilers take more than 5%%"
      + " of the CPU, up to this many seconds in all (default: ${DEFAULT-VALUE}; at most --warmup-seconds turns it off).")
  int maxWarmupSeconds = 60;

  @Option(names = "--open-rate", description = "Payments/s offered in the open-loop phase instead of half the closed loop's"
      + " rate, to compare two builds at the same load (default: half; the p99 bar is judged at half rate only).")
  double openRate = 0;

  @Option(names = "--baseline", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also run the named baseline: both writers committing each turn before the next (default: on).")
  boolean baseline = true;

  @Option(names = "--json", description = "End with one line holding the figures as a JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    QuietLibraries.apply();
    var phases = CorridorBench.run(new CorridorBench.Options(seconds, clients, batch, warmupSeconds,
        Math.max(warmupSeconds, maxWarmupSeconds), openRate), System.out, baseline);
    var max = phases.get(0);
    var half = phases.get(1);
    var base = baseline ? phases.get(2) : null;
    Double ratio = base == null || base.settledPerSecond() <= 0 ? null : max.settledPerSecond() / base.settledPerSecond();
    if (ratio != null) {
      System.out.printf(Locale.ROOT, "ratio: %.2fx the baseline (%.0f vs %.0f settled/s on both legs; CPU per payment %.0f vs %.0f us)%n",
          ratio, max.settledPerSecond(), base.settledPerSecond(), max.cpuMicrosPerPayment(), base.cpuMicrosPerPayment());
    }
    boolean throughputBar = max.settledPerSecond() >= 10_000;
    boolean latencyBar = half.p99Ms() <= 100;
    System.out.printf(Locale.ROOT, "bar: >= 10,000 settled/s: %s (%.0f); p99 <= 100 ms at half rate: %s (%.2f ms)%n",
        throughputBar ? "met" : "NOT met", max.settledPerSecond(), latencyBar ? "met" : "NOT met", half.p99Ms());
    if (json) {
      System.out.println(String.format(Locale.ROOT, "{\"settled_per_s\":%.0f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,",
          max.settledPerSecond(), half.p50Ms(), half.p99Ms(), half.p999Ms())
          + max.json() + "," + half.json() + (base == null ? "" : "," + base.json())
          + ",\"ratio_vs_baseline\":" + (ratio == null ? "null" : String.format(Locale.ROOT, "%.2f", ratio)) + ",\"bar_throughput_met\":" + throughputBar + ",\"bar_p99_met\":" + latencyBar
          + ",\"cores\":" + Runtime.getRuntime().availableProcessors() + "}");
    }
    return 0;
  }
}
