package org.rialto.node.http;

import org.rialto.node.payment.PartyDetails;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.rialto.iso20022.Agent;
import org.rialto.iso20022.Camt029;
import org.rialto.iso20022.Camt056;
import org.rialto.iso20022.CreditTransfer;
import org.rialto.iso20022.Envelope;
import org.rialto.iso20022.Finding;
import org.rialto.iso20022.Instruction;
import org.rialto.iso20022.Iso20022;
import org.rialto.iso20022.OriginalGroupInfo;
import org.rialto.iso20022.OriginalRef;
import org.rialto.iso20022.Pacs002;
import org.rialto.iso20022.Pacs008;
import org.rialto.iso20022.Pacs028;
import org.rialto.iso20022.ReadOptions;
import org.rialto.iso20022.ReadResult;
import org.rialto.iso20022.ReasonInformation;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.engine.RejectException;
import org.rialto.node.payment.PaymentState;
import org.rialto.node.rtgs.Priority;

/**
 * {@code POST /iso20022}: banks send ISO 20022 messages (a bare Document, or AppHdr + Document in
 * any wrapper) and get a pacs.002 (or camt.029 for a camt.056) back synchronously, with the state
 * each transaction reached; every refusal carries an ISO 20022 reason code. Validation against
 * the official XSD and the business rules happens before the node sees anything.
 */
public final class IsoGateway implements ApiServer.RouteRegistrar {
  private static final String XML = "application/xml";

  private final NodeEngine engine;
  private final String nodeBic;
  private final int minorUnits;
  private final AtomicLong messageSeq = new AtomicLong(System.currentTimeMillis());

  /** @param nodeBic the central bank's BIC: the node answers as the system's operator */
  public IsoGateway(NodeEngine engine, String nodeBic, int minorUnits) {
    this.engine = engine;
    this.nodeBic = nodeBic;
    this.minorUnits = minorUnits;
  }

  @Override
  public void register(Javalin app) {
    app.post("/iso20022", this::receive);
  }

  private String nextMessageId() {
    return "RIALTO" + Long.toString(messageSeq.incrementAndGet(), 36).toUpperCase();
  }

  private void receive(Context ctx) {
    String sender = ApiServer.participant(ctx);
    byte[] body = ctx.bodyAsBytes();
    ReadResult read = Iso20022.read(body, ReadOptions.EDGE);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    if (!(read instanceof ReadResult.Parsed parsed) || !parsed.findings().isEmpty()) {
      String msgId = read instanceof ReadResult.Unreadable u && u.businessMessageId() != null ? u.businessMessageId() : "UNKNOWN";
      String name = read instanceof ReadResult.Unreadable u && u.messageDefinitionId() != null ? u.messageDefinitionId() : "UNKNOWN";
      if (read instanceof ReadResult.Parsed p) {
        msgId = p.envelope().document().messageId();
        name = p.envelope().type().id();
      }
      var reasons = new ArrayList<ReasonInformation>();
      for (Finding f : read.findings().subList(0, Math.min(10, read.findings().size()))) reasons.add(ReasonInformation.of(f));
      var pacs002 = Pacs002.ofGroup(nextMessageId(), now, Agent.ofBic(nodeBic), Agent.ofBic(sender),
          new OriginalGroupInfo(truncate(msgId), truncate(name), null), Pacs002.RJCT, reasons);
      ctx.status(read instanceof ReadResult.Parsed ? 200 : 400).contentType(XML).result(Iso20022.write(Envelope.of(pacs002)));
      return;
    }
    Envelope envelope = parsed.envelope();
    switch (envelope.document()) {
      case Pacs008 pacs008 -> creditTransfer(ctx, sender, pacs008, now);
      case org.rialto.iso20022.Pacs009 pacs009 -> fiCreditTransfer(ctx, sender, pacs009, now);
      case org.rialto.iso20022.Pacs004 pacs004 -> paymentReturn(ctx, sender, pacs004, now);
      case Pacs028 pacs028 -> statusRequest(ctx, sender, pacs028, now);
      case Camt056 camt056 -> cancellation(ctx, sender, camt056, now);
      default -> {
        var pacs002 = Pacs002.ofGroup(nextMessageId(), now, Agent.ofBic(nodeBic), Agent.ofBic(sender),
            new OriginalGroupInfo(truncate(envelope.document().messageId()), envelope.type().id(), null), Pacs002.RJCT,
            List.of(ReasonInformation.of("NARR", envelope.type().id() + " is not accepted on this route yet")));
        ctx.contentType(XML).result(Iso20022.write(Envelope.of(pacs002)));
      }
    }
  }

