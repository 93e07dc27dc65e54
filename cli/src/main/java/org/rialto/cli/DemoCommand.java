package org.rialto.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.rialto.store.demo.LedgerDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the seed corridor scenario: a RUB node and an IRR node in two processes, real cross-border payments.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--ledger-only", description = "Run only the durable ledger scenario (two currencies, restart, verify).")
  boolean ledgerOnly;

  @Option(names = "--data", paramLabel = "DIR", description = "Where the demo keeps its stores and logs (default: data/demo; the ledger-only scenario uses a temporary folder).")
  Path data;

  @Option(names = "--payments", description = "Payments to settle in the ledger scenario (default: ${DEFAULT-VALUE}).")
  int payments = 3000;

  @Option(names = "--keep", description = "Leave both nodes running after the scenario, to explore their APIs.")
  boolean keep;

  @Option(names = "--json", description = "End with one line of JSON: payments, settled, rejected, both_legs_consistent, conserved.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    QuietLibraries.apply();
    if (ledgerOnly) return runLedgerDemo() ? 0 : 1;
    return runCorridorDemo();
  }

  private int runCorridorDemo() throws Exception {
    Path dir = data != null ? data : Path.of("data", "demo");
    // A fresh scenario each run: the demo's stores are its own, never an operator's.
    if (Files.exists(dir)) deleteRecursively(dir);
    Files.createDirectories(dir);
    long started = System.nanoTime();
    var summary = new CorridorDemo(dir.toAbsolutePath(), System.out).run(keep);
    System.out.printf("Scenario ran in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    boolean ok = summary.bothLegsConsistent() && summary.conserved();
    if (json) {
      System.out.println("{\"payments\": " + summary.payments() + ", \"settled\": " + summary.settled()
          + ", \"rejected\": " + summary.rejected() + ", \"both_legs_consistent\": " + summary.bothLegsConsistent()
          + ", \"conserved\": " + summary.conserved() + "}");
    }
    return ok ? 0 : 1;
  }

  private boolean runLedgerDemo() throws Exception {
    Path dir = data != null ? Files.createDirectories(data) : Files.createTempDirectory("rialto-demo-");
    try {
      return LedgerDemo.run(dir, payments, System.out).ok();
    } finally {
      if (data == null) {
        deleteRecursively(dir);
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
