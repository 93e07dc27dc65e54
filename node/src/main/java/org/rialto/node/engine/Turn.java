package org.rialto.node.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.rialto.ledger.AccountFlags;
import org.rialto.ledger.AccountKind;
import org.rialto.ledger.EventResult;
import org.rialto.ledger.Id128;
import org.rialto.ledger.LedgerEvent;
import org.rialto.ledger.TransferFlags;
import org.rialto.node.payment.CrossBorder;
import org.rialto.node.payment.Payment;
import org.rialto.node.peer.OutboxRow;
import org.rialto.node.peer.PeerMessage;
import org.rialto.node.peer.PeerReply;
import org.rialto.node.payment.PaymentState;
import org.rialto.node.rtgs.LiquiditySaving;
import org.rialto.node.rtgs.Priority;
import org.rialto.node.rtgs.QueuedPayment;
import org.rialto.store.JournalEntry;

/**
 * One turn of the writer: the commands drained together, the ledger events they produce, and
 * every row that must become durable with them. Changes are applied to the in-memory state as
 * the turn goes (later commands of the same turn must see earlier ones); if the commit then
 * fails the writer stops, and a restart rebuilds memory from the store.
 */
final class Turn {
  /** Rows a turn writes; the persistence layer turns them into batched SQL. */
  record PaymentEventRow(long seq, UUID uetr, long atMillis, PaymentState state, String step, String detail) {}

  record BankMessageRow(long id, String bic, String kind, UUID uetr, String detail, long createdAtMillis) {}

  record InboundRow(String senderBic, String msgId, String contentHash, NodeEngine.SubmitResult result, long atMillis) {}

  record ParticipantRow(Participants.Participant participant, long atMillis) {}

  /** A posting to a participant's settlement account, as its bank sees it. */
  record BookingRow(long seq, String bic, UUID uetr, String side, long amountMinor, String valueDate, String kind,
      String counterparty, long atMillis) {}

  record SnapshotRow(String businessDate, String bic, long openingMinor, long closingMinor, long entries) {}


  final NodeState s;
  final long nowMillis;
  final LinkedHashMap<UUID, Payment> changedPayments = new LinkedHashMap<>();
  final List<PaymentEventRow> paymentEvents = new ArrayList<>();
  final List<BankMessageRow> bankMessages = new ArrayList<>();
  final List<InboundRow> inboundMessages = new ArrayList<>();
  final List<ParticipantRow> participantRows = new ArrayList<>();
  final List<JournalEntry> ledgerBatches = new ArrayList<>();
  final List<OutboxRow> outbox = new ArrayList<>();
  /** Operator actions and configuration changes, appended to the hash-chained audit trail with the turn. */
  final List<org.rialto.security.audit.AuditEntry> audit = new ArrayList<>();
  final List<org.rialto.security.jws.Evidence> evidence = new ArrayList<>();
  final LinkedHashMap<UUID, Hold> changedHolds = new LinkedHashMap<>();
  final List<BookingRow> bookings = new ArrayList<>();
  final List<SnapshotRow> snapshots = new ArrayList<>();
  final List<QuoteDesk.FxEvent> fxEvents = new ArrayList<>();
  int ledgerEventCount;
  final LinkedHashMap<UUID, CrossBorder> changedCrossBorder = new LinkedHashMap<>();
  /** Outgoing payments the peer has but has not decided: the dispatcher keeps asking. */
  final Set<UUID> awaiting = new HashSet<>();
  /** Outgoing payments whose leg 1 is being posted or voided this turn (a second answer is ignored). */
  private final Set<UUID> resolving = new HashSet<>();
  /** Peer replies are read after the whole turn, like bank answers. */
  private final List<Runnable> afterCommitReplies = new ArrayList<>();
  /** Outgoing payments that became final this turn: nothing more to ask the peer. */
  final Set<UUID> resolvedOutgoing = new HashSet<>();

  private final List<LedgerEvent> events = new ArrayList<>();
  private final List<Consumer<EventResult>> onResult = new ArrayList<>();
  /** Liquidity effect of events added this turn but not yet applied, per participant. */
  final Map<String, Long> unappliedDelta = new HashMap<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  /** Operator accounts, sessions and dual-control rows, written with the turn (see OperatorWork). */
  final List<OperatorTurn.SqlWrite> operatorSql = new ArrayList<>();
  final Set<String> operatorClaims = new HashSet<>();

  Turn(NodeState state, long nowMillis) {
    this.s = state;
    this.nowMillis = nowMillis;
  }

  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  void completeAll() {
    for (Runnable r : afterCommitReplies) r.run();
    for (Runnable r : afterCommit) r.run();
  }

  private void recordCrossBorder(UUID uetr, CrossBorder cb) {
    s.crossBorder.put(uetr, cb);
    changedCrossBorder.put(uetr, cb);
  }

  // ---- Payments ----

  void submit(Command.Submit cmd) {
    var sender = s.participants.get(cmd.senderBic());
    if (sender.isEmpty()) {
      throw new RejectException("RC01", "sender " + cmd.senderBic() + " is not a participant of " + s.nodeId);
    }
    int seen = s.inbound.find(cmd.senderBic(), cmd.msgId());
    if (seen >= 0) {
      if (s.inbound.sameContent(seen, cmd.messageHash())) {
        var original = new NodeEngine.SubmitResult(cmd.msgId(), s.inbound.outcomes(seen), true);
        afterCommit(() -> cmd.future().complete(original));
        return;
      }
      var dupl = new ArrayList<NodeEngine.Outcome>();
      for (var i : cmd.instructions()) dupl.add(new NodeEngine.Outcome(i.uetr(), PaymentState.REJECTED, "DUPL"));
      var result = new NodeEngine.SubmitResult(cmd.msgId(), dupl, false);
      afterCommit(() -> cmd.future().complete(result));
      return;
    }
    if (s.paymentCount() + cmd.instructions().size() > NodeState.MAX_PAYMENTS_IN_MEMORY) {
      throw new RejectException("NARR", "node payment capacity reached");
    }
    if (!s.inbound.hasRoomFor(pendingInbound.size() + 1, pendingAnswers + cmd.instructions().size())) {
      throw new RejectException("NARR", "node message capacity reached");
    }
    var uetrs = new ArrayList<UUID>(cmd.instructions().size());
    var immediate = new HashMap<UUID, NodeEngine.Outcome>();
    for (int i = 0; i < cmd.instructions().size(); i++) {
      var instruction = cmd.instructions().get(i);
      uetrs.add(instruction.uetr());
      var outcome = admit(cmd, instruction, cmd.screenings().get(i));
      if (outcome != null) immediate.put(instruction.uetr(), outcome);
    }
    // The answer is read once the ledger and the queues have decided, at the end of the turn.
    pendingInbound.add(new PendingInbound(cmd, uetrs, immediate));
    pendingAnswers += uetrs.size();
  }

  record PendingInbound(Command.Submit cmd, List<UUID> uetrs, Map<UUID, NodeEngine.Outcome> immediate) {}

  final List<PendingInbound> pendingInbound = new ArrayList<>();
  /** Payments of the messages in {@link #pendingInbound}, for the message index's bound. */
  private long pendingAnswers;

  /**
   * Closes the turn: every message's answer is fixed from its payments' states now, recorded for
   * idempotency (durable with the turn) and handed to its caller after the commit.
   */
  void finish() {
    fxEvents.addAll(s.fx.unsavedEvents());
    for (var p : pendingInbound) {
      var outcomes = new ArrayList<NodeEngine.Outcome>(p.uetrs().size());
      for (UUID uetr : p.uetrs()) {
        var fixed = p.immediate().get(uetr);
        if (fixed != null) {
          outcomes.add(fixed);
        } else {
          Payment pay = s.payments.get(uetr);
          outcomes.add(new NodeEngine.Outcome(uetr, pay.state(), pay.reasonCode()));
        }
      }
      var result = new NodeEngine.SubmitResult(p.cmd().msgId(), outcomes, false);
      s.inbound.add(p.cmd().senderBic(), p.cmd().msgId(), p.cmd().messageHash(), outcomes);
      inboundMessages.add(new InboundRow(p.cmd().senderBic(), p.cmd().msgId(), p.cmd().messageHash(), result, nowMillis));
      afterCommit(() -> p.cmd().future().complete(result));
    }
    pendingInbound.clear();
    pendingAnswers = 0;
  }

