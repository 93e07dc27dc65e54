package org.rialto.node.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.rialto.ledger.Id128;
import org.rialto.ledger.Ledger;
import org.rialto.node.payment.Payment;
import org.rialto.node.rtgs.PaymentQueues;

/**
 * Everything the writer owns, in memory. Rebuilt at start from the store (ledger from the
 * journal, the rest from the node tables) and changed only by the writer thread.
 */
final class NodeState {
  /** Payments known to the node; bounded so a flood shows up as a clear refusal, not an OOM. */
  static final int MAX_PAYMENTS_IN_MEMORY = 20_000_000;

  final String nodeId;
  final String currency;
  final int minorUnits;
  final String centralBankBic;
  final Ledger ledger;
  final Participants participants = new Participants();
  /**
   * Payments the writer holds as records: those not final yet (bounded by the queues and the
   * turns in flight), final ones until their turn is durable, and cross-border ones (their peer
   * protocol reads the whole record). A final domestic payment lives on only in
   * {@link #paymentIndex}, its full row in the store (see {@link NodeEngine#compactDurable}).
   */
  final Map<UUID, Payment> payments = new HashMap<>();
  /** Where each payment's row is, and the compact record of each final one. */
  final PaymentIndex paymentIndex = new PaymentIndex(MAX_PAYMENTS_IN_MEMORY);
  /** Compliance cases, open and decided. */
  final Map<UUID, Hold> holds = new HashMap<>();
  /** AML/CFT rules and their windows; set once before the writer starts. */
  NodeAml aml = NodeAml.none();
  /**
   * The cross-border side of the payments held as records that have one (a final payment's side
   * is in its compact form, {@link PaymentIndex.Compact#crossBorderRole}; the whole record in the store).
   */
  final Map<UUID, org.rialto.node.payment.CrossBorder> crossBorder = new HashMap<>();
  /** Participants that act as FX providers on this node. */
  final Set<String> fxProviders;
  final Routes routes;
  final FxDesk fx;
  /** How long the receiving node has to decide before it must reject (chained expiry). */
  final long decisionWindowMillis;
  final org.rialto.node.metrics.NodeMetrics metrics;
  private long outboxNext = 1;
  final PaymentQueues queues = new PaymentQueues();
  /** Every payment message answered (sender and MsgId, content digest, answer): idempotency forever. */
  final MessageIndex inbound = new MessageIndex(MAX_PAYMENTS_IN_MEMORY, 2L * MAX_PAYMENTS_IN_MEMORY);
  /** Queued payments by reject time, so expiry does not scan the whole queue. */
  final TreeMap<Long, Set<UUID>> rejectTimes = new TreeMap<>();
  final Id128 issuanceAccountId;
  final Id128 clearingAccountId;
  final BusinessHours hours;
  final NodePersistence persistence;
  /** Writer-only: the id the next inbox row gets. */
  private long bankMessageNext;
  /** What readers may see: the highest inbox id that is durable. */
  private final AtomicLong committedBankMessageHighWater;
  long lastLedgerTimestampNanos;
  /** Orders a payment's history rows; restored from the store at start. */
  long nextEventSeq = 1;
  /** Orders bookings; restored from the store at start. */
  long nextBookingSeq = 1;
  /** The last business day closed (statements final); null before the first close. */
  String lastClosedDate;
  /**
   * The node's first business day (earliest value date booked, or the day it first started):
   * where automatic day close begins when no day was closed yet.
   */
  String firstBusinessDate;
  /** Set when something happened that may let queued payments move. */
  boolean queuesDirty = true;
  /** Whether the calendar was open at the last tick, to notice the opening. */
  boolean wasOpen = false;

  NodeState(
      String nodeId,
      String currency,
      int minorUnits,
      String centralBankBic,
      Ledger ledger,
      BusinessHours hours,
      NodePersistence persistence,
      long bankMessageHighWater,
      long lastLedgerTimestampNanos,
      Routes routes,
      FxDesk fx,
      Set<String> fxProviders,
      long decisionWindowMillis,
      org.rialto.node.metrics.NodeMetrics metrics) {
    this.metrics = metrics;
    this.routes = routes;
    this.fx = fx;
    // Mutable: four eyes may add a provider while the node runs (OperatorTurn.addFxProvider).
    this.fxProviders = new java.util.HashSet<>(fxProviders);
    if (fx instanceof QuoteDesk desk) this.fxProviders.addAll(desk.addedProviders());
    this.decisionWindowMillis = decisionWindowMillis;
    this.nodeId = nodeId;
    this.currency = currency;
    this.minorUnits = minorUnits;
    this.centralBankBic = centralBankBic;
    this.ledger = ledger;
    this.hours = hours;
    this.persistence = persistence;
    this.bankMessageNext = bankMessageHighWater + 1;
    this.committedBankMessageHighWater = new AtomicLong(bankMessageHighWater);
    this.lastLedgerTimestampNanos = lastLedgerTimestampNanos;
    this.issuanceAccountId = TransferIds.account(currency, centralBankBic, "issuance");
    this.clearingAccountId = TransferIds.account(currency, nodeId, "lsm-clearing");
  }

  String currency() {
    return currency;
  }

