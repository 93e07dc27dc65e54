package org.rialto.ledger;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately simple reference ledger for the model-based test: BigInteger balances, plain
 * maps, linear scans, and an undo log of closures for linked chains. Written from the rules in
 * {@link Ledger}'s documentation, not from its code; speed is no concern here.
 */
final class ReferenceLedger {
  static final BigInteger MAX_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
  static final long NANOS = 1_000_000_000L;

  static final class Account {
    final LedgerEvent.CreateAccount created;
    final long timestamp;
    long creditLimit;
    BigInteger debitsPending = BigInteger.ZERO;
    BigInteger debitsPosted = BigInteger.ZERO;
    BigInteger creditsPending = BigInteger.ZERO;
    BigInteger creditsPosted = BigInteger.ZERO;

    Account(LedgerEvent.CreateAccount created, long timestamp) {
      this.created = created;
      this.timestamp = timestamp;
      this.creditLimit = created.creditLimitMinor();
    }

    boolean has(int flag) {
      return (created.flags() & flag) != 0;
    }
  }

  static final class Transfer {
    final LedgerEvent.CreateTransfer request;
    final long timestamp;
    final long expiresAt; // 0 = never
    final Id128 debit;
    final Id128 credit;
    final long movedAmount;
    PendingStatus status;
    Id128 resolvedBy = Id128.ZERO;

    Transfer(LedgerEvent.CreateTransfer request, long timestamp, long expiresAt, Id128 debit, Id128 credit,
        long movedAmount, PendingStatus status) {
      this.request = request;
      this.timestamp = timestamp;
      this.expiresAt = expiresAt;
      this.debit = debit;
      this.credit = credit;
      this.movedAmount = movedAmount;
      this.status = status;
    }

    boolean isPending() {
      return (request.flags() & TransferFlags.PENDING) != 0;
    }
  }

  final Map<Id128, Account> accounts = new LinkedHashMap<>();
  final Map<Id128, Transfer> transfers = new HashMap<>();
  final List<Transfer> withTimeout = new ArrayList<>();
  long lastTimestamp;
  private final Deque<Runnable> undo = new ArrayDeque<>();

  record Outcome(List<EventResult> results, List<Id128> expired) {}