  /**
   * Admits one instruction: either rejects it at once (returning the outcome, no payment record
   * when the UETR belongs to another payment) or records it and routes it to settlement or queue.
   */
  private NodeEngine.Outcome admit(Command.Submit cmd, NodeEngine.Instruction in, Screening screening) {
    Payment existing = s.payments.get(in.uetr());
    if (existing != null) {
      if (existing.contentHash().equals(in.contentHash())) {
        return new NodeEngine.Outcome(in.uetr(), existing.state(), existing.reasonCode());
      }
      return new NodeEngine.Outcome(in.uetr(), PaymentState.REJECTED, "DUPL");
    }
    var compacted = s.compacted(in.uetr());
    if (compacted != null) {
      // Idempotency forever: a final payment answers from its compact record, no store read.
      if (compacted.sameContent(in.contentHash())) {
        return new NodeEngine.Outcome(in.uetr(), compacted.state(), compacted.reasonCode());
      }
      return new NodeEngine.Outcome(in.uetr(), PaymentState.REJECTED, "DUPL");
    }
    Payment p = new Payment(in.uetr(), cmd.senderBic(), cmd.msgId(), in.endToEndId(), in.debtorBic(),
        in.creditorBic(), in.amountMinor(), in.currency(), in.priority(), PaymentState.RECEIVED, null,
        "received", 0, in.rejectAtMillis(), null, in.contentHash(), nowMillis, nowMillis,
        in.debtorName(), in.creditorName(), in.remittance(), in.debtorDetails(), in.creditorDetails());
    String reason = validate(cmd.senderBic(), in);
    if (reason != null) {
      record(p.with(PaymentState.REJECTED, reason, "rejected-validation", nowMillis), "rejected: " + reason);
      statusToSender(s.payments.get(in.uetr()));
      return null;
    }
    boolean outgoing = s.participants.get(in.creditorBic()).isEmpty();
    var aml = s.aml.assess(s, p, outgoing, nowMillis);
    if (!screening.clear() || aml.hold() && aml.rejection().isEmpty()) {
      record(p, null);
      hold(s.payments.get(in.uetr()), outgoing ? Hold.Kind.OUTGOING : Hold.Kind.DOMESTIC, in.quoteId(), screening, aml);
      return null;
    }
    if (aml.rejection().isPresent()) {
      rejectByAml(p, aml);
      statusToSender(s.payments.get(in.uetr()));
      return null;
    }
    amlFlags(p, aml);
    if (outgoing) {
      prepareOutgoing(p, in);
      return null;
    }
    record(p, null);
    route(s.payments.get(in.uetr()));
    return null;
  }

  // ---- Cross-border: the sending node ----

  /**
   * Leg 1 on the sending node: checks the quote, reserves debtor → FX provider as a pending
   * transfer (no timeout: this node never decides alone), and forwards the transfer to the
   * creditor's node through the durable outbox, all in this turn's one transaction.
   */
  private void prepareOutgoing(Payment p, NodeEngine.Instruction in) {
    var route = s.routes.forBic(in.creditorBic()).orElseThrow();
    String reject = null;
    QuoteCheck.Valid quote = null;
    if (in.quoteId() == null) {
      reject = "NARR";
    } else if (predictedAvailable(in.debtorBic()) < in.amountMinor()) {
      // Checked before the quote is taken, so a payment that cannot go leaves the quote free.
      reject = "AM04";
    } else {
      var check = s.fx.check(in.quoteId(), in.debtorBic(), in.amountMinor(), route.currency(), nowMillis);
      if (check instanceof QuoteCheck.Invalid invalid) {
        reject = invalid.reasonCode();
      } else {
        quote = (QuoteCheck.Valid) check;
        if (s.participants.get(quote.fxpBic()).isEmpty() || !s.fxProviders.contains(quote.fxpBic())) {
          reject = "RC01";
          s.fx.released(quote.quoteId(), nowMillis);
        } else if (org.rialto.node.peer.PeerWire.wireRate(quote.rate()) == null) {
          // The pacs.008 to the peer could not carry it (ISO BaseOneRate): refused before anything is reserved.
          reject = "CH16";
          s.fx.released(quote.quoteId(), nowMillis);
        }
      }
    }
    if (reject != null) {
      record(p.with(PaymentState.REJECTED, reject, "rejected-validation", nowMillis),
          in.quoteId() == null ? "cross-border payment without a quote" : "quote or liquidity check failed: " + reject);
      statusToSender(s.payments.get(p.uetr()));
      return;
    }
    var cb = new CrossBorder(CrossBorder.Role.OUTGOING, route.peerNode(), quote.fxpBic(), quote.quoteId(),
        quote.sourceAmountMinor(), quote.sourceCurrency(), quote.targetAmountMinor(), quote.targetCurrency(),
        quote.rate(), nowMillis + s.decisionWindowMillis);
    recordCrossBorder(p.uetr(), cb);
    // Its history line is written once the ledger has answered, later in this same turn: one
    // event for "received and reserved" (or "received and refused"), not two.
    remember(p);
    var debtor = s.participants.get(in.debtorBic()).orElseThrow();
    var fxp = s.participants.get(quote.fxpBic()).orElseThrow();
    addEvent(new LedgerEvent.CreateTransfer(TransferIds.payment(p.uetr()), debtor.accountId(), fxp.accountId(),
        in.amountMinor(), Id128.ZERO, Id128.fromUuid(p.uetr()), 0, TransferFlags.PENDING), result -> {
          Payment current = s.payments.get(p.uetr());
          if (result == EventResult.OK) {
            record(current.with(PaymentState.RECEIVED, null, "prepared", nowMillis),
                "received for " + cb.peerNode() + "; leg 1 reserved, forwarded to " + cb.peerNode());
            var transfer = PeerProtocol.transfer(s.nodeId, current, cb);
            // No outbox row is written (V114): the payment and cross-border rows of this same
            // transaction hold every field of the transfer and mark it forwarded and undecided
            // until the payment is final; a restart builds it again from them. The id is the
            // dispatcher's, in memory only.
            outbox.add(new OutboxRow(s.nextOutboxId(), cb.peerNode(), p.uetr(), OutboxRow.FROM_PAYMENT, nowMillis, transfer));
          } else if (result == EventResult.EXCEEDS_CREDITS) {
            record(current.with(PaymentState.REJECTED, "AM04", "rejected-liquidity", nowMillis),
                "received for " + cb.peerNode() + "; no liquidity for leg 1");
            statusToSender(s.payments.get(p.uetr()));
            s.fx.released(cb.quoteId(), nowMillis);
          } else {
            throw new IllegalStateException("ledger refused leg 1 of " + p.uetr() + ": " + result);
          }
        });
    unappliedDelta.merge(in.debtorBic(), -in.amountMinor(), Long::sum);
  }

