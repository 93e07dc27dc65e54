package org.rialto.cli;

import java.util.concurrent.Callable;
import org.rialto.store.LocalPostgres;
import org.rialto.store.bench.LedgerBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = {
      "Ledger throughput on one seeded workload: in memory, durable on SQLite, durable on PostgreSQL,",
      "and the row-lock PostgreSQL ledger most teams build (one SQL transaction per transfer,",
      "SELECT ... FOR UPDATE on both accounts) on the same server as the baseline.",
      "PostgreSQL is started embedded (fsync on) unless " + LocalPostgres.URL_ENV + " is set."
    })
public final class BenchLedgerCommand implements Callable<Integer> {
  @Option(names = "--accounts", description = "Settlement accounts (default: ${DEFAULT-VALUE}).")
  int accounts = LedgerBench.Options.defaults().accounts();

  @Option(names = "--hot-accounts", description = "How many accounts are hot (default: ${DEFAULT-VALUE}).")
  int hotAccounts = LedgerBench.Options.defaults().hotAccounts();

  @Option(names = "--hot-percent", description = "Share of transfers touching a hot account (default: ${DEFAULT-VALUE}).")
  int hotPercent = LedgerBench.Options.defaults().hotPercent();

  @Option(names = "--transfers", description = "Workload transfers after funding (default: ${DEFAULT-VALUE}).")
  int transfers = LedgerBench.Options.defaults().transfers();

  @Option(names = "--batch", description = "Most events per batch (default: ${DEFAULT-VALUE}).")
  int batch = LedgerBench.Options.defaults().batch();

  @Option(names = "--submitters", description = "Client threads submitting to the durable writer (default: ${DEFAULT-VALUE}).")
  int submitters = LedgerBench.Options.defaults().submitters();

  @Option(names = "--baseline-threads", description = "Client threads of the row-lock baseline (default: ${DEFAULT-VALUE}).")
  int baselineThreads = LedgerBench.Options.defaults().baselineThreads();

  @Option(names = "--baseline-seconds", description = "How long the baseline runs (default: ${DEFAULT-VALUE}).")
  double baselineSeconds = LedgerBench.Options.defaults().baselineSeconds();

  @Option(names = "--seed", description = "Workload seed (default: ${DEFAULT-VALUE}).")
  long seed = LedgerBench.Options.defaults().seed();

  @Option(names = "--json", description = "End with one line holding every figure as a JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    QuietLibraries.apply();
    var options = new LedgerBench.Options(seed, accounts, hotAccounts, hotPercent, transfers, batch, submitters,
        LedgerBench.Options.defaults().inFlightPerSubmitter(), baselineThreads, baselineSeconds, null);
    LedgerBench.Result result = LedgerBench.run(options, System.out);
    if (json) {
      System.out.println(result.json());
    }
    return 0;
  }
}
