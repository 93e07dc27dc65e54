package org.rialto.iso20022;

import java.time.LocalDate;

/**
 * Everything a status report, status request, return or cancellation quotes about the original
 * transaction: its message and the transaction's identifications and amount. Build it with
 * {@link #of(Pacs008, CreditTransfer)} from what was received.
 */
public record OriginalRef(
    OriginalGroupInfo group,
    String instructionId,
    String endToEndId,
    String transactionId,
    String uetr,
    String clearingSystemReference,
    Amount interbankSettlementAmount,
    LocalDate interbankSettlementDate) {
  public OriginalRef {
    Check.required(group, "group");
  }

  public static OriginalRef of(Pacs008 message, CreditTransfer t) {
    return of(message, message.groupHeader(), t);
  }

  public static OriginalRef of(Pacs009 message, FiCreditTransfer t) {
    return of(message, message.groupHeader(), t);
  }

  private static OriginalRef of(IsoMessage message, CreditTransferGroupHeader h, CreditTransferTransaction t) {
    PaymentId id = t.paymentId();
    return new OriginalRef(new OriginalGroupInfo(h.messageId(), message.type().id(), h.creationDateTime()),
        id.instructionId(), id.endToEndId(), id.transactionId(), id.uetr(), id.clearingSystemReference(),
        t.interbankSettlementAmount(),
        t.interbankSettlementDate() != null ? t.interbankSettlementDate() : h.interbankSettlementDate());
  }
}
