package org.rialto.node.payment;

import java.util.UUID;
import org.rialto.node.rtgs.Priority;

/**
 * One payment as this node knows it. Immutable: every change is a new record written by the
 * node's single writer, so readers never see half an update.
 *
 * @param senderBic the participant that instructed it (whose MsgId space {@code msgId} is in)
 * @param debtorBic the participant whose settlement account is debited (the debtor agent)
 * @param creditorBic the participant whose settlement account is credited (the creditor agent)
 * @param reasonCode ISO 20022 status reason when REJECTED (AC01, AM04, DUPL, CUST…), else null
 * @param step internal step for operators (received, queued-liquidity, queued-closed, settled…)
 * @param queueSeq arrival order in the RTGS queue while QUEUED (restored after a restart)
 * @param rejectAtMillis the instruction's reject time (RjctTm): queued past it, it is rejected
 * @param contentHash digest of the instruction's business content: same UETR, same content →
 *     the original answer; different content → DUPL
 * @param debtorDetails the debtor's account, address and identification as its bank gave them
 *     (FATF R16), or null; carried into the pacs.008 a cross-border payment is forwarded with
 * @param creditorDetails the same for the creditor, or null
 */
public record Payment(
    UUID uetr,
    String senderBic,
    String msgId,
    String endToEndId,
    String debtorBic,
    String creditorBic,
    long amountMinor,
    String currency,
    Priority priority,
    PaymentState state,
    String reasonCode,
    String step,
    long queueSeq,
    long rejectAtMillis,
    String valueDate,
    String contentHash,
    long receivedAtMillis,
    long updatedAtMillis,
    String debtorName,
    String creditorName,
    String remittance,
    PartyDetails debtorDetails,
    PartyDetails creditorDetails) {

  /** A payment without customer details beyond the names (as the store keeps it). */
  public Payment(UUID uetr, String senderBic, String msgId, String endToEndId, String debtorBic, String creditorBic,
      long amountMinor, String currency, Priority priority, PaymentState state, String reasonCode, String step,
      long queueSeq, long rejectAtMillis, String valueDate, String contentHash, long receivedAtMillis,
      long updatedAtMillis, String debtorName, String creditorName, String remittance) {
    this(uetr, senderBic, msgId, endToEndId, debtorBic, creditorBic, amountMinor, currency, priority, state, reasonCode,
        step, queueSeq, rejectAtMillis, valueDate, contentHash, receivedAtMillis, updatedAtMillis, debtorName,
        creditorName, remittance, null, null);
  }

  public Payment {
    if (uetr == null) throw new IllegalArgumentException("uetr");
    senderBic = CanonicalStrings.of(senderBic);
    debtorBic = CanonicalStrings.of(debtorBic);
    creditorBic = CanonicalStrings.of(creditorBic);
    currency = CanonicalStrings.of(currency);
    reasonCode = CanonicalStrings.of(reasonCode);
    step = CanonicalStrings.of(step);
    valueDate = CanonicalStrings.of(valueDate);
    if (amountMinor <= 0) throw new IllegalArgumentException("amountMinor must be > 0");
    if (state == PaymentState.REJECTED && reasonCode == null) {
      throw new IllegalArgumentException("a rejected payment carries a reason code");
    }
  }

  public Payment with(PaymentState newState, String newReason, String newStep, long nowMillis) {
    return new Payment(uetr, senderBic, msgId, endToEndId, debtorBic, creditorBic, amountMinor,
        currency, priority, newState, newReason, newStep, newState == PaymentState.QUEUED ? queueSeq : 0,
        rejectAtMillis, valueDate, contentHash, receivedAtMillis, nowMillis, debtorName, creditorName,
        remittance, debtorDetails, creditorDetails);
  }

  public Payment queued(long seq, String newStep, long nowMillis, Priority newPriority) {
    return new Payment(uetr, senderBic, msgId, endToEndId, debtorBic, creditorBic, amountMinor,
        currency, newPriority, PaymentState.QUEUED, null, newStep, seq, rejectAtMillis, valueDate,
        contentHash, receivedAtMillis, nowMillis, debtorName, creditorName, remittance, debtorDetails,
        creditorDetails);
  }

  public Payment withValueDate(String date) {
    return new Payment(uetr, senderBic, msgId, endToEndId, debtorBic, creditorBic, amountMinor,
        currency, priority, state, reasonCode, step, queueSeq, rejectAtMillis, date, contentHash,
        receivedAtMillis, updatedAtMillis, debtorName, creditorName, remittance, debtorDetails, creditorDetails);
  }
}
