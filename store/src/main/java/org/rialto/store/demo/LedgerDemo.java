package org.rialto.store.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.rialto.ledger.AccountFlags;
import org.rialto.ledger.AccountKind;
import org.rialto.ledger.AccountView;
import org.rialto.ledger.CurrencyTotals;
import org.rialto.ledger.EventResult;
import org.rialto.ledger.Id128;
import org.rialto.ledger.LedgerEvent;
import org.rialto.ledger.TransferFlags;
import org.rialto.store.LedgerWriter;
import org.rialto.store.Store;
import org.rialto.store.StoreUrl;
import org.rialto.store.Verifier;

/**
 * The ledger on its own, before the network exists: a small two-currency scenario (RUB and IRR
 * settlement accounts of fictional banks, the two central banks' issuance accounts, one FX
 * provider holding an account in each currency) settled through the durable writer on a SQLite
 * file, then a restart from that file, balances and the invariant check.
 *
 * <p>Both currencies share one ledger here only because this demo has one process; in a network
 * each currency lives on its own central bank's node.
 */
public final class LedgerDemo {
  private static final String RUB = "RUB";
  private static final String IRR = "IRR";

  /** One account of the scenario. */
  private record Party(long id, String participant, String name, String currency, int minorUnits, AccountKind kind, int flags,
      long creditLimitMinor) {
    LedgerEvent.CreateAccount create() {
      return new LedgerEvent.CreateAccount(Id128.of(id), currency, minorUnits, participant, kind, flags, creditLimitMinor);
    }
  }

  private static final List<Party> PARTIES = List.of(
      // Issuance accounts may go into debit without limit: that is how central-bank money is issued.
      new Party(1, "CBRURUMM", "Central bank (RUB issuance)", RUB, 2, AccountKind.CENTRAL_BANK_ISSUANCE, 0, 0),
      new Party(2, "VOLGRUMM", "Volga Commercial Bank", RUB, 2, AccountKind.SETTLEMENT, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, 0),
      new Party(3, "NEVARUMM", "Neva Savings Bank", RUB, 2, AccountKind.SETTLEMENT, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS,
          50_000_000_00L),
      new Party(4, "URALRUMM", "Ural Trade Bank", RUB, 2, AccountKind.SETTLEMENT, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, 0),
      new Party(5, "DEALRUMM", "Caspian FX Dealer (RUB)", RUB, 2, AccountKind.FX_PROVIDER, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, 0),
      new Party(11, "CBIRIRTH", "Central bank (IRR issuance)", IRR, 0, AccountKind.CENTRAL_BANK_ISSUANCE, 0, 0),
      new Party(12, "ZAGRIRTH", "Zagros Bank", IRR, 0, AccountKind.SETTLEMENT, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, 0),
      new Party(13, "ALBRIRTH", "Alborz Bank", IRR, 0, AccountKind.SETTLEMENT, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, 0),
      new Party(14, "DEALIRTH", "Caspian FX Dealer (IRR)", IRR, 0, AccountKind.FX_PROVIDER, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, 0));

  /** What the demo did, for its caller and its test. */
  public record Outcome(boolean ok, int payments, Map<EventResult, Integer> results, long journalRows) {}

  private LedgerDemo() {}