  /** The receiving node's answers, applied on the sending node: post or void leg 1, exactly once. */
  void peerReplies(Command.PeerReplies cmd) {
    for (var delivered : cmd.replies()) {
      var reply = delivered.reply();
      UUID uetr = UUID.fromString(reply.uetr());
      Payment p = s.payments.get(uetr);
      CrossBorder cb = s.crossBorder.get(uetr);
      // Final and durable, kept only in compact form: a second answer changes nothing.
      if (p == null) {
        var compact = s.compacted(uetr);
        if (compact != null && compact.crossBorderRole() == CrossBorder.Role.OUTGOING) continue;
      }
      // Nothing marks the forwarded transfer done: a PENDING answer records the step
      // "awaiting-decision" (a restart then asks instead of forwarding again), a final one makes
      // the payment final (NodeTables.inFlight).
      if (p == null || cb == null || cb.role() != CrossBorder.Role.OUTGOING) {
        // A peer's answer must never stop this node; it changes nothing and is reported.
        org.slf4j.MDC.put(org.rialto.node.log.Logs.UETR, uetr.toString());
        try {
          NodeEngine.LOG.warn("ignoring a peer answer about {}, which this node never forwarded", uetr);
        } finally {
          org.slf4j.MDC.remove(org.rialto.node.log.Logs.UETR);
        }
        continue;
      }
      if (p.state().isFinal() || resolving.contains(uetr)) continue;
      var debtor = s.participants.get(p.debtorBic()).orElseThrow();
      var fxp = s.participants.get(cb.fxpBic()).orElseThrow();
      switch (reply.status()) {
        case UNKNOWN -> {
          // The dispatcher forwards the transfer again; nothing is decided on this word.
        }
        case PENDING -> {
          if (!NodeTables.AWAITING_DECISION.equals(p.step())) {
            record(p.with(PaymentState.RECEIVED, null, NodeTables.AWAITING_DECISION, nowMillis), cb.peerNode() + " has it, not decided yet");
          }
          awaiting.add(uetr);
        }
        case COMMITTED -> {
          resolving.add(uetr);
          addEvent(new LedgerEvent.CreateTransfer(TransferIds.leg(uetr, TransferIds.LEG_ONE_POST), debtor.accountId(),
              fxp.accountId(), 0, TransferIds.payment(uetr), Id128.fromUuid(uetr), 0, TransferFlags.POST_PENDING), result -> {
                if (result != EventResult.OK) throw new IllegalStateException("posting leg 1 of " + uetr + " refused: " + result);
                Payment done = s.payments.get(uetr).with(PaymentState.SETTLED, null, "settled-both-legs", nowMillis)
                    .withValueDate(valueDate());
                record(done, cb.peerNode() + " committed leg 2; leg 1 posted");
                resolvedOutgoing.add(uetr);
                s.fx.settled(cb.quoteId(), nowMillis);
                statusToSender(done);
                book(uetr, done.debtorBic(), cb.fxpBic(), cb.sourceAmountMinor(), "cross-border-leg-1");
                message(done.debtorBic(), "camt.054", uetr, "DBIT");
                message(cb.fxpBic(), "camt.054", uetr, "CRDT-FX");
              });
        }
        case REJECTED -> {
          resolving.add(uetr);
          addEvent(new LedgerEvent.CreateTransfer(TransferIds.leg(uetr, TransferIds.LEG_ONE_VOID), debtor.accountId(),
              fxp.accountId(), 0, TransferIds.payment(uetr), Id128.fromUuid(uetr), 0, TransferFlags.VOID_PENDING), result -> {
                if (result != EventResult.OK) throw new IllegalStateException("voiding leg 1 of " + uetr + " refused: " + result);
                Payment done = s.payments.get(uetr).with(PaymentState.REJECTED, reply.reasonCode(), "rejected-by-peer", nowMillis);
                record(done, cb.peerNode() + " rejected: " + reply.reasonCode() + "; leg 1 voided");
                resolvedOutgoing.add(uetr);
                s.fx.released(cb.quoteId(), nowMillis);
                statusToSender(done);
                s.queuesDirty = true;
              });
        }
      }
    }
    afterCommit(() -> cmd.future().complete(null));
  }

  // ---- Cross-border: the receiving node ----

  /** Transfers and status requests from peers; every answer is durable before it is sent. */
  void peerInbound(Command.PeerInbound cmd) {
    var uetrs = new ArrayList<UUID>(cmd.messages().size());
    var fixed = new HashMap<Integer, PeerReply>();
    for (int i = 0; i < cmd.messages().size(); i++) {
      var message = cmd.messages().get(i);
      UUID uetr = UUID.fromString(message.uetr());
      uetrs.add(uetr);
      Payment existing = s.payments.get(uetr);
      // A final payment is held only in compact form: its UETR is taken, and it is that peer's
      // payment only if its cross-border record says so.
      var compact = existing == null ? s.compacted(uetr) : null;
      boolean takenHere = existing != null || compact != null;
      CrossBorder cb = existing != null ? s.crossBorder.get(uetr) : null;
      boolean fromThatPeer = cb != null ? cb.role() == CrossBorder.Role.INCOMING && cb.peerNode().equals(message.fromNode())
          : compact != null && compact.crossBorderRole() == CrossBorder.Role.INCOMING && compact.peerNode().equals(message.fromNode());
      // On the receiving node a payment's amount is leg 2's, the target amount.
      long targetMinor = cb != null ? cb.targetAmountMinor() : compact != null ? compact.amountMinor() : -1;
      switch (message) {
        case PeerMessage.StatusRequest sr -> {
          // Only a pacs.008 carries a payment: about one this node never got from that peer, it
          // says so, and the sending node forwards it again (and hears DUPL if the UETR is taken).
          if (!fromThatPeer) fixed.put(i, new PeerReply(sr.uetr(), PeerReply.Status.UNKNOWN, null));
        }
        case PeerMessage.Transfer t -> {
          if (!takenHere) {
            decideIncoming(uetr, t, cmd.screenings().get(i));
          } else if (!fromThatPeer || targetMinor != t.targetAmountMinor()
              || !(existing != null ? existing.creditorBic() : compact.creditorBic()).equals(t.creditorAgent())) {
            // The UETR names another payment here: refuse this one without touching that one.
            fixed.put(i, new PeerReply(t.uetr(), PeerReply.Status.REJECTED, "DUPL"));
          }
        }
      }
    }
    afterCommitReplies.add(() -> {
      var replies = new ArrayList<PeerReply>(uetrs.size());
      for (int i = 0; i < uetrs.size(); i++) {
        var f = fixed.get(i);
        if (f != null) {
          replies.add(f);
          continue;
        }
        Payment p = s.payments.get(uetrs.get(i));
        if (p != null) {
          replies.add(PeerProtocol.replyFor(p));
        } else {
          // Decided in an earlier turn, durable and compacted since: the decision as it stands.
          var c = s.compacted(uetrs.get(i));
          replies.add(PeerProtocol.replyFor(c.uetr(), c.state(), c.reasonCode()));
        }
      }
      cmd.future().complete(replies);
    });
  }

  /**
   * Leg 2 on the receiving node, decided once and for all: committed (FX provider → creditor,
   * posted and final) or rejected with a reason, recorded in this turn before anyone is told.
   */
  private void decideIncoming(UUID uetr, PeerMessage.Transfer t, Screening screening) {
    Payment p = new Payment(uetr, t.debtorAgent(), t.msgId(), t.endToEndId(), t.debtorAgent(), t.creditorAgent(),
        t.targetAmountMinor(), t.targetCurrency(), Priority.NORMAL, PaymentState.RECEIVED, null, "received-from-peer",
        0, 0, null, "peer:" + t.fromNode(), nowMillis, nowMillis, t.debtorName(), t.creditorName(), t.remittance(),
        t.debtorDetails(), t.creditorDetails());
    var cb = new CrossBorder(CrossBorder.Role.INCOMING, t.fromNode(), t.fxp(), t.quoteId(), t.sourceAmountMinor(),
        t.sourceCurrency(), t.targetAmountMinor(), t.targetCurrency(), t.rate(), t.expiresAtMillis());
    String reject = null;
    if (s.routes.peer(t.fromNode()).isEmpty()) reject = "AG01";
    else if (!s.currency.equals(t.targetCurrency())) reject = "AM03";
    else if (t.targetAmountMinor() <= 0 || t.targetAmountMinor() > org.rialto.node.config.Amounts.MAX_AMOUNT_MINOR) reject = "AM02";
    else if (s.participants.get(t.creditorAgent()).isEmpty()) reject = "RC01";
    else if (s.participants.get(t.fxp()).isEmpty() || !s.fxProviders.contains(t.fxp())) reject = "RC01";
    // Leg 2 would move money from the FX provider's account to itself, which the ledger refuses
    // (and a refusal there stops the writer): no payment routed by a node's configuration does it.
    else if (t.fxp().equals(t.creditorAgent())) reject = "AG01";
    else if (nowMillis >= t.expiresAtMillis()) reject = "AB05";
    recordCrossBorder(uetr, cb);
    record(p, "forwarded by " + t.fromNode());
    if (reject != null) {
      Payment rejected = p.with(PaymentState.REJECTED, reject, "decided-rejected", nowMillis);
      record(rejected, "decision: reject " + reject);
      return;
    }
    var aml = s.aml.assess(s, p, true, nowMillis);
    if (!screening.clear() || aml.hold() && aml.rejection().isEmpty()) {
      hold(s.payments.get(uetr), Hold.Kind.INCOMING, null, screening, aml);
      return;
    }
    if (aml.rejection().isPresent()) {
      rejectByAml(p, aml);
      return;
    }
    amlFlags(p, aml);
    commitIncoming(uetr, cb);
  }

