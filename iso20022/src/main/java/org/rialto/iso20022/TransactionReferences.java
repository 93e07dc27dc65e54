package org.rialto.iso20022;

import java.util.List;

/** The references of an entry's transaction (TransactionReferences6); proprietary references untyped. */
public record TransactionReferences(
    String messageId,
    String accountServicerReference,
    String paymentInformationId,
    String instructionId,
    String endToEndId,
    String uetr,
    String transactionId,
    String mandateId,
    String chequeNumber,
    String clearingSystemReference,
    String accountOwnerTransactionId,
    String accountServicerTransactionId,
    String marketInfrastructureTransactionId,
    String processingId,
    List<XmlElement> otherElements) {
  public TransactionReferences {
    otherElements = Check.list(otherElements, "otherElements");
  }

  public static TransactionReferences of(String messageId, PaymentId id) {
    return new TransactionReferences(messageId, null, null, id.instructionId(), id.endToEndId(), id.uetr(), id.transactionId(),
        null, null, id.clearingSystemReference(), null, null, null, null, List.of());
  }
}
