package org.rialto.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Domestic RTGS throughput and latency of one node over real HTTP on loopback, load generator",
      "in the same run: JSON batches of 100, single JSON payments, pacs.008 with 100 and with 1",
      "transaction, then JSON batches at half the batched rate (open loop) for the latency bar.",
      "Bars (issue 4): >= 20,000 settled payments/s batched; p99 <= 50 ms at half that rate."
    })
public final class BenchNodeCommand implements Callable<Integer> {
  @Option(names = "--seconds", description = "Length of each measured phase (default: ${DEFAULT-VALUE}).")
  int seconds = 10;

  @Option(names = "--clients", description = "Client threads for batched messages; single messages use 4x (default: ${DEFAULT-VALUE}).")
  int clients = 4;

  @Option(names = "--batch", description = "Payments per batched message (default: ${DEFAULT-VALUE}).")
  int batch = 100;

  @Option(names = "--phases", split = ",", description = "Phases to run, in order (default: all: ${DEFAULT-VALUE}).")
  java.util.List<String> phases = NodeBench.PHASES;

  @Option(names = "--warmup-seconds", description = "Unmeasured batched load first, for the JIT (default: ${DEFAULT-VALUE}).")
  int warmupSeconds = 10;

  @Option(names = "--screening", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Screen every name against the UN and OFAC lists, as a production node does (default: on; --no-screening to compare).")
  boolean screening = true;

  @Option(names = "--json", description = "End with one line holding the figures as a JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    QuietLibraries.apply();
    var options = new NodeBench.Options(seconds, clients, batch, 20, warmupSeconds, phases, screening);
    var results = NodeBench.run(options, System.out);
    var batched = results.stream().filter(p -> p.key().equals("batch")).findFirst().orElse(null);
    var half = results.stream().filter(p -> p.key().equals("half-rate")).findFirst().orElse(null);
    var baseline = results.stream().filter(p -> p.key().equals("baseline")).findFirst().orElse(null);
    Double ratio = batched == null || baseline == null || baseline.settledPerSecond() <= 0 ? null
        : batched.settledPerSecond() / baseline.settledPerSecond();
    if (ratio != null) {
      System.out.printf(Locale.ROOT, "ratio: %.2fx the baseline (%.0f vs %.0f settled/s; CPU per payment %.0f vs %.0f us)%n", ratio,
          batched.settledPerSecond(), baseline.settledPerSecond(), batched.cpuMicrosPerPayment(), baseline.cpuMicrosPerPayment());
    }
    // The headline figures: throughput with batched messages, latency at half that rate (the
    // bars' own definitions); every phase's figures follow under their own keys.
    var headline = half != null ? half : batched != null ? batched : results.get(0);
    double settledPerSecond = batched != null ? batched.settledPerSecond() : headline.settledPerSecond();
    Boolean throughputBar = batched == null ? null : batched.settledPerSecond() >= 20_000;
    Boolean latencyBar = half == null ? null : half.p99Ms() <= 50;
    System.out.printf(Locale.ROOT, "bar: >= 20,000 settled/s batched: %s; p99 <= 50 ms at half rate: %s%n",
        throughputBar == null ? "not run" : (throughputBar ? "met" : "NOT met") + String.format(Locale.ROOT, " (%.0f)", settledPerSecond),
        latencyBar == null ? "not run" : (latencyBar ? "met" : "NOT met") + String.format(Locale.ROOT, " (%.2f ms)", half.p99Ms()));
    if (json) {
      var sb = new StringBuilder("{");
      sb.append(String.format(Locale.ROOT, "\"settled_per_s\":%.0f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,",
          settledPerSecond, headline.p50Ms(), headline.p99Ms(), headline.p999Ms()));
      for (var p : results) sb.append(p.json()).append(',');
      sb.append("\"bar_throughput_met\":").append(throughputBar).append(",\"bar_p99_met\":").append(latencyBar)
          .append(",\"ratio_vs_baseline\":").append(ratio == null ? "null" : String.format(Locale.ROOT, "%.2f", ratio))
          .append(",\"screening\":").append(screening).append(",\"cores\":").append(Runtime.getRuntime().availableProcessors()).append('}');
      System.out.println(sb);
    }
    return 0;
  }
}