  /** The receiving node's decision to commit: leg 2 (FX provider → creditor), final. */
  private void commitIncoming(UUID uetr, CrossBorder cb) {
    Payment p = s.payments.get(uetr);
    if (nowMillis >= cb.expiresAtMillis()) {
      record(p.with(PaymentState.REJECTED, "AB05", "decided-rejected", nowMillis), "decision: reject AB05 (decision window passed)");
      return;
    }
    if (predictedAvailable(cb.fxpBic()) < cb.targetAmountMinor()) {
      record(p.with(PaymentState.REJECTED, "AM04", "decided-rejected", nowMillis), "decision: reject AM04 (FX provider liquidity)");
      return;
    }
    var fxp = s.participants.get(cb.fxpBic()).orElseThrow();
    var creditor = s.participants.get(p.creditorBic()).orElseThrow();
    addTransfer(TransferIds.payment(uetr), fxp.accountId(), creditor.accountId(), cb.targetAmountMinor(),
        Id128.fromUuid(uetr), 0, cb.fxpBic(), p.creditorBic(), result -> {
          Payment current = s.payments.get(uetr);
          if (result == EventResult.OK) {
            Payment done = current.with(PaymentState.SETTLED, null, "decided-committed", nowMillis)
                .withValueDate(valueDate());
            record(done, "decision: commit; leg 2 posted");
            book(uetr, cb.fxpBic(), done.creditorBic(), cb.targetAmountMinor(), "cross-border-leg-2");
            message(done.creditorBic(), "pacs.008", uetr, null);
            message(done.creditorBic(), "camt.054", uetr, "CRDT");
            message(cb.fxpBic(), "camt.054", uetr, "DBIT-FX");
            s.queuesDirty = true;
          } else if (result == EventResult.EXCEEDS_CREDITS) {
            record(current.with(PaymentState.REJECTED, "AM04", "decided-rejected", nowMillis), "decision: reject AM04 (FX provider liquidity)");
          } else {
            throw new IllegalStateException("ledger refused leg 2 of " + uetr + ": " + result);
          }
        });
  }

  // ---- Compliance holds ----

  /**
   * A screening hit or an AML rule that holds: the payment waits, HELD, for an operator; no money
   * has moved. The case carries every explanation (sanctions hits, then AML rules with their
   * evidence) and the list and rule versions they were judged by.
   */
  private void hold(Payment p, Hold.Kind kind, String quoteId, Screening screening,
      org.rialto.compliance.aml.AmlResult aml) {
    var hits = new ArrayList<String>(screening.hits().size() + aml.hits().size());
    for (String hit : screening.hits()) hits.add("sanctions: " + hit);
    for (var hit : aml.hits()) hits.add(hit.explain());
    String versions = screening.lists();
    if (s.aml.active()) versions = versions.isEmpty() ? s.aml.version() : versions + "; " + s.aml.version();
    var h = new Hold(p.uetr(), kind, quoteId, hits, versions, nowMillis, null, 0, null);
    s.metrics.held(screening.hits().size(), aml.hits().size());
    s.holds.put(p.uetr(), h);
    changedHolds.put(p.uetr(), h);
    record(p.with(PaymentState.HELD, null, screening.clear() ? "held-aml" : "held-screening", nowMillis),
        "held: " + screening.hits().size() + " screening hit(s) against " + screening.lists() + ", "
            + aml.hits().size() + " AML rule hit(s)");
    if (kind != Hold.Kind.INCOMING) message(p.senderBic(), "pacs.002", p.uetr(), "PDNG");
  }

  /** An AML rule that rejects outright (FATF R16 data missing, for one): final, with its reason code. */
  private void rejectByAml(Payment p, org.rialto.compliance.aml.AmlResult aml) {
    var hit = aml.rejection().orElseThrow();
    var details = new ArrayList<String>(aml.hits().size());
    for (var h : aml.hits()) details.add(h.explain());
    Payment current = s.payments.getOrDefault(p.uetr(), p);
    record(current.with(PaymentState.REJECTED, hit.reasonCode(), "rejected-compliance", nowMillis),
        "rejected " + hit.reasonCode() + ": " + String.join("; ", details));
  }

  /** Rules that only flag: the payment goes on, and the hit stays in its history for review. */
  private void amlFlags(Payment p, org.rialto.compliance.aml.AmlResult aml) {
    if (aml.clear()) return;
    var details = new ArrayList<String>(aml.hits().size());
    for (var h : aml.hits()) details.add(h.explain());
    paymentEvents.add(new PaymentEventRow(s.nextEventSeq++, p.uetr(), nowMillis, PaymentState.RECEIVED, "aml-flagged",
        String.join("; ", details)));
  }

  /**
   * Release needs two different operators: the first records an approval, the second (another
   * person) completes it; the payment then continues exactly where screening stopped it.
   */
  void releaseHold(Command.ReleaseHold cmd) {
    Hold h = s.holds.get(cmd.uetr());
    if (h == null || h.decision() != null) throw new RejectException("NOOR", "no open case for " + cmd.uetr());
    if (h.firstApprover() == null) {
      var approved = h.approvedBy(cmd.operator(), nowMillis);
      s.holds.put(h.uetr(), approved);
      changedHolds.put(h.uetr(), approved);
      paymentEvents.add(new PaymentEventRow(s.nextEventSeq++, h.uetr(), nowMillis, PaymentState.HELD, s.payments.get(h.uetr()).step(),
          "release approved by " + cmd.operator() + ": " + cmd.reason() + " (a second operator must confirm)"));
      audit(cmd.operator(), "case.release.approve", h.uetr().toString(), json("reason", cmd.reason()));
      afterCommit(() -> cmd.future().complete("awaiting-second-operator"));
      return;
    }
    if (h.firstApprover().equals(cmd.operator())) {
      throw new RejectException("AG01", "dual control: " + cmd.operator() + " already approved; another operator must confirm");
    }
    audit(cmd.operator(), "case.release.confirm", h.uetr().toString(), json("reason", cmd.reason(), "approvedBy", h.firstApprover()));
    var decided = h.decided("RELEASED", cmd.operator(), nowMillis);
    s.holds.put(h.uetr(), decided);
    changedHolds.put(h.uetr(), decided);
    Payment p = s.payments.get(h.uetr());
    Payment resumed = p.with(PaymentState.RECEIVED, null, "released", nowMillis);
    record(resumed, "released by " + h.firstApprover() + " and " + cmd.operator() + ": " + cmd.reason());
    switch (h.kind()) {
      case DOMESTIC -> route(resumed);
      case OUTGOING -> prepareOutgoing(resumed, new NodeEngine.Instruction(p.uetr(), p.endToEndId(), p.debtorBic(),
          p.creditorBic(), p.amountMinor(), p.currency(), p.priority(), p.rejectAtMillis(), p.debtorName(),
          p.creditorName(), p.remittance(), h.quoteId(), p.contentHash(), p.debtorDetails(), p.creditorDetails()));
      case INCOMING -> commitIncoming(p.uetr(), s.crossBorder.get(p.uetr()));
    }
    afterCommit(() -> cmd.future().complete("released"));
  }