  private void creditTransfer(Context ctx, String sender, Pacs008 message, OffsetDateTime now) {
    var instructions = new ArrayList<NodeEngine.Instruction>(message.transactions().size());
    var digest = JsonApi.sha256();
    for (CreditTransfer t : message.transactions()) {
      var instruction = toInstruction(t);
      instructions.add(instruction);
      digest.update(instruction.contentHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    ApiServer.requireOwnDebits(sender, instructions);
    var result = ApiServer.await(engine.submit(sender, message.messageId(), HexFormat.of().formatHex(digest.digest()), instructions));
    var statuses = new ArrayList<Pacs002.TransactionStatus>();
    for (int i = 0; i < result.outcomes().size(); i++) {
      var o = result.outcomes().get(i);
      var original = OriginalRef.of(message, message.transactions().get(i));
      statuses.add(Pacs002.TransactionStatus.of(original, txStatus(o.state()),
          o.reasonCode() == null ? null : ReasonInformation.of(o.reasonCode(), null)));
    }
    var pacs002 = new Pacs002(new org.rialto.iso20022.StatusGroupHeader(nextMessageId(), now, Agent.ofBic(nodeBic),
        Agent.ofBic(sender)), List.of(), statuses, List.of());
    ctx.contentType(XML).result(Iso20022.write(Envelope.of(pacs002)));
  }

  /** pacs.009: a bank's own transfer to another bank; the debtor and creditor are the banks. */
  private void fiCreditTransfer(Context ctx, String sender, org.rialto.iso20022.Pacs009 message, OffsetDateTime now) {
    var instructions = new ArrayList<NodeEngine.Instruction>(message.transactions().size());
    var digest = JsonApi.sha256();
    for (var t : message.transactions()) {
      Agent debtor = t.debtor() != null ? t.debtor() : t.debtorAgent();
      Agent creditor = t.creditor() != null ? t.creditor() : t.creditorAgent();
      if (debtor == null || debtor.bic() == null || creditor == null || creditor.bic() == null) {
        throw new JsonApi.BadRequest("RC01", "pacs.009: debtor and creditor institutions need a BIC");
      }
      if (t.paymentId().uetr() == null) throw new JsonApi.BadRequest("FF01", "every transaction needs a UETR (PmtId/UETR)");
      UUID id = JsonApi.uuidV4(t.paymentId().uetr());
      long amountMinor = minor(t.interbankSettlementAmount().value());
      Priority priority = t.paymentTypeInformation() != null && t.paymentTypeInformation().instructionPriority() != null
          ? Priority.fromIso(t.paymentTypeInformation().instructionPriority().name()) : Priority.NORMAL;
      String hash = JsonApi.hashOf("pacs.009", id, t.paymentId().endToEndId(), debtor.bic(), creditor.bic(), amountMinor,
          t.interbankSettlementAmount().currency(), priority);
      var instruction = new NodeEngine.Instruction(id, t.paymentId().endToEndId(), debtor.bic(), creditor.bic(), amountMinor,
          t.interbankSettlementAmount().currency(), priority, 0, debtor.name(), creditor.name(), null, null, hash);
      instructions.add(instruction);
      digest.update(hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    var result = ApiServer.await(engine.submit(sender, message.messageId(), HexFormat.of().formatHex(digest.digest()), instructions));
    var statuses = new ArrayList<Pacs002.TransactionStatus>();
    for (int i = 0; i < result.outcomes().size(); i++) {
      var o = result.outcomes().get(i);
      statuses.add(Pacs002.TransactionStatus.of(OriginalRef.of(message, message.transactions().get(i)), txStatus(o.state()),
          o.reasonCode() == null ? null : ReasonInformation.of(o.reasonCode(), null)));
    }
    reply(ctx, sender, statuses, now);
  }

  /** pacs.004: the creditor's bank returns a settled payment, in full or in part. */
  private void paymentReturn(Context ctx, String sender, org.rialto.iso20022.Pacs004 message, OffsetDateTime now) {
    var statuses = new ArrayList<Pacs002.TransactionStatus>();
    var group = new OriginalGroupInfo(truncate(message.messageId()), message.type().id(), null);
    for (var t : message.transactions()) {
      var ref = new OriginalRef(group, null, t.originalEndToEndId(), t.returnId(), t.originalUetr(), null, null, null);
      String status = Pacs002.RJCT;
      ReasonInformation reason;
      try {
        if (t.originalUetr() == null) throw new RejectException("NOOR", "OrgnlUETR is required to return a payment");
        UUID original = UUID.fromString(t.originalUetr());
        // The return's own id: stable for the same pacs.004 transaction, so a resend is not a second return.
        UUID returnId = UUID.nameUUIDFromBytes((sender + "/" + message.messageId() + "/" + t.returnId()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String code = t.returnReasons().isEmpty() || t.returnReasons().get(0).reason() == null ? "NARR"
            : t.returnReasons().get(0).reason().code();
        var outcome = ApiServer.await(engine.returnPayment(original, returnId, minor(t.returnedInterbankSettlementAmount().value()),
            code == null ? "NARR" : code, sender));
        status = outcome.state() == PaymentState.RETURNED ? Pacs002.ACSC : Pacs002.RJCT;
        reason = null;
      } catch (RejectException e) {
        reason = ReasonInformation.of(e.reasonCode(), e.getMessage().length() > 105 ? e.getMessage().substring(0, 105) : e.getMessage());
      } catch (IllegalArgumentException e) {
        reason = ReasonInformation.of("FF01", "OrgnlUETR is not a UUID");
      }
      statuses.add(Pacs002.TransactionStatus.of(ref, status, reason));
    }
    reply(ctx, sender, statuses, now);
  }

  private void reply(Context ctx, String sender, List<Pacs002.TransactionStatus> statuses, OffsetDateTime now) {
    var pacs002 = new Pacs002(new org.rialto.iso20022.StatusGroupHeader(nextMessageId(), now, Agent.ofBic(nodeBic),
        Agent.ofBic(sender)), List.of(), statuses, List.of());
    ctx.contentType(XML).result(Iso20022.write(Envelope.of(pacs002)));
  }

  private long minor(BigDecimal value) {
    if (value.stripTrailingZeros().scale() > minorUnits) {
      throw new JsonApi.BadRequest("AM12", "amount " + value.toPlainString() + " has more than " + minorUnits + " decimals");
    }
    return value.movePointRight(minorUnits).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  /** Our states in pacs.002 terms: final settlement ACSC, still on the way PDNG, refused RJCT. */
  static String txStatus(PaymentState state) {
    return switch (state) {
      case SETTLED, RETURNED -> Pacs002.ACSC;
      case REJECTED -> Pacs002.RJCT;
      case RECEIVED, QUEUED, HELD -> Pacs002.PDNG;
    };
  }

  private NodeEngine.Instruction toInstruction(CreditTransfer t) {
    String uetr = t.paymentId().uetr();
    if (uetr == null) throw new JsonApi.BadRequest("FF01", "every transaction needs a UETR (PmtId/UETR)");
    UUID id = JsonApi.uuidV4(uetr);
    var amount = t.interbankSettlementAmount();
    BigDecimal value = amount.value();
    if (value.stripTrailingZeros().scale() > minorUnits) {
      throw new JsonApi.BadRequest("AM12", "IntrBkSttlmAmt " + value.toPlainString() + " has more than " + minorUnits + " decimals");
    }
    long amountMinor = value.movePointRight(minorUnits).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    String debtorAgent = t.debtorAgent() == null ? null : t.debtorAgent().bic();
    String creditorAgent = t.creditorAgent() == null ? null : t.creditorAgent().bic();
    if (debtorAgent == null || creditorAgent == null) throw new JsonApi.BadRequest("RC01", "debtor and creditor agents need a BIC");
    Priority priority = t.paymentTypeInformation() != null && t.paymentTypeInformation().instructionPriority() != null
        ? Priority.fromIso(t.paymentTypeInformation().instructionPriority().name()) : Priority.NORMAL;
    long rejectAtMillis = 0;
    if (t.settlementTimeRequest() != null && t.settlementTimeRequest().rejectTime() != null) {
      LocalDate day = t.interbankSettlementDate() != null ? t.interbankSettlementDate() : LocalDate.now(ZoneOffset.UTC);
      rejectAtMillis = t.settlementTimeRequest().rejectTime().atDate(day).toInstant().toEpochMilli();
    }
    String quoteId = null;
    for (Instruction in : t.instructionsForNextAgent()) if (in.quoteId() != null) quoteId = in.quoteId();
    String remittance = t.remittanceInformation() != null && !t.remittanceInformation().unstructured().isEmpty()
        ? t.remittanceInformation().unstructured().get(0) : null;
    String debtorName = t.debtor() == null ? null : t.debtor().name();
    String creditorName = t.creditor() == null ? null : t.creditor().name();
    PartyDetails debtorDetails;
    PartyDetails creditorDetails;
    try {
      debtorDetails = PartyDetails.fromIso(t.debtor(), t.debtorAccount());
      creditorDetails = PartyDetails.fromIso(t.creditor(), t.creditorAccount());
    } catch (IllegalArgumentException e) {
      throw new JsonApi.BadRequest("FF01", "debtor or creditor details: " + e.getMessage());
    }
    String hash = JsonApi.hashOf(JsonApi.withDetails(debtorDetails, creditorDetails, id, t.paymentId().endToEndId(), debtorAgent,
        creditorAgent, amountMinor, amount.currency(), priority, rejectAtMillis, debtorName, creditorName, remittance, quoteId));
    return new NodeEngine.Instruction(id, t.paymentId().endToEndId(), debtorAgent, creditorAgent, amountMinor,
        amount.currency(), priority, rejectAtMillis, debtorName, creditorName, remittance, quoteId, hash, debtorDetails,
        creditorDetails);
  }

  private void statusRequest(Context ctx, String sender, Pacs028 request, OffsetDateTime now) {
    var statuses = new ArrayList<Pacs002.TransactionStatus>();
    for (var tx : request.transactions()) {
      OriginalGroupInfo group = tx.originalGroupInfo() != null ? tx.originalGroupInfo()
          : !request.originalGroups().isEmpty()
              ? new OriginalGroupInfo(request.originalGroups().get(0).originalMessageId(),
                  request.originalGroups().get(0).originalMessageNameId(), null)
              : new OriginalGroupInfo("NOTPROVIDED", "pacs.008.001.08", null);
      var original = new OriginalRef(group, tx.originalInstructionId(), tx.originalEndToEndId(),
          tx.originalTransactionId(), tx.originalUetr(), tx.clearingSystemReference(), null, null);
      String state = Pacs002.RJCT;
      ReasonInformation reason = ReasonInformation.of("NOOR", "no such payment for " + sender);
      if (original.uetr() != null) {
        try {
          UUID uetr = UUID.fromString(original.uetr());
          var p = ApiServer.await(engine.query(v -> v.payment(uetr).orElse(null)));
          if (p == null) p = engine.storedPayment(uetr).orElse(null);
          if (p != null && (sender.equals(p.senderBic()) || sender.equals(p.debtorBic()) || sender.equals(p.creditorBic()))) {
            state = txStatus(p.state());
            reason = p.reasonCode() == null ? null : ReasonInformation.of(p.reasonCode(), null);
          }
        } catch (IllegalArgumentException e) {
          reason = ReasonInformation.of("FF01", "OrgnlUETR is not a UUID");
        }
      }
      statuses.add(Pacs002.TransactionStatus.of(original, state, reason));
    }
    var pacs002 = new Pacs002(new org.rialto.iso20022.StatusGroupHeader(nextMessageId(), now, Agent.ofBic(nodeBic),
        Agent.ofBic(sender)), List.of(), statuses, List.of());
    ctx.contentType(XML).result(Iso20022.write(Envelope.of(pacs002)));
  }

  private void cancellation(Context ctx, String sender, Camt056 request, OffsetDateTime now) {
    var all = new ArrayList<Camt056.CancellationRequest>();
    for (var u : request.underlyings()) all.addAll(u.transactions());
    if (all.size() != 1) throw new JsonApi.BadRequest("FF01", "camt.056 here cancels exactly one transaction, got " + all.size());
    var t = all.get(0);
    boolean cancelled = false;
    String reason = "NOOR";
    if (t.originalUetr() != null) {
      try {
        var outcome = ApiServer.await(engine.cancel(UUID.fromString(t.originalUetr()), sender));
        cancelled = outcome.state() == PaymentState.REJECTED && "CUST".equals(outcome.reasonCode());
        reason = cancelled ? null : outcome.state() == PaymentState.SETTLED ? "ARDT" : "NOAS";
      } catch (RejectException e) {
        reason = e.reasonCode();
      } catch (IllegalArgumentException e) {
        reason = "FF01";
      }
    }
    var camt029 = Camt029.answer(nextMessageId(), now, request, t, cancelled,
        reason == null ? null : ReasonInformation.of(reason, null));
    ctx.contentType(XML).result(Iso20022.write(Envelope.of(camt029)));
  }

  private static String truncate(String s) {
    return s.length() <= 35 ? s : s.substring(0, 35);
  }
}