  Outcome apply(long timestamp, List<LedgerEvent> events) {
    if (timestamp <= lastTimestamp || events.size() > Ledger.MAX_BATCH_EVENTS) {
      throw new IllegalArgumentException("bad batch");
    }
    // 1. Lapse what is due, earliest expiry first, ties by id, at most the per-batch cap.
    List<Transfer> due = new ArrayList<>();
    for (Transfer t : withTimeout) {
      if (t.status == PendingStatus.PENDING && t.expiresAt <= timestamp) {
        due.add(t);
      }
    }
    due.sort(Comparator.<Transfer>comparingLong(t -> t.expiresAt).thenComparing(t -> t.request.id()));
    List<Id128> expired = new ArrayList<>();
    for (Transfer t : due.subList(0, Math.min(due.size(), Ledger.MAX_EXPIRIES_PER_BATCH))) {
      Account debit = accounts.get(t.debit);
      Account credit = accounts.get(t.credit);
      debit.debitsPending = debit.debitsPending.subtract(BigInteger.valueOf(t.request.amountMinor()));
      credit.creditsPending = credit.creditsPending.subtract(BigInteger.valueOf(t.request.amountMinor()));
      t.status = PendingStatus.EXPIRED;
      expired.add(t.request.id());
    }

    // 2. Events. A trailing run of linked transfers is an open chain: not applied at all.
    int n = events.size();
    int openFrom = n;
    while (openFrom > 0 && linked(events.get(openFrom - 1))) {
      openFrom--;
    }
    List<EventResult> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(null);
    }
    int i = 0;
    while (i < openFrom) {
      // A chain runs from i to the first event without LINKED (inclusive).
      int last = i;
      while (linked(events.get(last))) {
        last++;
      }
      if (last == i) {
        undo.clear();
        results.set(i, one(events.get(i), timestamp + i));
        undo.clear();
      } else {
        undo.clear();
        int failed = -1;
        for (int j = i; j <= last; j++) {
          EventResult r = one(events.get(j), timestamp + j);
          results.set(j, r);
          if (r != EventResult.OK) {
            failed = j;
            break;
          }
        }
        if (failed >= 0) {
          while (!undo.isEmpty()) {
            undo.pop().run();
          }
          for (int j = i; j <= last; j++) {
            if (j != failed) {
              results.set(j, EventResult.LINKED_EVENT_FAILED);
            }
          }
        }
        undo.clear();
      }
      i = last + 1;
    }
    for (int j = openFrom; j < n; j++) {
      results.set(j, EventResult.LINKED_EVENT_CHAIN_OPEN);
    }
    lastTimestamp = timestamp + Math.max(n, 1) - 1;
    return new Outcome(results, expired);
  }

  private static boolean linked(LedgerEvent e) {
    return e instanceof LedgerEvent.CreateTransfer t && (t.flags() & TransferFlags.LINKED) != 0;
  }

  private EventResult one(LedgerEvent e, long timestamp) {
    return switch (e) {
      case LedgerEvent.CreateAccount a -> createAccount(a, timestamp);
      case LedgerEvent.CreateTransfer t -> createTransfer(t, timestamp);
      case LedgerEvent.ChangeCreditLimit c -> changeLimit(c);
    };
  }

  private EventResult createAccount(LedgerEvent.CreateAccount a, long timestamp) {
    if (a.id().equals(Id128.ZERO)) {
      return EventResult.ID_MUST_NOT_BE_ZERO;
    }
    boolean dmnec = (a.flags() & AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS) != 0;
    boolean cmned = (a.flags() & AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS) != 0;
    if (dmnec && cmned) {
      return EventResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
    }
    if ((a.flags() & ~3) != 0) {
      return EventResult.FLAGS_UNKNOWN;
    }
    if (!a.currency().matches("[A-Z]{3}")) {
      return EventResult.CURRENCY_INVALID;
    }
    if (a.minorUnits() < 0 || a.minorUnits() > 9) {
      return EventResult.MINOR_UNITS_INVALID;
    }
    for (Account other : accounts.values()) {
      if (other.created.currency().equals(a.currency()) && other.created.minorUnits() != a.minorUnits()) {
        return EventResult.MINOR_UNITS_INVALID;
      }
    }
    if (a.participant().isBlank()) {
      return EventResult.PARTICIPANT_MISSING;
    }
    if (a.creditLimitMinor() < 0) {
      return EventResult.CREDIT_LIMIT_NEGATIVE;
    }
    if (a.creditLimitMinor() != 0 && !dmnec) {
      return EventResult.CREDIT_LIMIT_REQUIRES_DEBITS_MUST_NOT_EXCEED_CREDITS;
    }
    Account existing = accounts.get(a.id());
    if (existing != null) {
      return existing.created.equals(a) ? EventResult.EXISTS : EventResult.ACCOUNT_EXISTS_WITH_DIFFERENT_FIELDS;
    }
    accounts.put(a.id(), new Account(a, timestamp));
    undo.push(() -> accounts.remove(a.id()));
    return EventResult.OK;
  }

  private EventResult changeLimit(LedgerEvent.ChangeCreditLimit c) {
    if (c.accountId().equals(Id128.ZERO)) {
      return EventResult.ID_MUST_NOT_BE_ZERO;
    }
    if (c.creditLimitMinor() < 0) {
      return EventResult.CREDIT_LIMIT_NEGATIVE;
    }
    Account account = accounts.get(c.accountId());
    if (account == null) {
      return EventResult.ACCOUNT_NOT_FOUND;
    }
    if (!account.has(AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS)) {
      return EventResult.CREDIT_LIMIT_REQUIRES_DEBITS_MUST_NOT_EXCEED_CREDITS;
    }
    long old = account.creditLimit;
    account.creditLimit = c.creditLimitMinor();
    undo.push(() -> account.creditLimit = old);
    return EventResult.OK;
  }

  private EventResult createTransfer(LedgerEvent.CreateTransfer t, long timestamp) {
    int f = t.flags();
    boolean pending = (f & TransferFlags.PENDING) != 0;
    boolean post = (f & TransferFlags.POST_PENDING) != 0;
    boolean voids = (f & TransferFlags.VOID_PENDING) != 0;
    boolean settles = post || voids;
    if (t.id().equals(Id128.ZERO)) {
      return EventResult.ID_MUST_NOT_BE_ZERO;
    }
    if ((pending ? 1 : 0) + (post ? 1 : 0) + (voids ? 1 : 0) > 1) {
      return EventResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
    }
    if ((f & ~15) != 0) {
      return EventResult.FLAGS_UNKNOWN;
    }
    if (!settles && t.debitAccountId().equals(Id128.ZERO)) {
      return EventResult.DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
    }
    if (!settles && t.creditAccountId().equals(Id128.ZERO)) {
      return EventResult.CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
    }
    if (!t.debitAccountId().equals(Id128.ZERO) && t.debitAccountId().equals(t.creditAccountId())) {
      return EventResult.ACCOUNTS_MUST_BE_DIFFERENT;
    }
    if (!settles && !t.pendingId().equals(Id128.ZERO)) {
      return EventResult.PENDING_ID_MUST_BE_ZERO;
    }
    if (settles && t.pendingId().equals(Id128.ZERO)) {
      return EventResult.PENDING_ID_MUST_NOT_BE_ZERO;
    }
    if (settles && t.pendingId().equals(t.id())) {
      return EventResult.PENDING_ID_MUST_BE_DIFFERENT;
    }
    if (!pending && t.timeoutSeconds() != 0) {
      return EventResult.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
    }
    if (t.timeoutSeconds() < 0) {
      return EventResult.TIMEOUT_MUST_NOT_BE_NEGATIVE;
    }
    if (!settles && t.amountMinor() == 0) {
      return EventResult.AMOUNT_MUST_NOT_BE_ZERO;
    }
    if (t.amountMinor() < 0) {
      return EventResult.AMOUNT_MUST_NOT_BE_NEGATIVE;
    }
    if (t.amountMinor() >= 1_000_000_000_000_000_000L) {
      return EventResult.AMOUNT_TOO_LARGE;
    }
    Transfer seen = transfers.get(t.id());
    if (seen != null) {
      LedgerEvent.CreateTransfer s = seen.request;
      if (s.flags() != t.flags()) return EventResult.EXISTS_WITH_DIFFERENT_FLAGS;
      if (!s.debitAccountId().equals(t.debitAccountId())) return EventResult.EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID;
      if (!s.creditAccountId().equals(t.creditAccountId())) return EventResult.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID;
      if (s.amountMinor() != t.amountMinor()) return EventResult.EXISTS_WITH_DIFFERENT_AMOUNT;
      if (!s.pendingId().equals(t.pendingId())) return EventResult.EXISTS_WITH_DIFFERENT_PENDING_ID;
      if (!s.userData().equals(t.userData())) return EventResult.EXISTS_WITH_DIFFERENT_USER_DATA;
      if (s.timeoutSeconds() != t.timeoutSeconds()) return EventResult.EXISTS_WITH_DIFFERENT_TIMEOUT;
      return EventResult.EXISTS;
    }
    return settles ? settle(t, timestamp, post) : move(t, timestamp, pending);
  }

  private EventResult move(LedgerEvent.CreateTransfer t, long timestamp, boolean pending) {
    Account debit = accounts.get(t.debitAccountId());
    if (debit == null) {
      return EventResult.DEBIT_ACCOUNT_NOT_FOUND;
    }
    Account credit = accounts.get(t.creditAccountId());
    if (credit == null) {
      return EventResult.CREDIT_ACCOUNT_NOT_FOUND;
    }
    if (!debit.created.currency().equals(credit.created.currency())) {
      return EventResult.CURRENCIES_DIFFER;
    }
    BigInteger amount = BigInteger.valueOf(t.amountMinor());
    if (pending) {
      if (debit.debitsPending.add(amount).compareTo(MAX_128) > 0) return EventResult.OVERFLOWS_DEBITS_PENDING;
      if (credit.creditsPending.add(amount).compareTo(MAX_128) > 0) return EventResult.OVERFLOWS_CREDITS_PENDING;
    } else {
      if (debit.debitsPosted.add(amount).compareTo(MAX_128) > 0) return EventResult.OVERFLOWS_DEBITS_POSTED;
      if (credit.creditsPosted.add(amount).compareTo(MAX_128) > 0) return EventResult.OVERFLOWS_CREDITS_POSTED;
    }
    BigInteger debits = debit.debitsPending.add(debit.debitsPosted).add(amount);
    BigInteger credits = credit.creditsPending.add(credit.creditsPosted).add(amount);
    if (debits.compareTo(MAX_128) > 0) return EventResult.OVERFLOWS_DEBITS;
    if (credits.compareTo(MAX_128) > 0) return EventResult.OVERFLOWS_CREDITS;
    long expiresAt = 0;
    if (pending && t.timeoutSeconds() > 0) {
      BigInteger e = BigInteger.valueOf(timestamp).add(BigInteger.valueOf(t.timeoutSeconds()).multiply(BigInteger.valueOf(NANOS)));
      if (e.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0) return EventResult.OVERFLOWS_TIMEOUT;
      expiresAt = e.longValueExact();
    }
    if (debit.has(AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS)
        && debits.compareTo(debit.creditsPosted.add(BigInteger.valueOf(debit.creditLimit))) > 0) {
      return EventResult.EXCEEDS_CREDITS;
    }
    if (credit.has(AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS) && credits.compareTo(credit.debitsPosted) > 0) {
      return EventResult.EXCEEDS_DEBITS;
    }
    Transfer record = new Transfer(t, timestamp, expiresAt, t.debitAccountId(), t.creditAccountId(), t.amountMinor(),
        pending ? PendingStatus.PENDING : PendingStatus.NOT_PENDING);
    transfers.put(t.id(), record);
    if (pending) {
      debit.debitsPending = debit.debitsPending.add(amount);
      credit.creditsPending = credit.creditsPending.add(amount);
    } else {
      debit.debitsPosted = debit.debitsPosted.add(amount);
      credit.creditsPosted = credit.creditsPosted.add(amount);
    }
    if (expiresAt != 0) {
      withTimeout.add(record);
    }
    undo.push(() -> {
      transfers.remove(t.id());
      if (pending) {
        debit.debitsPending = debit.debitsPending.subtract(amount);
        credit.creditsPending = credit.creditsPending.subtract(amount);
      } else {
        debit.debitsPosted = debit.debitsPosted.subtract(amount);
        credit.creditsPosted = credit.creditsPosted.subtract(amount);
      }
      if (record.expiresAt != 0) {
        withTimeout.remove(withTimeout.size() - 1);
      }
    });
    return EventResult.OK;
  }

  private EventResult settle(LedgerEvent.CreateTransfer t, long timestamp, boolean post) {
    Transfer p = transfers.get(t.pendingId());
    if (p == null) return EventResult.PENDING_TRANSFER_NOT_FOUND;
    if (!p.isPending()) return EventResult.PENDING_TRANSFER_NOT_PENDING;
    if (!t.debitAccountId().equals(Id128.ZERO) && !t.debitAccountId().equals(p.debit)) {
      return EventResult.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID;
    }
    if (!t.creditAccountId().equals(Id128.ZERO) && !t.creditAccountId().equals(p.credit)) {
      return EventResult.PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID;
    }
    long pendingAmount = p.request.amountMinor();
    if (t.amountMinor() > pendingAmount) return EventResult.EXCEEDS_PENDING_TRANSFER_AMOUNT;
    if (!post && t.amountMinor() != 0 && t.amountMinor() != pendingAmount) {
      return EventResult.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT;
    }
    if (p.status == PendingStatus.POSTED) return EventResult.PENDING_TRANSFER_ALREADY_POSTED;
    if (p.status == PendingStatus.VOIDED) return EventResult.PENDING_TRANSFER_ALREADY_VOIDED;
    if (p.status == PendingStatus.EXPIRED) return EventResult.PENDING_TRANSFER_EXPIRED;
    if (p.expiresAt != 0 && timestamp >= p.expiresAt) return EventResult.PENDING_TRANSFER_EXPIRED;
    Account debit = accounts.get(p.debit);
    Account credit = accounts.get(p.credit);
    long moved = t.amountMinor() == 0 ? pendingAmount : t.amountMinor();
    BigInteger movedBig = BigInteger.valueOf(moved);
    BigInteger reserved = BigInteger.valueOf(pendingAmount);
    if (post) {
      if (debit.debitsPosted.add(movedBig).compareTo(MAX_128) > 0) return EventResult.OVERFLOWS_DEBITS_POSTED;
      if (credit.creditsPosted.add(movedBig).compareTo(MAX_128) > 0) return EventResult.OVERFLOWS_CREDITS_POSTED;
    }
    Transfer record = new Transfer(t, timestamp, 0, p.debit, p.credit, moved, PendingStatus.NOT_PENDING);
    transfers.put(t.id(), record);
    debit.debitsPending = debit.debitsPending.subtract(reserved);
    credit.creditsPending = credit.creditsPending.subtract(reserved);
    if (post) {
      debit.debitsPosted = debit.debitsPosted.add(movedBig);
      credit.creditsPosted = credit.creditsPosted.add(movedBig);
    }
    p.status = post ? PendingStatus.POSTED : PendingStatus.VOIDED;
    p.resolvedBy = t.id();
    undo.push(() -> {
      transfers.remove(t.id());
      debit.debitsPending = debit.debitsPending.add(reserved);
      credit.creditsPending = credit.creditsPending.add(reserved);
      if (post) {
        debit.debitsPosted = debit.debitsPosted.subtract(movedBig);
        credit.creditsPosted = credit.creditsPosted.subtract(movedBig);
      }
      p.status = PendingStatus.PENDING;
      p.resolvedBy = Id128.ZERO;
    });
    return EventResult.OK;
  }

  /** The view the real ledger should give of a recorded transfer. */
  TransferView view(Transfer t) {
    LedgerEvent.CreateTransfer r = t.request;
    return new TransferView(r.id(), t.debit, t.credit, t.movedAmount, r.pendingId(), r.userData(),
        r.timeoutSeconds(), r.flags(), t.timestamp, t.expiresAt, t.status, t.resolvedBy);
  }

  AccountView view(Account a) {
    LedgerEvent.CreateAccount c = a.created;
    return new AccountView(c.id(), c.currency(), c.minorUnits(), c.participant(), c.kind(), c.flags(), a.creditLimit,
        UInt128.of(a.debitsPending), UInt128.of(a.debitsPosted), UInt128.of(a.creditsPending),
        UInt128.of(a.creditsPosted), a.timestamp);
  }
}