  /**
   * Start-up cross-check of the node tables against the ledger (DESIGN invariants 5 and 6): a
   * payment is SETTLED or RETURNED exactly when its transfer is in the ledger, and every
   * participant's settlement account exists. A mismatch means the store was damaged or edited:
   * the node refuses to start rather than serve a state that disagrees with its money.
   */
  void checkAgainstLedger() {
    for (var p : participants.all()) {
      if (ledger.account(p.accountId()).isEmpty()) {
        throw new IllegalStateException("participant " + p.bic() + " has no settlement account in the ledger");
      }
    }
    paymentIndex.forEachCompacted(c -> {
      if (payments.containsKey(c.uetr())) return;
      boolean settled = c.state() == org.rialto.node.payment.PaymentState.SETTLED
          || c.state() == org.rialto.node.payment.PaymentState.RETURNED;
      if (c.crossBorderRole() == org.rialto.node.payment.CrossBorder.Role.OUTGOING) {
        // Leg 1 of a final payment: posted exactly when settled; voided when rejected after it was
        // reserved (one rejected before that has none).
        var transfer = ledger.transfer(TransferIds.payment(c.uetr()));
        String problem = null;
        if (transfer.isEmpty()) {
          if (settled) problem = "settled without leg 1";
        } else if (settled != (transfer.get().status() == org.rialto.ledger.PendingStatus.POSTED)
            || !settled && transfer.get().status() != org.rialto.ledger.PendingStatus.VOIDED) {
          problem = "is " + c.state() + " but leg 1 is " + transfer.get().status();
        }
        if (problem != null) throw new IllegalStateException("payment " + c.uetr() + ": " + problem);
        return;
      }
      // A domestic payment, or leg 2 on the receiving node: settled exactly when its transfer exists.
      if (ledger.transfer(TransferIds.payment(c.uetr())).isPresent() != settled) {
        throw new IllegalStateException("payment " + c.uetr() + ": is " + c.state() + " but its transfer is "
            + (settled ? "not " : "") + "in the ledger");
      }
    });
    for (Payment p : payments.values()) {
      var cb = crossBorder.get(p.uetr());
      var transfer = ledger.transfer(TransferIds.payment(p.uetr()));
      boolean settled = p.state() == org.rialto.node.payment.PaymentState.SETTLED
          || p.state() == org.rialto.node.payment.PaymentState.RETURNED;
      String problem = null;
      if (cb != null && cb.role() == org.rialto.node.payment.CrossBorder.Role.OUTGOING) {
        // Leg 1: reserved from "prepared" on, posted exactly when settled, voided when rejected.
        if (transfer.isPresent()) {
          var status = transfer.get().status();
          if (settled && status != org.rialto.ledger.PendingStatus.POSTED) problem = "settled but leg 1 is " + status;
          if (!p.state().isFinal() && status != org.rialto.ledger.PendingStatus.PENDING) problem = "in flight but leg 1 is " + status;
          if (p.state() == org.rialto.node.payment.PaymentState.REJECTED && status != org.rialto.ledger.PendingStatus.VOIDED) {
            problem = "rejected but leg 1 is " + status;
          }
        } else if (!p.state().isFinal() && !"received".equals(p.step())) {
          problem = "in flight without leg 1";
        } else if (settled) {
          problem = "settled without leg 1";
        }
      } else if (transfer.isPresent() != settled) {
        problem = "is " + p.state() + " but its transfer is " + (transfer.isPresent() ? "" : "not ") + "in the ledger";
      }
      if (problem != null) throw new IllegalStateException("payment " + p.uetr() + ": " + problem);
    }
  }

  long bankMessageHighWater() {
    return committedBankMessageHighWater.get();
  }

  /** The dispatcher's id for a transfer forwarded in this process; no row is written with it (V114). */
  long nextOutboxId() {
    return outboxNext++;
  }

  /** @param maxId above every id a row restored at start takes (its payment's row key) */
  void restoreOutboxNext(long maxId) {
    outboxNext = maxId + 1;
  }

  long nextBankMessageId() {
    return bankMessageNext++;
  }

  /** Writer-only: the highest inbox id handed out so far (durable or not). */
  long allocatedBankMessageHighWater() {
    return bankMessageNext - 1;
  }

  /**
   * Called once the turn that allocated inbox ids up to {@code highWater} is durable, so a
   * long-polling bank never asks for a row not yet on disk. Never moves back.
   */
  void publishBankMessageHighWater(long highWater) {
    long previous = committedBankMessageHighWater.get();
    if (highWater < previous) {
      throw new IllegalStateException("inbox high water would move back from " + previous + " to " + highWater);
    }
    committedBankMessageHighWater.set(highWater);
  }
  /** The writer's record of a payment not compacted (see {@link #payments}). */
  Optional<Payment> payment(UUID uetr) {
    return Optional.ofNullable(payments.get(uetr));
  }

  /** A final payment kept only in compact form, or null (unknown, or held as a record). */
  PaymentIndex.Compact compacted(UUID uetr) {
    return payments.containsKey(uetr) ? null : paymentIndex.compacted(uetr);
  }

  /**
   * Payments the node knows, for the {@link #MAX_PAYMENTS_IN_MEMORY} bound. A compacted payment
   * taken back as a record (a return) is counted twice for a while, which errs on the safe side.
   */
  long paymentCount() {
    return (long) payments.size() + paymentIndex.compactedCount();
  }

}
