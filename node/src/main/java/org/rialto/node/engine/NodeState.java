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

  /** A message already answered: its content digest and the answer given. */
  record InboundRecord(String contentHash, NodeEngine.SubmitResult result) {}

  final String nodeId;
  final String currency;
  final int minorUnits;
  final String centralBankBic;
  final Ledger ledger;
  final Participants participants = new Participants();
  final Map<UUID, Payment> payments = new HashMap<>();
  final PaymentQueues queues = new PaymentQueues();
  final Map<String, InboundRecord> inbound = new HashMap<>();
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
      long lastLedgerTimestampNanos) {
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
    for (Payment p : payments.values()) {
      boolean inLedger = ledger.transfer(TransferIds.payment(p.uetr())).isPresent();
      boolean settled = p.state() == org.rialto.node.payment.PaymentState.SETTLED
          || p.state() == org.rialto.node.payment.PaymentState.RETURNED;
      if (inLedger != settled) {
        throw new IllegalStateException("payment " + p.uetr() + " is " + p.state()
            + " but its transfer is " + (inLedger ? "" : "not ") + "in the ledger");
      }
    }
  }

  long bankMessageHighWater() {
    return committedBankMessageHighWater.get();
  }

  long nextBankMessageId() {
    return bankMessageNext++;
  }

  void commit(Turn turn) throws Exception {
    persistence.commit(turn);
    // Published only after the commit, so a long-polling bank never asks for a row not yet durable.
    committedBankMessageHighWater.set(bankMessageNext - 1);
  }
  Optional<Payment> payment(UUID uetr) {
    return Optional.ofNullable(payments.get(uetr));
  }

}