  void rejectHold(Command.RejectHold cmd) {
    Hold h = s.holds.get(cmd.uetr());
    if (h == null || h.decision() != null) throw new RejectException("NOOR", "no open case for " + cmd.uetr());
    decideReject(h, cmd.reasonCode(), cmd.operator(), cmd.reason());
    afterCommit(() -> cmd.future().complete("rejected"));
  }

  private void decideReject(Hold h, String reasonCode, String operator, String why) {
    audit(operator, "case.reject", h.uetr().toString(), json("reasonCode", reasonCode, "reason", why));
    var decided = h.decided("REJECTED", operator, nowMillis);
    s.holds.put(h.uetr(), decided);
    changedHolds.put(h.uetr(), decided);
    Payment rejected = s.payments.get(h.uetr()).with(PaymentState.REJECTED, reasonCode, "rejected-compliance", nowMillis);
    record(rejected, "rejected by " + operator + ": " + why);
    if (h.kind() != Hold.Kind.INCOMING) statusToSender(rejected);
  }

  /** A held incoming payment must still be decided within its window: past it, it is rejected. */
  private void expireHeldIncoming() {
    for (Hold h : List.copyOf(s.holds.values())) {
      if (h.decision() != null || h.kind() != Hold.Kind.INCOMING) continue;
      var cb = s.crossBorder.get(h.uetr());
      if (cb != null && nowMillis >= cb.expiresAtMillis()) decideReject(h, "AB05", "system", "decision window passed while held");
    }
  }

  /** Business checks that need the node's state; the message itself was validated before. */
  private String validate(String senderBic, NodeEngine.Instruction in) {
    if (!s.currency.equals(in.currency())) return "AM03";
    if (in.amountMinor() <= 0) return "AM01";
    if (in.amountMinor() > org.rialto.node.config.Amounts.MAX_AMOUNT_MINOR) return "AM02";
    if (s.participants.get(in.debtorBic()).isEmpty()) return "RC01";
    // A bank instructs debits of its own settlement account only.
    if (!senderBic.equals(in.debtorBic())) return "AG01";
    if (in.debtorBic().equals(in.creditorBic())) return "AG01";
    if (in.priority() == Priority.URGENT && !senderBic.equals(s.centralBankBic)) return "AG01";
    if (in.rejectAtMillis() > 0 && in.rejectAtMillis() <= nowMillis) return "AB03";
    if (s.participants.get(in.creditorBic()).isEmpty() && s.routes.forBic(in.creditorBic()).isEmpty()) return "RC01";
    return null;
  }

  /** Settles now if it may and can; otherwise queues. Never rejects for lack of liquidity. */
  private void route(Payment p) {
    if (!s.hours.isOpen(nowMillis)) {
      enqueue(p, "queued-closed");
      return;
    }
    // T2's rule: urgent and high payments never overtake a waiting payment of the same or higher
    // priority; normal payments may bypass waiting normal ones, not urgent or high ones.
    Priority blocking = p.priority() == Priority.NORMAL ? Priority.HIGH : p.priority();
    if (s.queues.hasQueued(p.debtorBic(), blocking)) {
      enqueue(p, "queued-fifo");
      return;
    }
    if (predictedAvailable(p.debtorBic()) < p.amountMinor()) {
      enqueue(p, "queued-liquidity");
      return;
    }
    var debtor = s.participants.get(p.debtorBic()).orElseThrow();
    var creditor = s.participants.get(p.creditorBic()).orElseThrow();
    addTransfer(TransferIds.payment(p.uetr()), debtor.accountId(), creditor.accountId(), p.amountMinor(),
        Id128.fromUuid(p.uetr()), 0, p.debtorBic(), p.creditorBic(), result -> {
          Payment current = s.payments.get(p.uetr());
          if (result == EventResult.OK) {
            settled(current, "settled");
          } else if (result == EventResult.EXCEEDS_CREDITS) {
            // The prediction and the ledger disagree: the ledger is the authority; queue it.
            enqueue(current, "queued-liquidity");
          } else {
            throw new IllegalStateException("ledger refused a validated payment " + p.uetr() + ": " + result);
          }
        });
  }

  private void enqueue(Payment p, String step) {
    if (s.queues.isFull()) {
      record(p.with(PaymentState.REJECTED, "NARR", "rejected-queue-full", nowMillis), "RTGS queue full");
      statusToSender(s.payments.get(p.uetr()));
      return;
    }
    var queued = s.queues.enqueue(Id128.fromUuid(p.uetr()), p.debtorBic(), p.creditorBic(), p.amountMinor(), p.priority());
    record(p.queued(queued.arrivalSeq(), step, nowMillis, p.priority()), step);
    if (p.rejectAtMillis() > 0) s.rejectTimes.computeIfAbsent(p.rejectAtMillis(), k -> new HashSet<>()).add(p.uetr());
    s.queuesDirty = true;
  }

  private void unqueue(Payment p) {
    s.queues.remove(Id128.fromUuid(p.uetr()));
    if (p.rejectAtMillis() > 0) {
      var set = s.rejectTimes.get(p.rejectAtMillis());
      if (set != null) {
        set.remove(p.uetr());
        if (set.isEmpty()) s.rejectTimes.remove(p.rejectAtMillis());
      }
    }
  }

  private void settled(Payment p, String step) {
    Payment done = p.with(PaymentState.SETTLED, null, step, nowMillis).withValueDate(valueDate());
    record(done, null);
    statusToSender(done);
    book(done.uetr(), done.debtorBic(), done.creditorBic(), done.amountMinor(), "payment");
    message(done.debtorBic(), "camt.054", done.uetr(), "DBIT");
    message(done.creditorBic(), "pacs.008", done.uetr(), null);
    message(done.creditorBic(), "camt.054", done.uetr(), "CRDT");
    s.queuesDirty = true;
  }

  private void statusToSender(Payment p) {
    String detail = p.state() == PaymentState.REJECTED ? "RJCT:" + p.reasonCode() : "ACSC";
    message(p.senderBic(), "pacs.002", p.uetr(), detail);
  }

  void cancel(Command.Cancel cmd) {
    Payment p = s.payments.get(cmd.uetr());
    if (p == null) {
      var c = s.compacted(cmd.uetr());
      if (c == null) throw new RejectException("NOOR", "no payment " + cmd.uetr());
      if (!c.senderBic().equals(cmd.requesterBic())) throw new RejectException("AG01", "only the instructing bank may cancel");
      // Final: nothing to cancel; the answer shows the state that stands.
      afterCommit(() -> cmd.future().complete(new NodeEngine.Outcome(c.uetr(), c.state(), c.reasonCode())));
      return;
    }
    if (!p.senderBic().equals(cmd.requesterBic())) throw new RejectException("AG01", "only the instructing bank may cancel");
    if (p.state() == PaymentState.HELD) {
      Hold h = s.holds.get(p.uetr());
      if (h != null && h.decision() == null && h.kind() != Hold.Kind.INCOMING) {
        var decided = h.decided("CANCELLED", cmd.requesterBic(), nowMillis);
        s.holds.put(h.uetr(), decided);
        changedHolds.put(h.uetr(), decided);
      }
    }
    if (p.state() == PaymentState.QUEUED || p.state() == PaymentState.HELD) {
      unqueue(p);
      Payment cancelled = p.with(PaymentState.REJECTED, "CUST", "cancelled", nowMillis);
      record(cancelled, "cancelled by " + cmd.requesterBic());
      statusToSender(cancelled);
      s.queuesDirty = true;
    }
    // Settled or rejected payments cannot be cancelled; the answer shows the state that stands.
    afterCommit(() -> {
      Payment now = s.payments.get(cmd.uetr());
      cmd.future().complete(new NodeEngine.Outcome(now.uetr(), now.state(), now.reasonCode()));
    });
  }

