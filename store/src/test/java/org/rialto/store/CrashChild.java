package org.rialto.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import org.rialto.ledger.EventResult;
import org.rialto.ledger.Id128;
import org.rialto.ledger.LedgerEvent;
import org.rialto.ledger.TransferFlags;

/**
 * The process {@link CrashTest} kills. Submits linked chains of three transfers through a
 * {@link LedgerWriter} until killed. Protocol on stdout, one line each, flushed at once:
 * {@code READY} once the ledger is rebuilt; {@code S k} before chain k is submitted; {@code A k
 * OK|FAIL} only after chain k's future completed (its batch is durable).
 *
 * <p>Args: store URL, run number (makes transfer ids unique across runs), random seed.
 */
public final class CrashChild {
  static final long ISSUANCE = 1;
  static final long[] BANKS = {2, 3, 4, 5};
  static final int MAX_IN_FLIGHT_CHAINS = 2_000;

  private CrashChild() {}

  /** Transfer j (0..2) of chain k of run r. */
  static Id128 transferId(int run, long chain, int j) {
    return new Id128(run + 1, chain * 3 + j + 1);
  }

  /**
   * A chain: issue to bank x, x pays y, y pays z. One chain in five asks y to pay far more than it
   * has, so the whole chain must fail and leave nothing.
   */
  static List<LedgerEvent> chain(int run, long k, SplittableRandom random) {
    long x = BANKS[random.nextInt(BANKS.length)];
    long y = BANKS[(int) ((x - 2 + 1 + random.nextInt(BANKS.length - 1)) % BANKS.length)];
    long z = x;
    long amount = 1 + random.nextLong(10_000);
    long last = random.nextInt(5) == 0 ? 100_000_000_000_000_000L : amount;
    return List.of(
        transfer(transferId(run, k, 0), ISSUANCE, x, amount, TransferFlags.LINKED),
        transfer(transferId(run, k, 1), x, y, amount, TransferFlags.LINKED),
        transfer(transferId(run, k, 2), y, z, last, 0));
  }

  private static LedgerEvent transfer(Id128 id, long debit, long credit, long amountMinor, int flags) {
    return new LedgerEvent.CreateTransfer(id, Id128.of(debit), Id128.of(credit), amountMinor, Id128.ZERO, Id128.ZERO, 0, flags);
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int run = Integer.parseInt(args[1]);
    SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    LedgerWriter.Config config = LedgerWriter.Config.defaults().withMaxBatchEvents(300).withSubmitTimeout(Duration.ofSeconds(30));
    Store store = Store.open(StoreUrl.parse(url), List.of());
    LedgerWriter writer = LedgerWriter.start(store, config);
    List<LedgerEvent> accounts = new java.util.ArrayList<>();
    accounts.add(Events.issuance(ISSUANCE, "RUB"));
    for (long b : BANKS) {
      accounts.add(Events.bank(b, "RUB"));
    }
    for (EventResult r : writer.submitAll(accounts).get()) {
      if (r != EventResult.OK && r != EventResult.EXISTS) {
        throw new IllegalStateException("account creation: " + r);
      }
    }
    synchronized (out) {
      out.println("READY");
    }
    Semaphore window = new Semaphore(MAX_IN_FLIGHT_CHAINS);
    for (long k = 0; ; k++) {
      window.acquire();
      long chain = k;
      synchronized (out) {
        out.println("S " + chain);
      }
      writer.submitAll(chain(run, chain, random)).whenComplete((results, failure) -> {
        window.release();
        if (failure != null) {
          failure.printStackTrace();
          System.exit(3);
        }
        boolean ok = results.stream().allMatch(r -> r == EventResult.OK);
        synchronized (out) {
          out.println("A " + chain + (ok ? " OK" : " FAIL"));
        }
      });
    }
  }
}
