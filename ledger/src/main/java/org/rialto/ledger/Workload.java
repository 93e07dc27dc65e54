package org.rialto.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic settlement workload for benchmarks and soak tests: the same arguments
 * always produce the same accounts and transfers, on any machine.
 *
 * <h2>Accounts</h2>
 * {@code accounts} settlement accounts (kind SETTLEMENT, flag DEBITS_MUST_NOT_EXCEED_CREDITS; every
 * tenth has an intraday credit line of 1,000,000 minor units), alternating between two currencies
 * (RUB, 2 minor units, and IRR, 0 minor units), plus one central-bank issuance account per currency
 * (kind CENTRAL_BANK_ISSUANCE, flag CREDITS_MUST_NOT_EXCEED_DEBITS) that funds them. The first
 * {@code hotAccounts} settlement accounts are the hot ones (so they alternate currencies too).
 * Ids are random 128-bit values, like the UUIDs real ids derive from.
 *
 * <h2>Transfers</h2>
 * {@link #transfers()} holds first {@link #fundingTransferCount()} funding transfers (issuance to
 * each settlement account, {@value #FUNDING_MINOR} minor units each, enough that almost every later
 * transfer succeeds), then exactly {@code transfers} workload transfers. Of those, each new payment
 * touches a hot account (as debit or credit side, chosen at random, the other side any other
 * account of the hot account's currency) with probability {@code hotPercent}%; otherwise it moves
 * between two distinct non-hot accounts of a random currency. Amounts are 1..100,000 minor units
 * and every transfer carries a random user data (the payment's UETR). About 90% of payments are
 * plain transfers; the rest are two-phase, like a cross-border leg: a pending transfer (one in
 * four with a one-hour timeout) settled {@value #SETTLE_DELAY_EVENTS} events later by a full post
 * (60%), a partial post of half the amount (20%) or a void (20%). A settlement that would fall past
 * the end is emitted before the end, so every pending transfer is settled.
 */
public final class Workload {
  public static final long FUNDING_MINOR = 1_000_000_000_000L;
  public static final int MAX_ACCOUNTS = 10_000_000;
  public static final int MAX_TRANSFERS = 200_000_000;
  static final int SETTLE_DELAY_EVENTS = 1000;
  static final long CREDIT_LINE_MINOR = 1_000_000;
  static final long TIMEOUT_SECONDS = 3600;

  private static final String[] CURRENCIES = {"RUB", "IRR"};
  private static final int[] MINOR_UNITS = {2, 0};

  private final List<LedgerEvent.CreateAccount> accounts;
  private final List<LedgerEvent> transfers;
  private final int fundingTransferCount;
  private final List<Id128> hotAccountIds;

  private Workload(
      List<LedgerEvent.CreateAccount> accounts, List<LedgerEvent> transfers, int fundingTransferCount,
      List<Id128> hotAccountIds) {
    this.accounts = accounts;
    this.transfers = transfers;
    this.fundingTransferCount = fundingTransferCount;
    this.hotAccountIds = hotAccountIds;
  }

  /**
   * @param accounts settlement accounts, 4..{@value #MAX_ACCOUNTS}
   * @param hotAccounts how many of them are hot, 0..accounts (at least 1 if hotPercent &gt; 0)
   * @param hotPercent share of payments touching a hot account, 0..100
   * @param transfers workload transfers after the funding ones, 0..{@value #MAX_TRANSFERS}
   */
  public static Workload generate(long seed, int accounts, int hotAccounts, int hotPercent, int transfers) {
    if (accounts < 4 || accounts > MAX_ACCOUNTS) {
      throw new IllegalArgumentException("accounts must be 4.." + MAX_ACCOUNTS + ", got " + accounts);
    }
    if (hotAccounts < 0 || hotAccounts > accounts) {
      throw new IllegalArgumentException("hotAccounts must be 0..accounts, got " + hotAccounts);
    }
    if (hotPercent < 0 || hotPercent > 100) {
      throw new IllegalArgumentException("hotPercent must be 0..100, got " + hotPercent);
    }
    if (hotPercent > 0 && hotAccounts == 0) {
      throw new IllegalArgumentException("hotPercent > 0 needs at least one hot account");
    }
    if (transfers < 0 || transfers > MAX_TRANSFERS) {
      throw new IllegalArgumentException("transfers must be 0.." + MAX_TRANSFERS + ", got " + transfers);
    }
    SplittableRandom random = new SplittableRandom(seed);

    int currencies = CURRENCIES.length;
    List<LedgerEvent.CreateAccount> accountEvents = new ArrayList<>(accounts + currencies);
    Id128[] issuance = new Id128[currencies];
    for (int c = 0; c < currencies; c++) {
      issuance[c] = randomId(random);
      accountEvents.add(new LedgerEvent.CreateAccount(
          issuance[c], CURRENCIES[c], MINOR_UNITS[c], "CENTRAL" + CURRENCIES[c], AccountKind.CENTRAL_BANK_ISSUANCE,
          AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS, 0));
    }
    Id128[] ids = new Id128[accounts];
    // Per currency: all its accounts and its non-hot ones, as indexes into ids.
    int[][] byCurrency = new int[currencies][];
    int[][] coldByCurrency = new int[currencies][];
    int[] all = new int[currencies];
    int[] cold = new int[currencies];
    for (int c = 0; c < currencies; c++) {
      byCurrency[c] = new int[accounts / currencies + 1];
      coldByCurrency[c] = new int[accounts / currencies + 1];
    }
    for (int i = 0; i < accounts; i++) {
      int c = i % currencies;
      ids[i] = randomId(random);
      long creditLine = i % 10 == 9 ? CREDIT_LINE_MINOR : 0;
      accountEvents.add(new LedgerEvent.CreateAccount(
          ids[i], CURRENCIES[c], MINOR_UNITS[c], String.format("PART%06d", i), AccountKind.SETTLEMENT,
          AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, creditLine));
      byCurrency[c][all[c]++] = i;
      if (i >= hotAccounts) {
        coldByCurrency[c][cold[c]++] = i;
      }
    }

    List<LedgerEvent> events = new ArrayList<>(accounts + transfers);
    for (int i = 0; i < accounts; i++) {
      events.add(new LedgerEvent.CreateTransfer(
          randomId(random), issuance[i % currencies], ids[i], FUNDING_MINOR, Id128.ZERO, randomId(random), 0, 0));
    }

    ArrayDeque<Scheduled> settlements = new ArrayDeque<>();
    for (int k = 0; k < transfers; k++) {
      int remaining = transfers - k;
      Scheduled due = settlements.peekFirst();
      if (due != null && (due.dueAt <= k || remaining == settlements.size())) {
        events.add(settlements.pollFirst().settlement);
        continue;
      }
      int debit;
      int credit;
      if (random.nextInt(100) < hotPercent) {
        int hot = random.nextInt(hotAccounts);
        int c = hot % currencies;
        int other = pickOther(random, byCurrency[c], all[c], hot);
        if (random.nextBoolean()) {
          debit = hot;
          credit = other;
        } else {
          debit = other;
          credit = hot;
        }
      } else {
        int c = random.nextInt(currencies);
        int[] pool = cold[c] >= 2 ? coldByCurrency[c] : byCurrency[c];
        int size = cold[c] >= 2 ? cold[c] : all[c];
        debit = pool[random.nextInt(size)];
        credit = pickOther(random, pool, size, debit);
      }
      long amount = 1 + random.nextInt(100_000);
      Id128 id = randomId(random);
      Id128 userData = randomId(random);
      // Two-phase only when its settlement still fits before the end.
      if (random.nextInt(100) < 10 && remaining - 1 > settlements.size()) {
        long timeout = random.nextInt(4) == 0 ? TIMEOUT_SECONDS : 0;
        events.add(new LedgerEvent.CreateTransfer(
            id, ids[debit], ids[credit], amount, Id128.ZERO, userData, timeout, TransferFlags.PENDING));
        int roll = random.nextInt(10);
        LedgerEvent.CreateTransfer settlement;
        if (roll < 6) {
          settlement = new LedgerEvent.CreateTransfer(
              randomId(random), Id128.ZERO, Id128.ZERO, 0, id, userData, 0, TransferFlags.POST_PENDING);
        } else if (roll < 8) {
          settlement = new LedgerEvent.CreateTransfer(
              randomId(random), ids[debit], ids[credit], Math.max(1, amount / 2), id, userData, 0,
              TransferFlags.POST_PENDING);
        } else {
          settlement = new LedgerEvent.CreateTransfer(
              randomId(random), Id128.ZERO, Id128.ZERO, 0, id, userData, 0, TransferFlags.VOID_PENDING);
        }
        settlements.addLast(new Scheduled(k + SETTLE_DELAY_EVENTS, settlement));
      } else {
        events.add(new LedgerEvent.CreateTransfer(id, ids[debit], ids[credit], amount, Id128.ZERO, userData, 0, 0));
      }
    }
    if (!settlements.isEmpty() || events.size() != accounts + transfers) {
      throw new IllegalStateException("workload generator left settlements behind");
    }
    List<Id128> hot = new ArrayList<>(hotAccounts);
    for (int i = 0; i < hotAccounts; i++) {
      hot.add(ids[i]);
    }
    return new Workload(
        Collections.unmodifiableList(accountEvents), Collections.unmodifiableList(events), accounts,
        Collections.unmodifiableList(hot));
  }

  private record Scheduled(int dueAt, LedgerEvent.CreateTransfer settlement) {}

  /** A uniform pick from pool[0..size) other than {@code not}, which must occur in it once; size &gt;= 2. */
  private static int pickOther(SplittableRandom random, int[] pool, int size, int not) {
    if (size < 2) {
      throw new IllegalStateException("need two accounts to pick a counterparty");
    }
    int candidate = pool[random.nextInt(size - 1)];
    return candidate == not ? pool[size - 1] : candidate;
  }

  private static Id128 randomId(SplittableRandom random) {
    long high = random.nextLong();
    long low = random.nextLong();
    // Zero is reserved; a random 128-bit zero never happens in practice, but must not slip through.
    return (high | low) != 0 ? new Id128(high, low) : new Id128(0, 1);
  }

  /** Issuance accounts (one per currency) first, then the settlement accounts. */
  public List<LedgerEvent.CreateAccount> accounts() {
    return accounts;
  }

  /** The funding transfers, then the workload transfers. */
  public List<LedgerEvent> transfers() {
    return transfers;
  }

  /** How many of {@link #transfers()} (at its head) are funding transfers: one per settlement account. */
  public int fundingTransferCount() {
    return fundingTransferCount;
  }

  public List<Id128> hotAccountIds() {
    return hotAccountIds;
  }

  /**
   * Splits events into consecutive batches of at most {@code batchSize} (views, not copies), the
   * way a writer would hand them to {@link Ledger#apply}.
   */
  public static List<List<LedgerEvent>> batches(List<? extends LedgerEvent> events, int batchSize) {
    if (batchSize < 1 || batchSize > Ledger.MAX_BATCH_EVENTS) {
      throw new IllegalArgumentException("batchSize must be 1.." + Ledger.MAX_BATCH_EVENTS + ", got " + batchSize);
    }
    List<List<LedgerEvent>> batches = new ArrayList<>((events.size() + batchSize - 1) / batchSize);
    for (int from = 0; from < events.size(); from += batchSize) {
      batches.add(Collections.unmodifiableList(events.subList(from, Math.min(events.size(), from + batchSize))));
    }
    return batches;
  }
}
