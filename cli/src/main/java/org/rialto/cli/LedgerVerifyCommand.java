package org.rialto.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.rialto.ledger.CurrencyTotals;
import org.rialto.store.StoreException;
import org.rialto.store.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute the journal's hash chain and every balance from the first row, and check every",
      "ledger invariant. Read-only. Exit 0 when all holds, 1 at the first bad row (named by seq),",
      "2 when the store cannot be read."
    })
public final class LedgerVerifyCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, paramLabel = "URL",
      description = "A SQLite file path, jdbc:sqlite:PATH, or jdbc:postgresql://HOST/DB?user=...")
  String store;

  @Override
  public Integer call() {
    QuietLibraries.apply();
    long started = System.nanoTime();
    Verifier.Report report;
    try {
      report = Verifier.verify(store);
    } catch (StoreException | IllegalArgumentException e) {
      System.err.println("ledger verify: cannot read the store: " + e.getMessage());
      return 2;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!report.ok()) {
      System.out.printf(Locale.ROOT, "ledger verify: FAILED at journal seq %d: %s%n", report.firstBadSeq(), report.problem());
      System.out.printf(Locale.ROOT, "  rows before it are intact: seq 1..%d (%,d events)%n", report.headSeq(), report.events());
      return 1;
    }
    System.out.printf(Locale.ROOT, "ledger verify: OK: %,d journal rows, %,d events, %,d accounts, %,d transfers (%.1f s)%n",
        report.rows(), report.events(), report.accounts(), report.transfers(), seconds);
    System.out.printf(Locale.ROOT, "  hash chain intact to seq %d, head hash %s%n", report.headSeq(), report.headHash());
    for (CurrencyTotals t : report.totals().values()) {
      System.out.printf(Locale.ROOT, "  %s: %d accounts; debits posted = credits posted = %s; pending %s = %s%n",
          t.currency(), t.accounts(), t.creditsPosted(), t.debitsPending(), t.creditsPending());
    }
    System.out.println("  invariants: every currency balances, no account past its limit, every pending transfer settled at most once");
    return 0;
  }
}