  void reorder(Command.Reorder cmd) {
    Payment p = s.payments.get(cmd.uetr());
    if (p == null) {
      var c = s.compacted(cmd.uetr());
      if (c == null) throw new RejectException("NOOR", "no payment " + cmd.uetr());
      if (!c.senderBic().equals(cmd.requesterBic())) throw new RejectException("AG01", "only the instructing bank may re-order");
      throw new RejectException("NARR", "payment is not queued: " + c.state());
    }
    if (!p.senderBic().equals(cmd.requesterBic())) throw new RejectException("AG01", "only the instructing bank may re-order");
    if (cmd.priority() == Priority.URGENT && !cmd.requesterBic().equals(s.centralBankBic)) {
      throw new RejectException("AG01", "urgent priority is for the central bank");
    }
    if (p.state() != PaymentState.QUEUED) throw new RejectException("NARR", "payment is not queued: " + p.state());
    var moved = s.queues.reorder(Id128.fromUuid(p.uetr()), cmd.priority(), cmd.toFront()).orElseThrow();
    record(p.queued(moved.arrivalSeq(), p.step(), nowMillis, cmd.priority()), "re-ordered to " + cmd.priority() + (cmd.toFront() ? " (front)" : ""));
    s.queuesDirty = true;
    afterCommit(() -> cmd.future().complete(new NodeEngine.Outcome(p.uetr(), PaymentState.QUEUED, null)));
  }

  /** What a return checks of the original payment, from its record or its compact form. */
  private record ReturnOriginal(UUID uetr, String creditorBic, String debtorBic, long amountMinor, PaymentState state) {}

  void returnPayment(Command.Return cmd) {
    Payment live = s.payments.get(cmd.originalUetr());
    var compacted = live == null ? s.compacted(cmd.originalUetr()) : null;
    if (live == null && compacted == null) throw new RejectException("NOOR", "no payment " + cmd.originalUetr());
    var original = live != null
        ? new ReturnOriginal(live.uetr(), live.creditorBic(), live.debtorBic(), live.amountMinor(), live.state())
        : new ReturnOriginal(compacted.uetr(), compacted.creditorBic(), compacted.debtorBic(), compacted.amountMinor(), compacted.state());
    if (!original.creditorBic().equals(cmd.requesterBic())) throw new RejectException("AG01", "only the creditor's bank may return a payment");
    if (original.state() == PaymentState.RETURNED) {
      afterCommit(() -> cmd.future().complete(new NodeEngine.Outcome(original.uetr(), PaymentState.RETURNED, null)));
      return;
    }
    if (original.state() != PaymentState.SETTLED) throw new RejectException("NARR", "only a settled payment can be returned");
    if (cmd.amountMinor() <= 0 || cmd.amountMinor() > original.amountMinor()) throw new RejectException("AM02", "return amount must be 1.." + original.amountMinor());
    if (predictedAvailable(original.creditorBic()) < cmd.amountMinor()) throw new RejectException("AM04", "insufficient liquidity for the return");
    if (compacted != null) {
      // The RETURNED state is a new whole record (Payment.with), and only the store still has the
      // fields the compact form dropped. Read here, on the writer, synchronously: returns are rare
      // next to payments (a few per thousand), the row is durable (compacted only then) and one
      // keyed read is short. Taken back as a record, the payment is compacted again once its
      // return is durable.
      Payment stored = s.persistence.payment(compacted.rowKey())
          .orElseThrow(() -> new IllegalStateException("compacted payment " + compacted.uetr() + " has no row " + compacted.rowKey()));
      if (!stored.uetr().equals(compacted.uetr()) || stored.state() != PaymentState.SETTLED) {
        throw new IllegalStateException("row " + compacted.rowKey() + " is not settled payment " + compacted.uetr());
      }
      s.payments.put(stored.uetr(), stored);
    }
    var creditor = s.participants.get(original.creditorBic()).orElseThrow();
    var debtor = s.participants.get(original.debtorBic()).orElseThrow();
    addTransfer(TransferIds.leg(original.uetr(), TransferIds.RETURN), creditor.accountId(), debtor.accountId(), cmd.amountMinor(),
        Id128.fromUuid(original.uetr()), 0, original.creditorBic(), original.debtorBic(), result -> {
          if (result != EventResult.OK) throw new IllegalStateException("ledger refused a checked return: " + result);
          Payment returned = s.payments.get(original.uetr()).with(PaymentState.RETURNED, cmd.reasonCode(), "returned", nowMillis);
          record(returned, "returned " + cmd.amountMinor() + " reason " + cmd.reasonCode() + " return " + cmd.returnUetr());
          book(original.uetr(), original.creditorBic(), original.debtorBic(), cmd.amountMinor(), "return");
          message(original.debtorBic(), "pacs.004", original.uetr(), cmd.reasonCode());
          message(original.debtorBic(), "camt.054", original.uetr(), "CRDT-RETURN");
          message(original.creditorBic(), "camt.054", original.uetr(), "DBIT-RETURN");
          s.queuesDirty = true;
        });
    afterCommit(() -> cmd.future().complete(new NodeEngine.Outcome(original.uetr(), s.payments.get(original.uetr()).state(), null)));
  }

  // ---- Participants and liquidity ----

  void addParticipant(Command.AddParticipant cmd) {
    if (s.participants.get(cmd.bic()).isPresent()) throw new RejectException("DUPL", "participant exists: " + cmd.bic());
    var participant = new Participants.Participant(cmd.bic(), cmd.name(), cmd.country(),
        TransferIds.account(s.currency, cmd.bic(), "settlement"), cmd.creditLineMinor());
    addEvent(new LedgerEvent.CreateAccount(participant.accountId(), s.currency, s.minorUnits, cmd.bic(),
        AccountKind.SETTLEMENT, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, cmd.creditLineMinor()), result -> {
          if (result != EventResult.OK && result != EventResult.EXISTS) {
            throw new IllegalStateException("account for " + cmd.bic() + " refused: " + result);
          }
        });
    s.participants.put(participant);
    participantRows.add(new ParticipantRow(participant, nowMillis));
    audit(cmd.actor(), "participant.add", cmd.bic(), json("name", cmd.name(), "country", cmd.country(),
        "creditLineMinor", Long.toString(cmd.creditLineMinor())));
    afterCommit(() -> cmd.future().complete(null));
  }

  void changeCreditLine(Command.ChangeCreditLine cmd) {
    var p = s.participants.get(cmd.bic()).orElseThrow(() -> new RejectException("RC01", "no participant " + cmd.bic()));
    if (cmd.creditLineMinor() < 0) throw new RejectException("AM02", "credit line must not be negative");
    addEvent(new LedgerEvent.ChangeCreditLimit(p.accountId(), cmd.creditLineMinor()), result -> {
      if (result != EventResult.OK) throw new IllegalStateException("credit line change refused: " + result);
    });
    audit(cmd.actor(), "participant.credit-line", cmd.bic(), json("fromMinor", Long.toString(p.creditLineMinor()),
        "toMinor", Long.toString(cmd.creditLineMinor())));
    var updated = new Participants.Participant(p.bic(), p.name(), p.country(), p.accountId(), cmd.creditLineMinor());
    s.participants.put(updated);
    participantRows.add(new ParticipantRow(updated, nowMillis));
    unappliedDelta.merge(p.bic(), cmd.creditLineMinor() - p.creditLineMinor(), Long::sum);
    s.queuesDirty = true;
    afterCommit(() -> cmd.future().complete(null));
  }