  /**
   * Runs the scenario on a SQLite file in {@code dir}.
   *
   * @param payments how many payments to settle (a few thousand by default)
   */
  public static Outcome run(Path dir, int payments, PrintStream out) throws Exception {
    if (payments < 1 || payments > 1_000_000) {
      throw new IllegalArgumentException("payments must be 1..1,000,000: " + payments);
    }
    StoreUrl url = StoreUrl.parse(dir.resolve("ledger-demo.db").toString());
    out.println("Rialto ledger demo: two currencies, one durable single-writer ledger");
    out.println("  store: " + url.sqliteFile() + " (SQLite, WAL, synchronous=FULL)");
    LedgerWriter.Config config = LedgerWriter.Config.defaults().withTickInterval(Duration.ofMillis(50));

    Map<EventResult, Integer> tally = new EnumMap<>(EventResult.class);
    List<AccountView> before;
    try (Store store = Store.open(url, List.of()); LedgerWriter writer = LedgerWriter.start(store, config)) {
      if (store.tail().seq() > 0) {
        out.println("  (the store already holds " + store.tail().seq() + " journal rows from an earlier run; continuing from them)");
      }
      List<LedgerEvent> accounts = new ArrayList<>();
      for (Party p : PARTIES) {
        accounts.add(p.create());
      }
      List<EventResult> created = writer.submitAll(accounts).get(1, TimeUnit.MINUTES);
      out.printf(Locale.ROOT, "1. opened %d accounts: %s%n", accounts.size(), summary(created));

      long runId = store.tail().seq();
      // Each central bank issues its currency into its banks' settlement accounts.
      List<LedgerEvent> issuance = new ArrayList<>();
      long nextId = (runId + 1) * 10_000_000L;
      for (Party p : PARTIES) {
        if (p.kind() != AccountKind.CENTRAL_BANK_ISSUANCE) {
          long issuer = p.currency().equals(RUB) ? 1 : 11;
          long amount = p.currency().equals(RUB) ? 1_000_000_000_00L : 500_000_000_000L;
          issuance.add(LedgerEvent.CreateTransfer.posted(Id128.of(nextId++), Id128.of(issuer), Id128.of(p.id()), amount));
        }
      }
      out.printf(Locale.ROOT, "2. central banks issued liquidity: %s%n", summary(writer.submitAll(issuance).get(1, TimeUnit.MINUTES)));

      out.printf(Locale.ROOT, "3. settling %,d payments (domestic, and cross-currency legs through the FX dealer)…%n", payments);
      SplittableRandom random = new SplittableRandom(2024);
      List<CompletableFuture<List<EventResult>>> futures = new ArrayList<>(payments);
      long started = System.nanoTime();
      for (int i = 0; i < payments; i++) {
        List<LedgerEvent> payment = payment(random, nextId);
        nextId += payment.size();
        futures.add(writer.submitAll(payment));
      }
      for (CompletableFuture<List<EventResult>> f : futures) {
        EventResult first = firstFailure(f.get(1, TimeUnit.MINUTES));
        tally.merge(first, 1, Integer::sum);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      out.printf(Locale.ROOT, "   %,d payments durable in %.2f s; outcomes: %s%n", payments, seconds, tally);

      // Two-phase, as a cross-border leg is: reserve now, post or void when the other side decides.
      long held = nextId;
      List<LedgerEvent> holds = List.of(
          pending(held, 2, 5, 1_250_000_00L),
          pending(held + 1, 3, 5, 300_000_00L),
          pending(held + 2, 12, 14, 90_000_000L),
          new LedgerEvent.CreateTransfer(Id128.of(held + 3), Id128.ZERO, Id128.ZERO, 0, Id128.of(held + 1), Id128.ZERO, 0,
              TransferFlags.POST_PENDING));
      out.printf(Locale.ROOT, "   reservations: 3 pending transfers (1-hour timeout), one of them posted: %s%n",
          summary(writer.submitAll(holds).get(1, TimeUnit.MINUTES)));
      LedgerWriter.Stats stats = writer.stats().get();
      out.printf(Locale.ROOT, "   %d batches, p99 batch latency %.2f ms (apply + commit + fsync)%n", stats.batches(),
          stats.batchP99Millis());
      before = accountsOf(writer);
    }

    out.println("4. restart: a new Store and LedgerWriter replay the journal from the file");
    boolean ok;
    long rows;
    try (Store store = Store.open(url, List.of()); LedgerWriter writer = LedgerWriter.start(store, config)) {
      rows = store.tail().seq();
      List<AccountView> after = accountsOf(writer);
      boolean same = after.equals(before);
      out.printf(Locale.ROOT, "   rebuilt from %d journal rows; state identical to before the restart: %s%n", rows, same ? "yes" : "NO");
      printBalances(after, out);
      Map<String, CurrencyTotals> totals = writer.query(r -> {
        r.verifyFully();
        return r.currencyTotals();
      }).get(1, TimeUnit.MINUTES);
      boolean balanced = true;
      for (CurrencyTotals t : totals.values()) {
        balanced &= t.balanced();
        out.printf(Locale.ROOT, "   %s: debits posted %s = credits posted %s; pending %s = %s -> %s%n", t.currency(), t.debitsPosted(),
            t.creditsPosted(), t.debitsPending(), t.creditsPending(), t.balanced() ? "balanced" : "NOT BALANCED");
      }
      ok = same && balanced;
    }
    Verifier.Report report = Verifier.verify(url);
    out.printf(Locale.ROOT, "5. ledger verify: %s%n", report.ok()
        ? "OK (hash chain intact over " + report.rows() + " rows, every invariant holds)"
        : "FAILED at seq " + report.firstBadSeq() + ": " + report.problem());
    ok &= report.ok();
    out.println(ok ? "Demo finished: all checks passed." : "Demo FAILED: see above.");
    return new Outcome(ok, payments, tally, rows);
  }

  /**
   * One payment: 70% domestic (RUB or IRR, bank to bank), 30% a cross-currency payment made of two
   * linked legs (RUB bank to the dealer's RUB account, the dealer's IRR account to an IRR bank) that
   * settle together or not at all. Some are too large on purpose, to show a refusal leaves nothing.
   */
  private static List<LedgerEvent> payment(SplittableRandom random, long firstId) {
    boolean tooLarge = random.nextInt(50) == 0;
    if (random.nextInt(10) < 7) {
      boolean rub = random.nextBoolean();
      long[] banks = rub ? new long[] {2, 3, 4} : new long[] {12, 13};
      int from = random.nextInt(banks.length);
      int to = (from + 1 + random.nextInt(banks.length - 1)) % banks.length;
      long amount = tooLarge ? 100_000_000_000_000L : 1 + random.nextLong(rub ? 5_000_000_00L : 2_000_000_000L);
      return List.of(LedgerEvent.CreateTransfer.posted(Id128.of(firstId), Id128.of(banks[from]), Id128.of(banks[to]), amount));
    }
    long rubBank = 2 + random.nextInt(3);
    long irrBank = 12 + random.nextInt(2);
    long rubMinor = 1 + random.nextLong(1_000_000_00L);
    // A fixed demo rate of 450 IRR per RUB; the fx module quotes real rates.
    long irrMinor = tooLarge ? 900_000_000_000_000L : rubMinor * 450 / 100;
    if (irrMinor == 0) {
      irrMinor = 1;
    }
    return List.of(
        new LedgerEvent.CreateTransfer(Id128.of(firstId), Id128.of(rubBank), Id128.of(5), rubMinor, Id128.ZERO, Id128.ZERO, 0,
            TransferFlags.LINKED),
        LedgerEvent.CreateTransfer.posted(Id128.of(firstId + 1), Id128.of(14), Id128.of(irrBank), irrMinor));
  }

  private static LedgerEvent pending(long id, long debit, long credit, long amountMinor) {
    return new LedgerEvent.CreateTransfer(Id128.of(id), Id128.of(debit), Id128.of(credit), amountMinor, Id128.ZERO, Id128.ZERO,
        3_600, TransferFlags.PENDING);
  }

  private static EventResult firstFailure(List<EventResult> results) {
    for (EventResult r : results) {
      if (r != EventResult.OK && r != EventResult.LINKED_EVENT_FAILED) {
        return r;
      }
    }
    return results.contains(EventResult.LINKED_EVENT_FAILED) ? EventResult.LINKED_EVENT_FAILED : EventResult.OK;
  }

  private static String summary(List<EventResult> results) {
    Map<EventResult, Integer> counts = new EnumMap<>(EventResult.class);
    for (EventResult r : results) {
      counts.merge(r, 1, Integer::sum);
    }
    return counts.toString();
  }

  private static List<AccountView> accountsOf(LedgerWriter writer) throws Exception {
    return writer.query(r -> {
      List<AccountView> all = new ArrayList<>();
      r.forEachAccount(all::add);
      return all;
    }).get(1, TimeUnit.MINUTES);
  }

  private static void printBalances(List<AccountView> accounts, PrintStream out) {
    out.printf(Locale.ROOT, "   %-9s %-30s %-22s %-3s %26s %20s%n", "BIC", "holder", "kind", "ccy", "balance", "reserved");
    for (AccountView a : accounts) {
      String name = PARTIES.stream().filter(p -> Id128.of(p.id()).equals(a.id())).map(Party::name).findFirst().orElse(a.participant());
      String amount = "%,26." + a.minorUnits() + "f %,20." + a.minorUnits() + "f";
      out.printf(Locale.ROOT, "   %-9s %-30s %-22s %-3s " + amount + "%n", a.participant(), name, a.kind(), a.currency(),
          major(a.balancePostedMinor(), a.minorUnits()), major(a.debitsPending().toBigInteger(), a.minorUnits()));
    }
  }

  private static BigDecimal major(BigInteger minor, int minorUnits) {
    return new BigDecimal(minor, minorUnits);
  }
}
