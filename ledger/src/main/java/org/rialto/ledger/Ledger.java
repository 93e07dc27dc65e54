package org.rialto.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The settlement ledger: a pure, deterministic, in-memory double-entry state machine with
 * TigerBeetle's semantics (accounts with four 128-bit balances; plain, pending, post-pending and
 * void-pending transfers; linked chains; timeouts; idempotency forever).
 *
 * <p>No I/O, no clock, no threads: time comes in with each batch, so replaying the same batches
 * from the journal rebuilds exactly the same state and answers exactly the same results. Not
 * thread-safe by design: one writer thread owns the ledger (LMAX style), and reads must be made by
 * that writer or while it is paused.
 *
 * <h2>A batch</h2>
 * {@link #apply} first lapses every pending transfer whose expiry (its timestamp plus its timeout)
 * is at or before the batch timestamp, in (expiry, id) order, at most
 * {@link #MAX_EXPIRIES_PER_BATCH} of them (the rest lapse in the following batches; until then a
 * post or void of them already answers {@link EventResult#PENDING_TRANSFER_EXPIRED}). Then it
 * applies the events in order; event {@code i} carries timestamp {@code timestampNanos + i}.
 *
 * <h2>Checks, in precedence order (the first failing one answers)</h2>
 * Transfer: id not zero; at most one of PENDING / POST_PENDING / VOID_PENDING; no unknown flag;
 * debit and credit account ids not zero (a post or void may leave them zero: they default to the
 * pending transfer's); accounts different; pending id zero (plain, pending) or not zero and not the
 * transfer's own id (post, void); timeout only on a pending transfer and not negative; amount not
 * zero (plain, pending; zero means "all" for a post or void), not negative, below 10^18. Then
 * idempotency: a recorded transfer with the same id answers {@link EventResult#EXISTS} when every
 * field is as recorded, else {@code EXISTS_WITH_DIFFERENT_<first differing field>} in the order
 * flags, debit account, credit account, amount, pending id, user data, timeout. Then against
 * state: accounts exist and share a currency (plain, pending); or the pending transfer exists, is
 * pending, has the given accounts, the amount is within it (a void takes 0 or exactly its amount),
 * it was not posted, voided or lapsed; then the 128-bit overflows; then the balance limits.
 *
 * <p>Account: id not zero; flags not both limits and none unknown; a 3-letter upper-case currency;
 * minor units 0..{@value #MAX_MINOR_UNITS} and the same as other accounts of the currency;
 * a participant; a credit limit not negative and only with
 * {@link AccountFlags#DEBITS_MUST_NOT_EXCEED_CREDITS}; then idempotency (the same fields as at
 * creation answer {@link EventResult#EXISTS}, otherwise
 * {@link EventResult#ACCOUNT_EXISTS_WITH_DIFFERENT_FIELDS}).
 *
 * <h2>Failed events are not recorded</h2>
 * Like TigerBeetle, only successful transfers are recorded, so a failed id may be retried with
 * corrected fields. Every result other than {@link EventResult#OK} (including {@code EXISTS})
 * fails a linked chain: its earlier events are rolled back and answer
 * {@link EventResult#LINKED_EVENT_FAILED}, as do its later events, which are not applied. A chain
 * still open at the end of the batch is not applied at all and every event of it answers
 * {@link EventResult#LINKED_EVENT_CHAIN_OPEN}.
 *
 * <h2>Credit limits</h2>
 * An account with {@link AccountFlags#DEBITS_MUST_NOT_EXCEED_CREDITS} accepts a debit only if
 * {@code debitsPending + debitsPosted + amount <= creditsPosted + creditLimit}. Lowering a credit
 * line below what the account already uses is allowed, because refusing it would leave the
 * central bank unable to cut a failing bank's intraday credit at the moment it matters most;
 * money already moved cannot be clawed back by a limit change. From then on the account takes no
 * new debit until its credits bring it back under the new line; the ledger remembers the exposure
 * it tolerated and checks that it only shrinks. An account with
 * {@link AccountFlags#CREDITS_MUST_NOT_EXCEED_DEBITS} accepts a credit only if
 * {@code creditsPending + creditsPosted + amount <= debitsPosted}. When both sides of a transfer
 * would breach, the debit side is reported. Posting, voiding and lapsing only ever move an
 * account back towards its limit, so they are never refused for it.
 *
 * <h2>Invariants</h2>
 * After every batch the ledger checks, always on and in time proportional to what the batch
 * touched: per currency, the change of debits equals the change of credits (posted and pending),
 * and both equal the money the batch's transfers moved and reserved (invariant 1); every touched
 * account is within its limit (invariant 2); a pending transfer is settled at most once, asserted
 * where it is settled (invariant 4). {@link #verifyFully()} recomputes everything from the
 * recorded transfers. A violation throws {@link InvariantViolationError}. A batch that fails after
 * its validation (only a violation or a bug can cause that) leaves the ledger stopped: every later
 * {@link #apply} throws, and the node must rebuild the ledger from its journal.
 *
 * <h2>Capacity</h2>
 * Every recorded transfer is kept, since idempotency is forever: about 90 bytes each in primitive
 * arrays, up to {@link #MAX_TRANSFERS}. Presize with {@link #Ledger(int, int)} to avoid growing
 * (copying) the arrays while serving.
 */
public final class Ledger {
  /** Most events in one batch (TigerBeetle's figure): bounds a batch's work and its journal row. */
  public static final int MAX_BATCH_EVENTS = 8190;
  /** Most pending transfers lapsed at the start of one batch: bounds the work before the events. */
  public static final int MAX_EXPIRIES_PER_BATCH = 8190;
  /** Amounts are below this (exclusive): 10^18 minor units. */
  public static final long AMOUNT_LIMIT_MINOR = 1_000_000_000_000_000_000L;
  public static final int MAX_MINOR_UNITS = 9;
  public static final int MAX_ACCOUNTS = IdIndex.MAX_ENTRIES;
  public static final int MAX_TRANSFERS = IdIndex.MAX_ENTRIES;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final int PREFETCH_EVENTS = 128;
  private static final int KNOWN_TRANSFER_FLAGS =
      TransferFlags.LINKED | TransferFlags.PENDING | TransferFlags.POST_PENDING | TransferFlags.VOID_PENDING;
  private static final int KIND_FLAGS =
      TransferFlags.PENDING | TransferFlags.POST_PENDING | TransferFlags.VOID_PENDING;
  private static final int KNOWN_ACCOUNT_FLAGS =
      AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS | AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS;

  // Balance layout: 8 longs per account, (high, low) for each of the four balances.
  private static final int DP = 0; // debits pending
  private static final int DPO = 2; // debits posted
  private static final int CP = 4; // credits pending
  private static final int CPO = 6; // credits posted
  private static final int BALANCE_LONGS = 8;

  private static final byte STATE_NONE = 0;
  private static final byte STATE_PENDING = 1;
  private static final byte STATE_POSTED = 2;
  private static final byte STATE_VOIDED = 3;
  private static final byte STATE_EXPIRED = 4;

  // ---- Accounts, by dense index (creation order). ----
  private final IdIndex accountIds;
  private LedgerEvent.CreateAccount[] accountEvents;
  private int[] accountCurrency;
  private long[] accountCreditLimit;
  /** Exposure above the credit line tolerated after the line was cut; only ever shrinks. */
  private long[] accountToleratedExposure;
  private long[] accountTimestamp;
  private int[] accountFlags;
  private long[] balances;
  private int[] accountTouchedEpoch;

  // ---- Currencies, by dense index. ----
  private final Map<String, Integer> currencyByCode = new HashMap<>();
  private String[] currencyCodes = new String[4];
  private int[] currencyMinorUnits = new int[4];
  private int[] currencyAccounts = new int[4];
  private int currencyCount;
  /** Per currency: debits pending, debits posted, credits pending, credits posted. */
  private BigInteger[][] currencyTotals = new BigInteger[4][];
  /** Per currency, per batch: summed account deltas of the 4 balances as signed 128-bit (8 longs). */
  private long[] batchAccountDelta = new long[4 * 8];
  /** Per currency, per batch: money the transfers reserved and posted, signed 128-bit (4 longs). */
  private long[] batchTransferFlow = new long[4 * 4];
  private int[] currencyTouchedEpoch = new int[4];
  private int[] touchedCurrencies = new int[4];
  private int touchedCurrencyCount;

  // ---- Transfers, by dense index (recording order). ----
  private final IdIndex transferIds;
  /** As requested: -1 when a post or void left the account id zero. */
  private int[] transferDebit;
  private int[] transferCredit;
  /** As requested (0 for a post or void means the full pending amount). */
  private long[] transferAmount;
  /** The pending transfer a post or void settles, else -1. */
  private int[] transferPending;
  private long[] transferUserDataHigh;
  private long[] transferUserDataLow;
  private long[] transferTimestamp;
  /** timestamp + timeout for a pending transfer with a timeout, else 0. */
  private long[] transferExpiry;
  /** The post or void that settled this pending transfer, else -1. */
  private int[] transferResolvedBy;
  private byte[] transferFlags;
  private byte[] transferState;

  // ---- Pending transfers with a timeout: a binary heap ordered by (expiry, id). ----
  private int[] expiryHeap = new int[64];
  private int expiryHeapSize;

  // ---- Per-batch scratch. ----
  private int epoch;
  private int[] touched = new int[64];
  private long[] touchedBefore = new long[64 * BALANCE_LONGS];
  private int touchedCount;
  private int[] batchNewExpiring = new int[64];
  private int batchNewExpiringCount;
  /** (account, old limit, old tolerated exposure) for each credit limit change of the batch. */
  private long[] limitUndo = new long[3 * 16];
  private int limitUndoCount;

  private final LedgerEvent[] batchEvents = new LedgerEvent[MAX_BATCH_EVENTS];
  /** Written so that the JIT cannot drop the prefetching loads as dead code. */
  @SuppressWarnings("unused")
  private long prefetchSink;

  private long lastTimestampNanos;
  /** Set when applying a batch failed after validation: the ledger refuses all further batches. */
  private Throwable stoppedBy;

  public Ledger() {
    this(1024, 1 << 16);
  }

  /** Presized, so that a large ledger does not pause to grow its tables while it runs. */
  public Ledger(int expectedAccounts, int expectedTransfers) {
    if (expectedAccounts < 0 || expectedAccounts > MAX_ACCOUNTS) {
      throw new IllegalArgumentException("expectedAccounts out of range: " + expectedAccounts);
    }
    if (expectedTransfers < 0 || expectedTransfers > MAX_TRANSFERS) {
      throw new IllegalArgumentException("expectedTransfers out of range: " + expectedTransfers);
    }
    int accounts = Math.max(16, expectedAccounts);
    int transfers = Math.max(16, expectedTransfers);
    accountIds = new IdIndex(accounts);
    accountEvents = new LedgerEvent.CreateAccount[accounts];
    accountCurrency = new int[accounts];
    accountCreditLimit = new long[accounts];
    accountToleratedExposure = new long[accounts];
    accountTimestamp = new long[accounts];
    accountFlags = new int[accounts];
    balances = new long[accounts * BALANCE_LONGS];
    accountTouchedEpoch = new int[accounts];

    transferIds = new IdIndex(transfers);
    transferDebit = new int[transfers];
    transferCredit = new int[transfers];
    transferAmount = new long[transfers];
    transferPending = new int[transfers];
    transferUserDataHigh = new long[transfers];
    transferUserDataLow = new long[transfers];
    transferTimestamp = new long[transfers];
    transferExpiry = new long[transfers];
    transferResolvedBy = new int[transfers];
    transferFlags = new byte[transfers];
    transferState = new byte[transfers];
  }

  // =====================================================================================
  // Applying a batch.
  // =====================================================================================

  /**
   * Applies one batch: lapses due pending transfers, then applies the events in order.
   *
   * @param timestampNanos the batch's timestamp; must be greater than the last event timestamp of
   *     the previous batch ({@link #lastTimestampNanos()}); the writer guarantees monotonic time
   * @param events at most {@link #MAX_BATCH_EVENTS}; may be empty (a tick that only lapses)
   * @throws IllegalArgumentException on a bad timestamp, a null event or an oversized batch; the
   *     ledger is then unchanged
   * @throws IllegalStateException when the ledger is full; the ledger is then unchanged
   * @throws InvariantViolationError when the ledger finds its state inconsistent: stop the node
   */
  public BatchResult apply(long timestampNanos, List<? extends LedgerEvent> events) {
    Objects.requireNonNull(events, "events");
    if (stoppedBy != null) {
      throw new IllegalStateException(
          "ledger stopped: an earlier batch failed mid-way and its state cannot be trusted; rebuild it from the journal",
          stoppedBy);
    }
    int count = events.size();
    if (count > MAX_BATCH_EVENTS) {
      throw new IllegalArgumentException(
          "batch of " + count + " events exceeds MAX_BATCH_EVENTS=" + MAX_BATCH_EVENTS);
    }
    if (timestampNanos <= lastTimestampNanos) {
      throw new IllegalArgumentException(
          "batch timestamp " + timestampNanos + " must be greater than the last event timestamp "
              + lastTimestampNanos);
    }
    if (timestampNanos > Long.MAX_VALUE - MAX_BATCH_EVENTS) {
      throw new IllegalArgumentException("batch timestamp too large: " + timestampNanos);
    }
    if ((long) transferIds.size() + count > MAX_TRANSFERS) {
      throw new IllegalStateException("ledger full: " + transferIds.size() + " transfers");
    }
    if ((long) accountIds.size() + count > MAX_ACCOUNTS) {
      throw new IllegalStateException("ledger full: " + accountIds.size() + " accounts");
    }
    LedgerEvent[] batch = batchEvents;
    for (int i = 0; i < count; i++) {
      LedgerEvent event = events.get(i);
      if (event == null) {
        Arrays.fill(batch, 0, i, null);
        throw new IllegalArgumentException("event " + i + " is null");
      }
      batch[i] = event;
    }
    try {
      return applyValidated(timestampNanos, batch, count);
    } catch (Throwable t) {
      // Past validation nothing may fail; if something did, the batch is half-applied.
      stoppedBy = t;
      throw t;
    }
  }

  private BatchResult applyValidated(long timestampNanos, LedgerEvent[] batch, int count) {
    beginBatch();
    List<Id128> expired = expireDue(timestampNanos);

    EventResult[] results = new EventResult[count];
    // The events of a chain still open at the end (a suffix of linked transfers) are not applied.
    int openChainStart = count;
    while (openChainStart > 0 && isLinked(batch[openChainStart - 1])) {
      openChainStart--;
    }
    int chainStart = -1;
    boolean chainFailed = false;
    int chainTransfers = 0;
    int chainAccounts = 0;
    int chainExpiring = 0;
    int chainLimitUndo = 0;
    for (int i = 0; i < openChainStart; i++) {
      if ((i & (PREFETCH_EVENTS - 1)) == 0) {
        prefetchTransferSlots(batch, i, Math.min(openChainStart, i + PREFETCH_EVENTS));
      }
      LedgerEvent event = batch[i];
      boolean linked = isLinked(event);
      if (chainStart < 0 && linked) {
        chainStart = i;
        chainFailed = false;
        chainTransfers = transferIds.size();
        chainAccounts = accountIds.size();
        chainExpiring = batchNewExpiringCount;
        chainLimitUndo = limitUndoCount;
      }
      EventResult result;
      if (chainStart >= 0 && chainFailed) {
        result = EventResult.LINKED_EVENT_FAILED;
      } else {
        result = applyEvent(event, timestampNanos + i);
        if (result != EventResult.OK && chainStart >= 0) {
          rollBack(batch, chainStart, i, chainTransfers, chainAccounts, chainExpiring, chainLimitUndo);
          for (int j = chainStart; j < i; j++) {
            results[j] = EventResult.LINKED_EVENT_FAILED;
          }
          chainFailed = true;
        }
      }
      results[i] = result;
      if (chainStart >= 0 && !linked) {
        chainStart = -1;
      }
    }
    for (int i = openChainStart; i < count; i++) {
      results[i] = EventResult.LINKED_EVENT_CHAIN_OPEN;
    }

    finishBatch();
    Arrays.fill(batch, 0, count, null); // do not keep the caller's events alive
    lastTimestampNanos = timestampNanos + Math.max(count, 1) - 1;
    return new BatchResult(timestampNanos, results, expired);
  }

  /**
   * Touches the id slots of the next transfers in a tight loop, so that their cache misses overlap
   * instead of stalling each lookup in turn; a small window keeps the lines in L1 until used.
   */
  private void prefetchTransferSlots(LedgerEvent[] batch, int from, int to) {
    long sink = 0;
    for (int i = from; i < to; i++) {
      if (batch[i] instanceof LedgerEvent.CreateTransfer t) {
        Id128 id = t.id();
        sink += transferIds.peek(id.high(), id.low());
      }
    }
    prefetchSink = sink;
  }

  private static boolean isLinked(LedgerEvent event) {
    return event instanceof LedgerEvent.CreateTransfer t && (t.flags() & TransferFlags.LINKED) != 0;
  }

  private EventResult applyEvent(LedgerEvent event, long timestampNanos) {
    if (event instanceof LedgerEvent.CreateTransfer t) {
      return createTransfer(t, timestampNanos);
    } else if (event instanceof LedgerEvent.CreateAccount a) {
      return createAccount(a, timestampNanos);
    } else if (event instanceof LedgerEvent.ChangeCreditLimit c) {
      return changeCreditLimit(c);
    }
    throw new IllegalStateException("unknown event " + event.getClass());
  }

  // =====================================================================================
  // Accounts.
  // =====================================================================================

  private EventResult createAccount(LedgerEvent.CreateAccount a, long timestampNanos) {
    Id128 id = a.id();
    if (id.isZero()) {
      return EventResult.ID_MUST_NOT_BE_ZERO;
    }
    int flags = a.flags();
    if ((flags & KNOWN_ACCOUNT_FLAGS) == KNOWN_ACCOUNT_FLAGS) {
      return EventResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
    }
    if ((flags & ~KNOWN_ACCOUNT_FLAGS) != 0) {
      return EventResult.FLAGS_UNKNOWN;
    }
    if (!isCurrencyCode(a.currency())) {
      return EventResult.CURRENCY_INVALID;
    }
    if (a.minorUnits() < 0 || a.minorUnits() > MAX_MINOR_UNITS) {
      return EventResult.MINOR_UNITS_INVALID;
    }
    Integer known = currencyByCode.get(a.currency());
    if (known != null && currencyAccounts[known] > 0 && currencyMinorUnits[known] != a.minorUnits()) {
      return EventResult.MINOR_UNITS_INVALID;
    }
    if (a.participant().isBlank()) {
      return EventResult.PARTICIPANT_MISSING;
    }
    if (a.creditLimitMinor() < 0) {
      return EventResult.CREDIT_LIMIT_NEGATIVE;
    }
    if (a.creditLimitMinor() > 0 && (flags & AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS) == 0) {
      return EventResult.CREDIT_LIMIT_REQUIRES_DEBITS_MUST_NOT_EXCEED_CREDITS;
    }
    int existing = accountIds.find(id.high(), id.low());
    if (existing >= 0) {
      return accountEvents[existing].equals(a)
          ? EventResult.EXISTS
          : EventResult.ACCOUNT_EXISTS_WITH_DIFFERENT_FIELDS;
    }

    int currency = internCurrency(a.currency());
    int index = accountIds.add(id.high(), id.low());
    ensureAccountCapacity(index + 1);
    accountEvents[index] = a;
    accountCurrency[index] = currency;
    accountCreditLimit[index] = a.creditLimitMinor();
    accountToleratedExposure[index] = 0;
    accountTimestamp[index] = timestampNanos;
    accountFlags[index] = flags;
    Arrays.fill(balances, index * BALANCE_LONGS, (index + 1) * BALANCE_LONGS, 0L);
    if (accountTouchedEpoch[index] == epoch) {
      // The index was used by an account a linked chain rolled back in this batch: it is already
      // in the touched list with zero balances before, which is right for a new account too.
      markCurrencyTouched(currency);
    }
    if (currencyAccounts[currency] == 0) {
      currencyMinorUnits[currency] = a.minorUnits();
    }
    currencyAccounts[currency]++;
    return EventResult.OK;
  }

  private static boolean isCurrencyCode(String code) {
    if (code.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = code.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  private int internCurrency(String code) {
    Integer known = currencyByCode.get(code);
    if (known != null) {
      return known;
    }
    int index = currencyCount;
    if (index == currencyCodes.length) {
      int capacity = index * 2;
      currencyCodes = Arrays.copyOf(currencyCodes, capacity);
      currencyMinorUnits = Arrays.copyOf(currencyMinorUnits, capacity);
      currencyAccounts = Arrays.copyOf(currencyAccounts, capacity);
      currencyTotals = Arrays.copyOf(currencyTotals, capacity);
      batchAccountDelta = Arrays.copyOf(batchAccountDelta, capacity * 8);
      batchTransferFlow = Arrays.copyOf(batchTransferFlow, capacity * 4);
      currencyTouchedEpoch = Arrays.copyOf(currencyTouchedEpoch, capacity);
      touchedCurrencies = Arrays.copyOf(touchedCurrencies, capacity);
    }
    currencyCodes[index] = code;
    currencyTotals[index] =
        new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    currencyByCode.put(code, index);
    currencyCount = index + 1;
    return index;
  }

  private void ensureAccountCapacity(int needed) {
    if (needed <= accountCurrency.length) {
      return;
    }
    int capacity = (int) Math.min(Math.max((long) accountCurrency.length * 2, needed), MAX_ACCOUNTS);
    accountEvents = Arrays.copyOf(accountEvents, capacity);
    accountCurrency = Arrays.copyOf(accountCurrency, capacity);
    accountCreditLimit = Arrays.copyOf(accountCreditLimit, capacity);
    accountToleratedExposure = Arrays.copyOf(accountToleratedExposure, capacity);
    accountTimestamp = Arrays.copyOf(accountTimestamp, capacity);
    accountFlags = Arrays.copyOf(accountFlags, capacity);
    balances = Arrays.copyOf(balances, capacity * BALANCE_LONGS);
    accountTouchedEpoch = Arrays.copyOf(accountTouchedEpoch, capacity);
  }

  private EventResult changeCreditLimit(LedgerEvent.ChangeCreditLimit change) {
    Id128 id = change.accountId();
    if (id.isZero()) {
      return EventResult.ID_MUST_NOT_BE_ZERO;
    }
    long limit = change.creditLimitMinor();
    if (limit < 0) {
      return EventResult.CREDIT_LIMIT_NEGATIVE;
    }
    int account = accountIds.find(id.high(), id.low());
    if (account < 0) {
      return EventResult.ACCOUNT_NOT_FOUND;
    }
    if ((accountFlags[account] & AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS) == 0) {
      return EventResult.CREDIT_LIMIT_REQUIRES_DEBITS_MUST_NOT_EXCEED_CREDITS;
    }
    if (limitUndoCount * 3 == limitUndo.length) {
      limitUndo = Arrays.copyOf(limitUndo, limitUndo.length * 2);
    }
    limitUndo[limitUndoCount * 3] = account;
    limitUndo[limitUndoCount * 3 + 1] = accountCreditLimit[account];
    limitUndo[limitUndoCount * 3 + 2] = accountToleratedExposure[account];
    limitUndoCount++;
    touch(account);
    long exposure = exposure(account);
    accountCreditLimit[account] = limit;
    accountToleratedExposure[account] = exposure > limit ? exposure : 0;
    return EventResult.OK;
  }

  /**
   * How far debits (pending and posted) exceed credits posted, 0 if they do not. Fits a long
   * because it never exceeds a credit line (a long) or an exposure tolerated under one.
   */
  private long exposure(int account) {
    int base = account * BALANCE_LONGS;
    long dHigh = balances[base + DP] + balances[base + DPO];
    long dLow = balances[base + DP + 1] + balances[base + DPO + 1];
    if (Long.compareUnsigned(dLow, balances[base + DP + 1]) < 0) {
      dHigh++;
    }
    long cHigh = balances[base + CPO];
    long cLow = balances[base + CPO + 1];
    if (UInt128.compare(dHigh, dLow, cHigh, cLow) <= 0) {
      return 0;
    }
    long eLow = dLow - cLow;
    long eHigh = dHigh - cHigh - (Long.compareUnsigned(dLow, cLow) < 0 ? 1 : 0);
    if (eHigh != 0 || eLow < 0) {
      throw new InvariantViolationError(
          "account " + accountIds.id(account) + " has an exposure beyond any credit line");
    }
    return eLow;
  }

  // =====================================================================================
  // Transfers.
  // =====================================================================================

  private EventResult createTransfer(LedgerEvent.CreateTransfer t, long timestampNanos) {
    Id128 id = t.id();
    long idHigh = id.high();
    long idLow = id.low();
    if ((idHigh | idLow) == 0) {
      return EventResult.ID_MUST_NOT_BE_ZERO;
    }
    int flags = t.flags();
    if (Integer.bitCount(flags & KIND_FLAGS) > 1) {
      return EventResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
    }
    if ((flags & ~KNOWN_TRANSFER_FLAGS) != 0) {
      return EventResult.FLAGS_UNKNOWN;
    }
    boolean settles = (flags & (TransferFlags.POST_PENDING | TransferFlags.VOID_PENDING)) != 0;
    boolean pending = (flags & TransferFlags.PENDING) != 0;
    Id128 debit = t.debitAccountId();
    Id128 credit = t.creditAccountId();
    boolean debitZero = debit.isZero();
    boolean creditZero = credit.isZero();
    if (!settles) {
      if (debitZero) {
        return EventResult.DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
      }
      if (creditZero) {
        return EventResult.CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
      }
    }
    if (!debitZero && !creditZero && debit.high() == credit.high() && debit.low() == credit.low()) {
      return EventResult.ACCOUNTS_MUST_BE_DIFFERENT;
    }
    Id128 pendingId = t.pendingId();
    if (!settles) {
      if (!pendingId.isZero()) {
        return EventResult.PENDING_ID_MUST_BE_ZERO;
      }
    } else {
      if (pendingId.isZero()) {
        return EventResult.PENDING_ID_MUST_NOT_BE_ZERO;
      }
      if (pendingId.high() == idHigh && pendingId.low() == idLow) {
        return EventResult.PENDING_ID_MUST_BE_DIFFERENT;
      }
    }
    long timeoutSeconds = t.timeoutSeconds();
    if (!pending) {
      if (timeoutSeconds != 0) {
        return EventResult.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
      }
    } else if (timeoutSeconds < 0) {
      return EventResult.TIMEOUT_MUST_NOT_BE_NEGATIVE;
    }
    long amount = t.amountMinor();
    if (!settles && amount == 0) {
      return EventResult.AMOUNT_MUST_NOT_BE_ZERO;
    }
    if (amount < 0) {
      return EventResult.AMOUNT_MUST_NOT_BE_NEGATIVE;
    }
    if (amount >= AMOUNT_LIMIT_MINOR) {
      return EventResult.AMOUNT_TOO_LARGE;
    }
    int existing = transferIds.find(idHigh, idLow);
    if (existing >= 0) {
      return compareWithRecorded(existing, t);
    }
    return settles
        ? settlePending(t, idHigh, idLow, flags, amount, timestampNanos)
        : createPlainOrPending(t, idHigh, idLow, flags, pending, amount, timeoutSeconds, timestampNanos);
  }

  private EventResult compareWithRecorded(int index, LedgerEvent.CreateTransfer t) {
    if (transferFlags[index] != t.flags()) {
      return EventResult.EXISTS_WITH_DIFFERENT_FLAGS;
    }
    if (!sameAccount(transferDebit[index], t.debitAccountId())) {
      return EventResult.EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID;
    }
    if (!sameAccount(transferCredit[index], t.creditAccountId())) {
      return EventResult.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID;
    }
    if (transferAmount[index] != t.amountMinor()) {
      return EventResult.EXISTS_WITH_DIFFERENT_AMOUNT;
    }
    int pending = transferPending[index];
    Id128 pendingId = t.pendingId();
    boolean samePending = pending < 0
        ? pendingId.isZero()
        : transferIds.high(pending) == pendingId.high() && transferIds.low(pending) == pendingId.low();
    if (!samePending) {
      return EventResult.EXISTS_WITH_DIFFERENT_PENDING_ID;
    }
    if (transferUserDataHigh[index] != t.userData().high() || transferUserDataLow[index] != t.userData().low()) {
      return EventResult.EXISTS_WITH_DIFFERENT_USER_DATA;
    }
    if (recordedTimeoutSeconds(index) != t.timeoutSeconds()) {
      return EventResult.EXISTS_WITH_DIFFERENT_TIMEOUT;
    }
    return EventResult.EXISTS;
  }

  private boolean sameAccount(int account, Id128 id) {
    return account < 0
        ? id.isZero()
        : accountIds.high(account) == id.high() && accountIds.low(account) == id.low();
  }

  private long recordedTimeoutSeconds(int index) {
    long expiry = transferExpiry[index];
    return expiry == 0 ? 0 : (expiry - transferTimestamp[index]) / NANOS_PER_SECOND;
  }

  private EventResult createPlainOrPending(
      LedgerEvent.CreateTransfer t, long idHigh, long idLow, int flags, boolean pending, long amount,
      long timeoutSeconds, long timestampNanos) {
    Id128 debitId = t.debitAccountId();
    Id128 creditId = t.creditAccountId();
    int debit = accountIds.find(debitId.high(), debitId.low());
    if (debit < 0) {
      return EventResult.DEBIT_ACCOUNT_NOT_FOUND;
    }
    int credit = accountIds.find(creditId.high(), creditId.low());
    if (credit < 0) {
      return EventResult.CREDIT_ACCOUNT_NOT_FOUND;
    }
    int currency = accountCurrency[debit];
    if (currency != accountCurrency[credit]) {
      return EventResult.CURRENCIES_DIFFER;
    }
    long[] b = balances;
    int d = debit * BALANCE_LONGS;
    int c = credit * BALANCE_LONGS;
    if (pending) {
      if (UInt128.addOverflows(b[d + DP], b[d + DP + 1], amount)) {
        return EventResult.OVERFLOWS_DEBITS_PENDING;
      }
      if (UInt128.addOverflows(b[c + CP], b[c + CP + 1], amount)) {
        return EventResult.OVERFLOWS_CREDITS_PENDING;
      }
    } else {
      if (UInt128.addOverflows(b[d + DPO], b[d + DPO + 1], amount)) {
        return EventResult.OVERFLOWS_DEBITS_POSTED;
      }
      if (UInt128.addOverflows(b[c + CPO], b[c + CPO + 1], amount)) {
        return EventResult.OVERFLOWS_CREDITS_POSTED;
      }
    }
    if (sumOverflows(b, d + DP, d + DPO, amount)) {
      return EventResult.OVERFLOWS_DEBITS;
    }
    if (sumOverflows(b, c + CP, c + CPO, amount)) {
      return EventResult.OVERFLOWS_CREDITS;
    }
    long expiry = 0;
    if (timeoutSeconds > 0) {
      if (timeoutSeconds > (Long.MAX_VALUE - timestampNanos) / NANOS_PER_SECOND) {
        return EventResult.OVERFLOWS_TIMEOUT;
      }
      expiry = timestampNanos + timeoutSeconds * NANOS_PER_SECOND;
    }
    if ((accountFlags[debit] & AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS) != 0
        && debitsExceedCredits(debit, amount)) {
      return EventResult.EXCEEDS_CREDITS;
    }
    if ((accountFlags[credit] & AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS) != 0
        && creditsExceedDebits(credit, amount)) {
      return EventResult.EXCEEDS_DEBITS;
    }

    // Validated: mutate.
    touch(debit);
    touch(credit);
    int index = transferIds.add(idHigh, idLow);
    ensureTransferCapacity(index + 1);
    if (pending) {
      add(d + DP, amount);
      add(c + CP, amount);
      addFlow(currency, 0, amount);
      transferState[index] = STATE_PENDING;
    } else {
      add(d + DPO, amount);
      add(c + CPO, amount);
      addFlow(currency, 2, amount);
      transferState[index] = STATE_NONE;
    }
    transferDebit[index] = debit;
    transferCredit[index] = credit;
    transferAmount[index] = amount;
    transferPending[index] = -1;
    transferUserDataHigh[index] = t.userData().high();
    transferUserDataLow[index] = t.userData().low();
    transferTimestamp[index] = timestampNanos;
    transferExpiry[index] = expiry;
    transferResolvedBy[index] = -1;
    transferFlags[index] = (byte) flags;
    if (expiry != 0) {
      if (batchNewExpiringCount == batchNewExpiring.length) {
        batchNewExpiring = Arrays.copyOf(batchNewExpiring, batchNewExpiringCount * 2);
      }
      batchNewExpiring[batchNewExpiringCount++] = index;
    }
    return EventResult.OK;
  }

  private EventResult settlePending(
      LedgerEvent.CreateTransfer t, long idHigh, long idLow, int flags, long amount, long timestampNanos) {
    Id128 pendingId = t.pendingId();
    int pending = transferIds.find(pendingId.high(), pendingId.low());
    if (pending < 0) {
      return EventResult.PENDING_TRANSFER_NOT_FOUND;
    }
    if ((transferFlags[pending] & TransferFlags.PENDING) == 0) {
      return EventResult.PENDING_TRANSFER_NOT_PENDING;
    }
    int debit = transferDebit[pending];
    int credit = transferCredit[pending];
    Id128 debitId = t.debitAccountId();
    Id128 creditId = t.creditAccountId();
    if (!debitId.isZero() && !sameAccount(debit, debitId)) {
      return EventResult.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID;
    }
    if (!creditId.isZero() && !sameAccount(credit, creditId)) {
      return EventResult.PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID;
    }
    long pendingAmount = transferAmount[pending];
    if (amount > pendingAmount) {
      return EventResult.EXCEEDS_PENDING_TRANSFER_AMOUNT;
    }
    boolean post = (flags & TransferFlags.POST_PENDING) != 0;
    if (!post && amount != 0 && amount != pendingAmount) {
      return EventResult.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT;
    }
    byte state = transferState[pending];
    if (state == STATE_POSTED) {
      return EventResult.PENDING_TRANSFER_ALREADY_POSTED;
    }
    if (state == STATE_VOIDED) {
      return EventResult.PENDING_TRANSFER_ALREADY_VOIDED;
    }
    if (state == STATE_EXPIRED) {
      return EventResult.PENDING_TRANSFER_EXPIRED;
    }
    long expiry = transferExpiry[pending];
    if (expiry != 0 && expiry <= timestampNanos) {
      return EventResult.PENDING_TRANSFER_EXPIRED;
    }
    if (state != STATE_PENDING || transferResolvedBy[pending] != -1) {
      throw new InvariantViolationError(
          "pending transfer " + transferIds.id(pending) + " in state " + state + " resolved by "
              + transferResolvedBy[pending]);
    }
    long[] b = balances;
    int d = debit * BALANCE_LONGS;
    int c = credit * BALANCE_LONGS;
    long posted = amount == 0 ? pendingAmount : amount;
    if (post) {
      if (UInt128.addOverflows(b[d + DPO], b[d + DPO + 1], posted)) {
        return EventResult.OVERFLOWS_DEBITS_POSTED;
      }
      if (UInt128.addOverflows(b[c + CPO], b[c + CPO + 1], posted)) {
        return EventResult.OVERFLOWS_CREDITS_POSTED;
      }
    }

    // Validated: mutate. Neither a post nor a void can breach a limit: both only shrink the
    // debits (pending + posted) and credits (pending + posted) they are compared with, and only
    // grow the posted balances limits are measured against.
    int currency = accountCurrency[debit];
    touch(debit);
    touch(credit);
    int index = transferIds.add(idHigh, idLow);
    ensureTransferCapacity(index + 1);
    subtract(d + DP, pendingAmount);
    subtract(c + CP, pendingAmount);
    addFlow(currency, 0, -pendingAmount);
    if (post) {
      add(d + DPO, posted);
      add(c + CPO, posted);
      addFlow(currency, 2, posted);
      transferState[pending] = STATE_POSTED;
    } else {
      transferState[pending] = STATE_VOIDED;
    }
    transferResolvedBy[pending] = index;
    transferDebit[index] = debitId.isZero() ? -1 : debit;
    transferCredit[index] = creditId.isZero() ? -1 : credit;
    transferAmount[index] = amount;
    transferPending[index] = pending;
    transferUserDataHigh[index] = t.userData().high();
    transferUserDataLow[index] = t.userData().low();
    transferTimestamp[index] = timestampNanos;
    transferExpiry[index] = 0;
    transferResolvedBy[index] = -1;
    transferFlags[index] = (byte) flags;
    transferState[index] = STATE_NONE;
    return EventResult.OK;
  }

  private boolean debitsExceedCredits(int account, long amount) {
    long[] b = balances;
    int base = account * BALANCE_LONGS;
    // debits = dp + dpo + amount; the overflow checks before guarantee it fits 128 bits.
    long lo = b[base + DP + 1] + b[base + DPO + 1];
    long hi = b[base + DP] + b[base + DPO] + (Long.compareUnsigned(lo, b[base + DP + 1]) < 0 ? 1 : 0);
    long lo2 = lo + amount;
    hi += Long.compareUnsigned(lo2, lo) < 0 ? 1 : 0;
    long cHigh = b[base + CPO];
    long cLow = b[base + CPO + 1];
    if (UInt128.compare(hi, lo2, cHigh, cLow) <= 0) {
      return false;
    }
    long eLow = lo2 - cLow;
    long eHigh = hi - cHigh - (Long.compareUnsigned(lo2, cLow) < 0 ? 1 : 0);
    return eHigh != 0 || Long.compareUnsigned(eLow, accountCreditLimit[account]) > 0;
  }

  private boolean creditsExceedDebits(int account, long amount) {
    long[] b = balances;
    int base = account * BALANCE_LONGS;
    long lo = b[base + CP + 1] + b[base + CPO + 1];
    long hi = b[base + CP] + b[base + CPO] + (Long.compareUnsigned(lo, b[base + CP + 1]) < 0 ? 1 : 0);
    long lo2 = lo + amount;
    hi += Long.compareUnsigned(lo2, lo) < 0 ? 1 : 0;
    return UInt128.compare(hi, lo2, b[base + DPO], b[base + DPO + 1]) > 0;
  }

  /** True when b[x] + b[y] + amount (128-bit values at offsets x and y) does not fit 128 bits. */
  private static boolean sumOverflows(long[] b, int x, int y, long amount) {
    if (UInt128.addOverflows(b[x], b[x + 1], b[y], b[y + 1])) {
      return true;
    }
    long lo = b[x + 1] + b[y + 1];
    long hi = b[x] + b[y] + (Long.compareUnsigned(lo, b[x + 1]) < 0 ? 1 : 0);
    return UInt128.addOverflows(hi, lo, amount);
  }

  private void add(int offset, long amount) {
    long[] b = balances;
    long lo = b[offset + 1];
    long sum = lo + amount;
    b[offset + 1] = sum;
    if (Long.compareUnsigned(sum, lo) < 0) {
      b[offset]++;
    }
  }

  private void subtract(int offset, long amount) {
    long[] b = balances;
    long lo = b[offset + 1];
    if (Long.compareUnsigned(lo, amount) < 0) {
      if (b[offset] == 0) {
        throw new InvariantViolationError("a balance would go below zero (offset " + offset + ")");
      }
      b[offset]--;
    }
    b[offset + 1] = lo - amount;
  }

  /** Adds a signed amount to the batch's transfer-side flow: kind 0 = pending, 2 = posted. */
  private void addFlow(int currency, int kind, long signedAmount) {
    int o = currency * 4 + kind;
    long[] f = batchTransferFlow;
    long lo = f[o + 1];
    long sum = lo + signedAmount;
    long carry = Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
    f[o] += (signedAmount < 0 ? -1 : 0) + carry;
    f[o + 1] = sum;
  }

  private void ensureTransferCapacity(int needed) {
    if (needed <= transferDebit.length) {
      return;
    }
    int capacity = (int) Math.min(Math.max((long) transferDebit.length * 2, needed), MAX_TRANSFERS);
    transferDebit = Arrays.copyOf(transferDebit, capacity);
    transferCredit = Arrays.copyOf(transferCredit, capacity);
    transferAmount = Arrays.copyOf(transferAmount, capacity);
    transferPending = Arrays.copyOf(transferPending, capacity);
    transferUserDataHigh = Arrays.copyOf(transferUserDataHigh, capacity);
    transferUserDataLow = Arrays.copyOf(transferUserDataLow, capacity);
    transferTimestamp = Arrays.copyOf(transferTimestamp, capacity);
    transferExpiry = Arrays.copyOf(transferExpiry, capacity);
    transferResolvedBy = Arrays.copyOf(transferResolvedBy, capacity);
    transferFlags = Arrays.copyOf(transferFlags, capacity);
    transferState = Arrays.copyOf(transferState, capacity);
  }

  // =====================================================================================
  // Linked chains: undo, newest first.
  // =====================================================================================

  private void rollBack(
      LedgerEvent[] events, int chainStart, int failedAt, int transfersBefore, int accountsBefore,
      int expiringBefore, int limitUndoBefore) {
    for (int j = failedAt - 1; j >= chainStart; j--) {
      LedgerEvent event = events[j];
      if (event instanceof LedgerEvent.CreateTransfer t) {
        int index = transferIds.size() - 1;
        if (index < transfersBefore
            || transferIds.high(index) != t.id().high() || transferIds.low(index) != t.id().low()) {
          throw new InvariantViolationError("linked chain rollback out of step at event " + j);
        }
        undoTransfer(index);
        transferIds.truncate(index);
      } else if (event instanceof LedgerEvent.CreateAccount a) {
        int index = accountIds.size() - 1;
        if (index < accountsBefore
            || accountIds.high(index) != a.id().high() || accountIds.low(index) != a.id().low()) {
          throw new InvariantViolationError("linked chain rollback out of step at event " + j);
        }
        currencyAccounts[accountCurrency[index]]--;
        accountEvents[index] = null;
        accountIds.truncate(index);
      } else if (event instanceof LedgerEvent.ChangeCreditLimit) {
        limitUndoCount--;
        int account = (int) limitUndo[limitUndoCount * 3];
        accountCreditLimit[account] = limitUndo[limitUndoCount * 3 + 1];
        accountToleratedExposure[account] = limitUndo[limitUndoCount * 3 + 2];
      }
    }
    if (transferIds.size() != transfersBefore
        || accountIds.size() != accountsBefore
        || limitUndoCount != limitUndoBefore) {
      throw new InvariantViolationError("linked chain rollback left state behind");
    }
    batchNewExpiringCount = expiringBefore;
  }

  private void undoTransfer(int index) {
    int flags = transferFlags[index];
    long amount = transferAmount[index];
    if ((flags & (TransferFlags.POST_PENDING | TransferFlags.VOID_PENDING)) != 0) {
      int pending = transferPending[index];
      long pendingAmount = transferAmount[pending];
      int d = transferDebit[pending] * BALANCE_LONGS;
      int c = transferCredit[pending] * BALANCE_LONGS;
      int currency = accountCurrency[transferDebit[pending]];
      if ((flags & TransferFlags.POST_PENDING) != 0) {
        long posted = amount == 0 ? pendingAmount : amount;
        subtract(d + DPO, posted);
        subtract(c + CPO, posted);
        addFlow(currency, 2, -posted);
      }
      add(d + DP, pendingAmount);
      add(c + CP, pendingAmount);
      addFlow(currency, 0, pendingAmount);
      transferState[pending] = STATE_PENDING;
      transferResolvedBy[pending] = -1;
    } else {
      int d = transferDebit[index] * BALANCE_LONGS;
      int c = transferCredit[index] * BALANCE_LONGS;
      int currency = accountCurrency[transferDebit[index]];
      if ((flags & TransferFlags.PENDING) != 0) {
        subtract(d + DP, amount);
        subtract(c + CP, amount);
        addFlow(currency, 0, -amount);
      } else {
        subtract(d + DPO, amount);
        subtract(c + CPO, amount);
        addFlow(currency, 2, -amount);
      }
    }
  }

  // =====================================================================================
  // Expiry.
  // =====================================================================================

  private List<Id128> expireDue(long timestampNanos) {
    List<Id128> expired = null;
    int lapsed = 0;
    while (expiryHeapSize > 0 && lapsed < MAX_EXPIRIES_PER_BATCH) {
      int top = expiryHeap[0];
      if (transferExpiry[top] > timestampNanos) {
        break;
      }
      heapPop();
      if (transferState[top] != STATE_PENDING) {
        continue; // Posted or voided before it was due: nothing to release.
      }
      if (transferResolvedBy[top] != -1) {
        throw new InvariantViolationError("pending transfer " + transferIds.id(top) + " settled but still pending");
      }
      int debit = transferDebit[top];
      int credit = transferCredit[top];
      long amount = transferAmount[top];
      touch(debit);
      touch(credit);
      subtract(debit * BALANCE_LONGS + DP, amount);
      subtract(credit * BALANCE_LONGS + CP, amount);
      addFlow(accountCurrency[debit], 0, -amount);
      transferState[top] = STATE_EXPIRED;
      if (expired == null) {
        expired = new ArrayList<>();
      }
      expired.add(transferIds.id(top));
      lapsed++;
    }
    return expired == null ? List.of() : expired;
  }

  /** True when transfer a lapses before transfer b: earlier expiry, then smaller id. */
  private boolean expiresBefore(int a, int b) {
    long ea = transferExpiry[a];
    long eb = transferExpiry[b];
    if (ea != eb) {
      return ea < eb;
    }
    return UInt128.compare(transferIds.high(a), transferIds.low(a), transferIds.high(b), transferIds.low(b)) < 0;
  }

  private void heapPush(int transfer) {
    if (expiryHeapSize == expiryHeap.length) {
      expiryHeap = Arrays.copyOf(expiryHeap, expiryHeapSize * 2);
    }
    int i = expiryHeapSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!expiresBefore(transfer, expiryHeap[parent])) {
        break;
      }
      expiryHeap[i] = expiryHeap[parent];
      i = parent;
    }
    expiryHeap[i] = transfer;
  }

  private void heapPop() {
    int last = expiryHeap[--expiryHeapSize];
    int size = expiryHeapSize;
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && expiresBefore(expiryHeap[child + 1], expiryHeap[child])) {
        child++;
      }
      if (!expiresBefore(expiryHeap[child], last)) {
        break;
      }
      expiryHeap[i] = expiryHeap[child];
      i = child;
    }
    if (size > 0) {
      expiryHeap[i] = last;
    }
  }

  /**
   * The earliest expiry among pending transfers with a timeout, or {@link Long#MAX_VALUE}. The
   * writer can use it to apply an empty batch (a tick) when reservations are due. May be earlier
   * than the real next lapse (a pending transfer settled since is dropped only when its time comes).
   */
  public long nextExpiryNanos() {
    return expiryHeapSize == 0 ? Long.MAX_VALUE : transferExpiry[expiryHeap[0]];
  }

  // =====================================================================================
  // Per-batch invariant checks.
  // =====================================================================================

  private void beginBatch() {
    if (epoch == Integer.MAX_VALUE) {
      Arrays.fill(accountTouchedEpoch, 0);
      Arrays.fill(currencyTouchedEpoch, 0);
      epoch = 0;
    }
    epoch++;
    touchedCount = 0;
    touchedCurrencyCount = 0;
    batchNewExpiringCount = 0;
    limitUndoCount = 0;
  }

  /** Remembers an account's balances as they were before the batch first changed them. */
  private void touch(int account) {
    if (accountTouchedEpoch[account] == epoch) {
      return;
    }
    accountTouchedEpoch[account] = epoch;
    if (touchedCount == touched.length) {
      touched = Arrays.copyOf(touched, touchedCount * 2);
      touchedBefore = Arrays.copyOf(touchedBefore, touchedCount * 2 * BALANCE_LONGS);
    }
    touched[touchedCount] = account;
    System.arraycopy(balances, account * BALANCE_LONGS, touchedBefore, touchedCount * BALANCE_LONGS, BALANCE_LONGS);
    touchedCount++;
    markCurrencyTouched(accountCurrency[account]);
  }

  private void markCurrencyTouched(int currency) {
    if (currencyTouchedEpoch[currency] != epoch) {
      currencyTouchedEpoch[currency] = epoch;
      touchedCurrencies[touchedCurrencyCount++] = currency;
    }
  }

  private void finishBatch() {
    for (int i = 0; i < batchNewExpiringCount; i++) {
      heapPush(batchNewExpiring[i]);
    }
    long[] delta = batchAccountDelta;
    long[] b = balances;
    for (int k = 0; k < touchedCount; k++) {
      int account = touched[k];
      int base = account * BALANCE_LONGS;
      int before = k * BALANCE_LONGS;
      int o = accountCurrency[account] * 8;
      for (int kind = 0; kind < BALANCE_LONGS; kind += 2) {
        // now - before, wrapping: the true difference fits a signed 128-bit value.
        long nowLow = b[base + kind + 1];
        long oldLow = touchedBefore[before + kind + 1];
        long dLow = nowLow - oldLow;
        long dHigh = b[base + kind] - touchedBefore[before + kind] - (Long.compareUnsigned(nowLow, oldLow) < 0 ? 1 : 0);
        long sumLow = delta[o + kind + 1] + dLow;
        delta[o + kind] += dHigh + (Long.compareUnsigned(sumLow, dLow) < 0 ? 1 : 0);
        delta[o + kind + 1] = sumLow;
      }
      checkLimits(account, true);
    }
    for (int k = 0; k < touchedCurrencyCount; k++) {
      int currency = touchedCurrencies[k];
      int o = currency * 8;
      int f = currency * 4;
      String code = currencyCodes[currency];
      if (delta[o + DP] != delta[o + CP] || delta[o + DP + 1] != delta[o + CP + 1]) {
        throw new InvariantViolationError(code + ": debits pending and credits pending changed by different amounts");
      }
      if (delta[o + DPO] != delta[o + CPO] || delta[o + DPO + 1] != delta[o + CPO + 1]) {
        throw new InvariantViolationError(code + ": debits posted and credits posted changed by different amounts");
      }
      if (delta[o + DP] != batchTransferFlow[f] || delta[o + DP + 1] != batchTransferFlow[f + 1]) {
        throw new InvariantViolationError(code + ": pending balances changed by other than the transfers reserved");
      }
      if (delta[o + DPO] != batchTransferFlow[f + 2] || delta[o + DPO + 1] != batchTransferFlow[f + 3]) {
        throw new InvariantViolationError(code + ": posted balances changed by other than the transfers moved");
      }
      BigInteger[] totals = currencyTotals[currency];
      for (int kind = 0; kind < 4; kind++) {
        totals[kind] = totals[kind].add(signed128(delta[o + 2 * kind], delta[o + 2 * kind + 1]));
        if (totals[kind].signum() < 0) {
          throw new InvariantViolationError(code + ": a balance total went negative");
        }
      }
      if (!totals[0].equals(totals[2]) || !totals[1].equals(totals[3])) {
        throw new InvariantViolationError(code + ": total debits differ from total credits");
      }
      Arrays.fill(delta, o, o + 8, 0L);
      Arrays.fill(batchTransferFlow, f, f + 4, 0L);
    }
  }

  private static BigInteger signed128(long high, long low) {
    if (high == 0 && low >= 0) {
      return BigInteger.valueOf(low);
    }
    if (high == -1 && low < 0) {
      return BigInteger.valueOf(low);
    }
    return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
  }

  /**
   * Invariant 2 for one account. With {@code shrinkTolerance} (after a batch) a tolerated exposure
   * above the credit line shrinks to what the account still uses, so it can never grow back.
   */
  private void checkLimits(int account, boolean shrinkTolerance) {
    int flags = accountFlags[account];
    if ((flags & AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS) != 0) {
      long exposure = exposure(account);
      long limit = accountCreditLimit[account];
      if (exposure > Math.max(limit, accountToleratedExposure[account])) {
        throw new InvariantViolationError(
            "account " + accountIds.id(account) + " debits exceed credits posted plus its credit line");
      }
      if (shrinkTolerance) {
        accountToleratedExposure[account] = exposure > limit ? exposure : 0;
      }
    }
    if ((flags & AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS) != 0) {
      int base = account * BALANCE_LONGS;
      long[] b = balances;
      if (UInt128.addOverflows(b[base + CP], b[base + CP + 1], b[base + CPO], b[base + CPO + 1])) {
        throw new InvariantViolationError("account " + accountIds.id(account) + " credits overflow");
      }
      long lo = b[base + CP + 1] + b[base + CPO + 1];
      long hi = b[base + CP] + b[base + CPO] + (Long.compareUnsigned(lo, b[base + CP + 1]) < 0 ? 1 : 0);
      if (UInt128.compare(hi, lo, b[base + DPO], b[base + DPO + 1]) > 0) {
        throw new InvariantViolationError(
            "account " + accountIds.id(account) + " credits exceed debits posted");
      }
    }
  }

  // =====================================================================================
  // Reads.
  // =====================================================================================

  /** The last event timestamp applied (or the last empty batch's timestamp); 0 before the first batch. */
  public long lastTimestampNanos() {
    return lastTimestampNanos;
  }

  public int accountCount() {
    return accountIds.size();
  }

  public int transferCount() {
    return transferIds.size();
  }

  public Optional<AccountView> account(Id128 id) {
    int index = accountIds.find(id.high(), id.low());
    return index < 0 ? Optional.empty() : Optional.of(accountView(index));
  }

  /** Every account in creation order (for reports and verification). */
  public void forEachAccount(Consumer<AccountView> consumer) {
    int count = accountIds.size();
    for (int i = 0; i < count; i++) {
      consumer.accept(accountView(i));
    }
  }

  private AccountView accountView(int index) {
    LedgerEvent.CreateAccount a = accountEvents[index];
    int base = index * BALANCE_LONGS;
    return new AccountView(
        a.id(), a.currency(), a.minorUnits(), a.participant(), a.kind(), a.flags(),
        accountCreditLimit[index],
        new UInt128(balances[base + DP], balances[base + DP + 1]),
        new UInt128(balances[base + DPO], balances[base + DPO + 1]),
        new UInt128(balances[base + CP], balances[base + CP + 1]),
        new UInt128(balances[base + CPO], balances[base + CPO + 1]),
        accountTimestamp[index]);
  }

  public Optional<TransferView> transfer(Id128 id) {
    int index = transferIds.find(id.high(), id.low());
    return index < 0 ? Optional.empty() : Optional.of(transferView(index));
  }

  private TransferView transferView(int index) {
    int pending = transferPending[index];
    int debit = pending < 0 ? transferDebit[index] : transferDebit[pending];
    int credit = pending < 0 ? transferCredit[index] : transferCredit[pending];
    long amount = transferAmount[index];
    if (pending >= 0 && amount == 0) {
      amount = transferAmount[pending];
    }
    PendingStatus status = switch (transferState[index]) {
      case STATE_NONE -> PendingStatus.NOT_PENDING;
      case STATE_PENDING -> PendingStatus.PENDING;
      case STATE_POSTED -> PendingStatus.POSTED;
      case STATE_VOIDED -> PendingStatus.VOIDED;
      case STATE_EXPIRED -> PendingStatus.EXPIRED;
      default -> throw new InvariantViolationError("transfer state " + transferState[index]);
    };
    int resolvedBy = transferResolvedBy[index];
    return new TransferView(
        transferIds.id(index),
        accountIds.id(debit),
        accountIds.id(credit),
        amount,
        pending < 0 ? Id128.ZERO : transferIds.id(pending),
        new Id128(transferUserDataHigh[index], transferUserDataLow[index]),
        recordedTimeoutSeconds(index),
        transferFlags[index],
        transferTimestamp[index],
        transferExpiry[index],
        status,
        resolvedBy < 0 ? Id128.ZERO : transferIds.id(resolvedBy));
  }

  /** Per currency (sorted by code), the four balances summed over its accounts. */
  public Map<String, CurrencyTotals> currencyTotals() {
    Map<String, CurrencyTotals> result = new TreeMap<>();
    for (int c = 0; c < currencyCount; c++) {
      if (currencyAccounts[c] == 0) {
        continue; // Interned by an account creation that a linked chain rolled back.
      }
      BigInteger[] t = currencyTotals[c];
      result.put(currencyCodes[c], new CurrencyTotals(currencyCodes[c], currencyAccounts[c], t[0], t[1], t[2], t[3]));
    }
    return Collections.unmodifiableMap(result);
  }

  // =====================================================================================
  // Invariants.
  // =====================================================================================

  /**
   * Invariant 1 on the running per-currency totals: O(currencies). Invariants 2 and 4 are checked
   * where they can break (each batch's touched accounts, each settlement of a pending transfer);
   * {@link #verifyFully()} checks all three from scratch.
   *
   * @throws InvariantViolationError on a violation
   */
  public void checkInvariants() {
    for (int c = 0; c < currencyCount; c++) {
      BigInteger[] t = currencyTotals[c];
      if (!t[0].equals(t[2]) || !t[1].equals(t[3])) {
        throw new InvariantViolationError(currencyCodes[c] + ": total debits differ from total credits");
      }
    }
  }

  /**
   * Recomputes every balance from the recorded transfers and checks invariants 1, 2 and 4 and the
   * running totals, in O(accounts + transfers). For {@code rialto ledger verify} and tests.
   *
   * @throws InvariantViolationError naming the first inconsistency found
   */
  public void verifyFully() {
    int accounts = accountIds.size();
    int transfers = transferIds.size();
    long[] expected = new long[accounts * BALANCE_LONGS];
    for (int i = 0; i < transfers; i++) {
      Id128 id = transferIds.id(i);
      if (transferIds.find(id.high(), id.low()) != i) {
        throw new InvariantViolationError("transfer " + id + " not found at its own index");
      }
      int flags = transferFlags[i];
      byte state = transferState[i];
      int pending = transferPending[i];
      if ((flags & TransferFlags.PENDING) != 0) {
        if (state == STATE_NONE) {
          throw new InvariantViolationError("pending transfer " + id + " without a state");
        }
        int resolvedBy = transferResolvedBy[i];
        boolean settled = state == STATE_POSTED || state == STATE_VOIDED;
        if (settled != (resolvedBy >= 0)) {
          throw new InvariantViolationError("pending transfer " + id + " state and settling transfer disagree");
        }
        if (settled) {
          int wanted = state == STATE_POSTED ? TransferFlags.POST_PENDING : TransferFlags.VOID_PENDING;
          if (resolvedBy <= i || transferPending[resolvedBy] != i || (transferFlags[resolvedBy] & wanted) == 0) {
            throw new InvariantViolationError("pending transfer " + id + " settled by a transfer that does not settle it");
          }
        }
        if (state == STATE_EXPIRED && (transferExpiry[i] == 0 || transferExpiry[i] > lastTimestampNanos)) {
          throw new InvariantViolationError("pending transfer " + id + " expired before its time");
        }
        if (state == STATE_PENDING) {
          addTo(expected, transferDebit[i] * BALANCE_LONGS + DP, transferAmount[i]);
          addTo(expected, transferCredit[i] * BALANCE_LONGS + CP, transferAmount[i]);
        }
      } else if (pending >= 0) {
        if (state != STATE_NONE || transferResolvedBy[pending] != i) {
          throw new InvariantViolationError(
              "transfer " + id + " settles pending transfer " + transferIds.id(pending) + " that does not name it");
        }
        if ((flags & TransferFlags.POST_PENDING) != 0) {
          long posted = transferAmount[i] == 0 ? transferAmount[pending] : transferAmount[i];
          addTo(expected, transferDebit[pending] * BALANCE_LONGS + DPO, posted);
          addTo(expected, transferCredit[pending] * BALANCE_LONGS + CPO, posted);
        }
      } else {
        if (state != STATE_NONE) {
          throw new InvariantViolationError("plain transfer " + id + " with a pending state");
        }
        addTo(expected, transferDebit[i] * BALANCE_LONGS + DPO, transferAmount[i]);
        addTo(expected, transferCredit[i] * BALANCE_LONGS + CPO, transferAmount[i]);
      }
    }
    boolean[] queued = new boolean[transfers];
    for (int k = 0; k < expiryHeapSize; k++) {
      int entry = expiryHeap[k];
      if (entry < 0 || entry >= transfers || transferExpiry[entry] == 0) {
        throw new InvariantViolationError("expiry queue holds transfer index " + entry + " without a timeout");
      }
      int parent = (k - 1) >>> 1;
      if (k > 0 && expiresBefore(entry, expiryHeap[parent])) {
        throw new InvariantViolationError("expiry queue out of order at " + k);
      }
      queued[entry] = true;
    }
    for (int i = 0; i < transfers; i++) {
      if (transferState[i] == STATE_PENDING && transferExpiry[i] != 0 && !queued[i]) {
        throw new InvariantViolationError("pending transfer " + transferIds.id(i) + " would never lapse");
      }
    }
    BigInteger[][] sums = new BigInteger[currencyCount][4];
    for (BigInteger[] s : sums) {
      Arrays.fill(s, BigInteger.ZERO);
    }
    int[] counts = new int[currencyCount];
    for (int a = 0; a < accounts; a++) {
      Id128 id = accountIds.id(a);
      if (accountIds.find(id.high(), id.low()) != a) {
        throw new InvariantViolationError("account " + id + " not found at its own index");
      }
      int base = a * BALANCE_LONGS;
      for (int k = 0; k < BALANCE_LONGS; k++) {
        if (expected[base + k] != balances[base + k]) {
          throw new InvariantViolationError("account " + id + " balances differ from its transfers");
        }
      }
      int c = accountCurrency[a];
      counts[c]++;
      for (int kind = 0; kind < 4; kind++) {
        sums[c][kind] = sums[c][kind].add(new UInt128(balances[base + 2 * kind], balances[base + 2 * kind + 1]).toBigInteger());
      }
      checkLimits(a, false);
    }
    for (int c = 0; c < currencyCount; c++) {
      if (counts[c] != currencyAccounts[c]) {
        throw new InvariantViolationError(currencyCodes[c] + ": account count differs");
      }
      if (!sums[c][0].equals(sums[c][2]) || !sums[c][1].equals(sums[c][3])) {
        throw new InvariantViolationError(currencyCodes[c] + ": total debits differ from total credits");
      }
      for (int kind = 0; kind < 4; kind++) {
        if (!sums[c][kind].equals(currencyTotals[c][kind])) {
          throw new InvariantViolationError(currencyCodes[c] + ": running totals differ from the accounts");
        }
      }
    }
  }

  private static void addTo(long[] b, int offset, long amount) {
    long lo = b[offset + 1];
    long sum = lo + amount;
    b[offset + 1] = sum;
    if (Long.compareUnsigned(sum, lo) < 0) {
      b[offset]++;
    }
  }

  /**
   * Test support only: overwrites an account's balances (keeping the running totals in step) so
   * that the 128-bit overflow paths, unreachable with real volumes, can be exercised. The caller
   * must keep debits and credits balanced or {@link #checkInvariants()} will rightly fail.
   */
  void overwriteBalancesForTest(Id128 accountId, UInt128 debitsPending, UInt128 debitsPosted,
      UInt128 creditsPending, UInt128 creditsPosted) {
    int account = accountIds.find(accountId.high(), accountId.low());
    if (account < 0) {
      throw new IllegalArgumentException("no account " + accountId);
    }
    UInt128[] values = {debitsPending, debitsPosted, creditsPending, creditsPosted};
    int base = account * BALANCE_LONGS;
    BigInteger[] totals = currencyTotals[accountCurrency[account]];
    for (int kind = 0; kind < 4; kind++) {
      UInt128 old = new UInt128(balances[base + 2 * kind], balances[base + 2 * kind + 1]);
      totals[kind] = totals[kind].subtract(old.toBigInteger()).add(values[kind].toBigInteger());
      balances[base + 2 * kind] = values[kind].high();
      balances[base + 2 * kind + 1] = values[kind].low();
    }
  }
}