  void liquidity(Command.Liquidity cmd) {
    var p = s.participants.get(cmd.bic()).orElseThrow(() -> new RejectException("RC01", "no participant " + cmd.bic()));
    if (cmd.amountMinor() <= 0) throw new RejectException("AM01", "amount must be > 0");
    if (!cmd.inject() && predictedAvailable(cmd.bic()) < cmd.amountMinor()) throw new RejectException("AM04", "not enough liquidity to withdraw");
    audit(cmd.actor(), cmd.inject() ? "liquidity.inject" : "liquidity.withdraw", cmd.bic(),
        json("requestId", cmd.requestId().toString(), "amountMinor", Long.toString(cmd.amountMinor())));
    Id128 id = TransferIds.leg(cmd.requestId(), TransferIds.LIQUIDITY);
    Id128 debit = cmd.inject() ? s.issuanceAccountId : p.accountId();
    Id128 credit = cmd.inject() ? p.accountId() : s.issuanceAccountId;
    addTransfer(id, debit, credit, cmd.amountMinor(), Id128.fromUuid(cmd.requestId()), 0,
        cmd.inject() ? null : cmd.bic(), cmd.inject() ? cmd.bic() : null, result -> {
          if (result != EventResult.OK && result != EventResult.EXISTS) {
            throw new IllegalStateException("liquidity transfer refused: " + result);
          }
          if (result == EventResult.OK) {
            book(cmd.requestId(), cmd.inject() ? null : cmd.bic(), cmd.inject() ? cmd.bic() : null, cmd.amountMinor(),
                cmd.inject() ? "liquidity-injection" : "liquidity-withdrawal");
          }
          s.queuesDirty = true;
        });
    afterCommit(() -> cmd.future().complete(null));
  }

  void recordEvidence(Command.RecordEvidence cmd) {
    evidence.addAll(cmd.evidence());
    afterCommit(() -> cmd.future().complete(null));
  }

  void ensureSystemAccounts(Command.EnsureSystemAccounts cmd) {
    // Issuance: the central bank's balance sheet side of every unit of liquidity it provides, so
    // it has no limit flags (its debits exceed its credits by the money in circulation).
    // Clearing: the liquidity-saving mechanism's pass-through account, zero after every set.
    ensureAccount(s.issuanceAccountId, s.centralBankBic, AccountKind.CENTRAL_BANK_ISSUANCE);
    ensureAccount(s.clearingAccountId, s.nodeId, AccountKind.SUSPENSE);
    afterCommit(() -> cmd.future().complete(null));
  }

  private void ensureAccount(Id128 id, String owner, AccountKind kind) {
    if (s.ledger.account(id).isPresent()) return;
    addEvent(new LedgerEvent.CreateAccount(id, s.currency, s.minorUnits, owner, kind, 0, 0), result -> {
      if (result != EventResult.OK && result != EventResult.EXISTS) {
        throw new IllegalStateException("system account " + kind + " refused: " + result);
      }
    });
  }

  void publishRate(Command.PublishRate cmd) {
    if (!(s.fx instanceof QuoteDesk desk)) throw new RejectException("NARR", "this node has no FX providers");
    if (!s.fxProviders.contains(cmd.input().fxpBic())) {
      throw new RejectException("AG01", cmd.input().fxpBic() + " is not an FX provider of " + s.nodeId);
    }
    try {
      var published = desk.publish(cmd.input(), nowMillis);
      audit(cmd.input().fxpBic(), "fx.rate.publish", cmd.input().sourceCurrency() + ">" + cmd.input().targetCurrency(),
          json("rate", cmd.input().rate(), "rateId", Long.toString(published.rateId())));
      afterCommit(() -> cmd.future().complete(published));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new RejectException("FF01", e.getMessage());
    }
  }

  void requestQuotes(Command.RequestQuotes cmd) {
    if (!(s.fx instanceof QuoteDesk desk)) throw new RejectException("NARR", "this node has no FX providers");
    if (s.participants.get(cmd.input().requesterBic()).isEmpty()) throw new RejectException("RC01", "not a participant");
    try {
      var result = desk.quotes(cmd.input(), nowMillis);
      afterCommit(() -> cmd.future().complete(result));
    } catch (IllegalArgumentException e) {
      throw new RejectException("FF01", e.getMessage());
    } catch (org.rialto.fx.QuoteBookFullException e) {
      throw new RejectException("NARR", e.getMessage());
    }
  }

  /**
   * Day close for {@code businessDate}: each participant's closing balance is its previous
   * closing plus that day's bookings; it is checked against the ledger (closing plus bookings
   * valued later must equal the posted balance now), snapshotted, and a camt.053 statement goes
   * to every bank's inbox. Closing a day twice is refused: statements are final.
   */
  void dayClose(Command.DayClose cmd) {
    String date = cmd.businessDate();
    if (s.lastClosedDate != null && date.compareTo(s.lastClosedDate) < 0) {
      throw new RejectException("DT01", "business day " + date + " is before the last closed day " + s.lastClosedDate);
    }
    var sums = s.persistence.bookingSums(date);
    if (sums.alreadyClosed()) throw new RejectException("DUPL", "business day " + date + " is already closed");
    var closed = new java.util.ArrayList<SnapshotRow>();
    for (var p : s.participants.all()) {
      long opening = sums.previousClosing().getOrDefault(p.bic(), 0L);
      long net = sums.netOnDate().getOrDefault(p.bic(), 0L);
      long later = sums.netAfterDate().getOrDefault(p.bic(), 0L);
      long entries = sums.countOnDate().getOrDefault(p.bic(), 0L);
      for (var b : bookings) {
        if (!b.bic().equals(p.bic())) continue;
        long signed = b.side().equals("CRDT") ? b.amountMinor() : -b.amountMinor();
        int cmp = b.valueDate().compareTo(date);
        if (cmp == 0) {
          net += signed;
          entries++;
        } else if (cmp > 0) {
          later += signed;
        }
      }
      long closing = Math.addExact(opening, net);
      long ledgerBalance = LedgerReads.clamp(s.ledger.account(p.accountId()).orElseThrow().balancePostedMinor());
      if (Math.addExact(closing, later) != ledgerBalance) {
        throw new IllegalStateException("bookings of " + p.bic() + " do not reconcile with the ledger at day close "
            + date + ": closing " + closing + " + later " + later + " != ledger " + ledgerBalance);
      }
      var row = new SnapshotRow(date, p.bic(), opening, closing, entries);
      snapshots.add(row);
      closed.add(row);
      message(p.bic(), "camt.053", null, date);
    }
    if (s.lastClosedDate == null || date.compareTo(s.lastClosedDate) > 0) s.lastClosedDate = date;
    audit(cmd.actor(), "day.close", date, json("statements", Integer.toString(closed.size())));
    afterCommit(() -> cmd.future().complete(closed.size()));
  }

  <T> void operators(Command.Operators<T> o) {
    T result;
    try {
      result = o.work().run(new OperatorTurn(this));
    } catch (org.rialto.security.operators.AccessDeniedException e) {
      // Operator work checks roles before it changes anything (see OperatorWork).
      throw new RejectException("AG01", e.getMessage());
    }
    afterCommit(() -> o.future().complete(result));
  }

  <T> void query(Command.Query<T> q) {
    afterCommit(() -> {
      try {
        q.future().complete(q.read().apply(new StateView(s)));
      } catch (RuntimeException e) {
        q.future().completeExceptionally(e);
      }
    });
  }

  // ---- Time ----

  void expireRejectTimes() {
    expireHeldIncoming();
    // Opening of the business day: what queued while closed may now settle.
    boolean open = s.hours.isOpen(nowMillis);
    if (open && !s.wasOpen) s.queuesDirty = true;
    s.wasOpen = open;
    // Bounded: each entry removed is one queued payment.
    while (!s.rejectTimes.isEmpty() && s.rejectTimes.firstKey() <= nowMillis) {
      var entry = s.rejectTimes.pollFirstEntry();
      for (UUID uetr : entry.getValue()) {
        Payment p = s.payments.get(uetr);
        if (p == null || p.state() != PaymentState.QUEUED) continue;
        s.queues.remove(Id128.fromUuid(uetr));
        Payment rejected = p.with(PaymentState.REJECTED, "AB03", "rejected-reject-time", nowMillis);
        record(rejected, "reject time passed while queued");
        statusToSender(rejected);
        s.queuesDirty = true;
      }
    }
  }

