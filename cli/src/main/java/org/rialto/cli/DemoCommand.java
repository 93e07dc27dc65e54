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

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the seed corridor scenario.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--ledger-only", description = "Run only the durable ledger scenario (two currencies, restart, verify).")
  boolean ledgerOnly;

  @Option(names = "--data", paramLabel = "DIR", description = "Keep the demo's store in DIR (default: a temporary folder, removed afterwards).")
  Path data;

  @Option(names = "--payments", description = "Payments to settle in the ledger scenario (default: ${DEFAULT-VALUE}).")
  int payments = 3000;

  @Override
  public Integer call() throws Exception {
    // Until the network exists the demo is the ledger scenario, with or without --ledger-only.
    return runLedgerDemo() ? 0 : 1;
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