  /** Runs the liquidity-saving mechanism and settles what it finds, atomically. */
  void settleQueues() {
    if (s.queues.isEmpty() || !s.queuesDirty || !s.hours.isOpen(nowMillis)) return;
    s.queuesDirty = false;
    var chosen = LiquiditySaving.select(s.queues, bic -> Math.max(0, ledgerAvailable(bic)));
    if (chosen.isEmpty()) return;
    // Credits first, through the clearing account, then debits: the ledger checks each event in
    // order, and a debtor of the set may only be able to pay once its incoming payments landed.
    // One linked chain: the whole set settles or none of it does.
    var chain = new ArrayList<LedgerEvent>(chosen.size() * 2);
    for (QueuedPayment q : chosen) {
      var creditor = s.participants.get(q.creditor()).orElseThrow();
      chain.add(transfer(TransferIds.leg(q.id().toUuid(), TransferIds.LSM_CREDIT_LEG), s.clearingAccountId,
          creditor.accountId(), q.amountMinor(), q.id(), TransferFlags.LINKED));
    }
    for (int i = 0; i < chosen.size(); i++) {
      QueuedPayment q = chosen.get(i);
      var debtor = s.participants.get(q.debtor()).orElseThrow();
      boolean last = i == chosen.size() - 1;
      chain.add(transfer(TransferIds.payment(q.id().toUuid()), debtor.accountId(), s.clearingAccountId,
          q.amountMinor(), q.id(), last ? 0 : TransferFlags.LINKED));
    }
    long ts = nextTimestamp(chain.size());
    var results = s.ledger.apply(ts, chain).results();
    ledgerBatches.add(new JournalEntry(ts, chain));
    ledgerEventCount += chain.size();
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) != EventResult.OK) {
        throw new IllegalStateException("liquidity-saving set refused by the ledger at " + i + ": " + results.get(i));
      }
    }
    for (QueuedPayment q : chosen) {
      Payment p = s.payments.get(q.id().toUuid());
      unqueue(p);
      settled(p, chosen.size() == 1 ? "settled-from-queue" : "settled-lsm");
    }
  }

  // ---- Ledger plumbing ----

  private static LedgerEvent.CreateTransfer transfer(Id128 id, Id128 debit, Id128 credit, long amount, Id128 userData, int flags) {
    return new LedgerEvent.CreateTransfer(id, debit, credit, amount, Id128.ZERO, userData, 0, flags);
  }

  private void addTransfer(Id128 id, Id128 debit, Id128 credit, long amount, Id128 userData, int flags,
      String debtorBic, String creditorBic, Consumer<EventResult> callback) {
    addEvent(transfer(id, debit, credit, amount, userData, flags), callback);
    if (debtorBic != null) unappliedDelta.merge(debtorBic, -amount, Long::sum);
    if (creditorBic != null) unappliedDelta.merge(creditorBic, amount, Long::sum);
  }

  private void addEvent(LedgerEvent event, Consumer<EventResult> callback) {
    if (events.size() >= org.rialto.ledger.Ledger.MAX_BATCH_EVENTS) applyLedger();
    events.add(event);
    onResult.add(callback);
  }

  /** Applies the events gathered so far as one ledger batch and runs their callbacks in order. */
  void applyLedger() {
    if (events.isEmpty()) return;
    var batch = List.copyOf(events);
    long ts = nextTimestamp(batch.size());
    var results = s.ledger.apply(ts, batch).results();
    ledgerBatches.add(new JournalEntry(ts, batch));
    ledgerEventCount += batch.size();
    var callbacks = List.copyOf(onResult);
    events.clear();
    onResult.clear();
    unappliedDelta.clear();
    for (int i = 0; i < batch.size(); i++) callbacks.get(i).accept(results.get(i));
  }

  /** Ledger time is wall time in nanoseconds, forced strictly forward past the last batch. */
  private long nextTimestamp(int eventCount) {
    long ts = Math.max(nowMillis * 1_000_000L, s.lastLedgerTimestampNanos + 1);
    s.lastLedgerTimestampNanos = ts + eventCount;
    return ts;
  }

  long predictedAvailable(String bic) {
    return ledgerAvailable(bic) + unappliedDelta.getOrDefault(bic, 0L);
  }

  long ledgerAvailable(String bic) {
    var p = s.participants.get(bic).orElseThrow();
    return LedgerReads.availableMinor(s.ledger, p.accountId());
  }

  // ---- Records ----

  private void record(Payment p, String detail) {
    remember(p);
    paymentEvents.add(new PaymentEventRow(s.nextEventSeq++, p.uetr(), nowMillis, p.state(), p.step(), detail));
  }

  /**
   * The payment's new state, kept and written with the turn, without a history line: for a state
   * that a later {@link #record} in this same turn describes.
   */
  private void remember(Payment p) {
    Payment previous = s.payments.put(p.uetr(), p);
    changedPayments.put(p.uetr(), p);
    if (previous == null || previous.state() != p.state()) {
      var cb = s.crossBorder.get(p.uetr());
      // A compacted payment taken back as a record (its return) has its side in the index only.
      var compact = cb == null && p.state() == PaymentState.RETURNED ? s.paymentIndex.compacted(p.uetr()) : null;
      var role = cb != null ? cb.role() : compact != null ? compact.crossBorderRole() : null;
      var kind = role == null ? org.rialto.node.metrics.NodeMetrics.Kind.DOMESTIC
          : role == CrossBorder.Role.OUTGOING ? org.rialto.node.metrics.NodeMetrics.Kind.OUTGOING
          : org.rialto.node.metrics.NodeMetrics.Kind.INCOMING;
      s.metrics.payment(kind, p.state(), p.receivedAtMillis(), nowMillis);
    }
  }

  /**
   * The value date of a posting now: the calendar's business date, but never a day already
   * closed (its statements are final), so after a day close postings take the next business day.
   */
  private String valueDate() {
    String date = s.hours.valueDate(nowMillis);
    if (s.lastClosedDate != null && date.compareTo(s.lastClosedDate) <= 0) date = s.hours.nextBusinessDay(s.lastClosedDate);
    return date;
  }

  /** Books a posting: a debit on one account and a credit on the other, same value date. */
  private void book(UUID uetr, String debitBic, String creditBic, long amountMinor, String kind) {
    String valueDate = valueDate();
    if (debitBic != null) {
      bookings.add(new BookingRow(s.nextBookingSeq++, debitBic, uetr, "DBIT", amountMinor, valueDate, kind,
          creditBic == null ? "ISSUANCE" : creditBic, nowMillis));
    }
    if (creditBic != null) {
      bookings.add(new BookingRow(s.nextBookingSeq++, creditBic, uetr, "CRDT", amountMinor, valueDate, kind,
          debitBic == null ? "ISSUANCE" : debitBic, nowMillis));
    }
  }

  private void audit(String actor, String action, String subject, String detailsJson) {
    audit.add(new org.rialto.security.audit.AuditEntry(java.time.Instant.ofEpochMilli(nowMillis), actor, action, subject,
        detailsJson));
  }

  private static String json(String... keyValues) {
    var b = new StringBuilder("{");
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (b.length() > 1) b.append(',');
      b.append('"').append(keyValues[i]).append("\":\"").append(keyValues[i + 1] == null ? "" : keyValues[i + 1]
          .replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append('}').toString();
  }

  private void message(String bic, String kind, UUID uetr, String detail) {
    bankMessages.add(new BankMessageRow(s.nextBankMessageId(), bic, kind, uetr, detail, nowMillis));
  }
}
