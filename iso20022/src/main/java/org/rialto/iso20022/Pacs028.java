package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * pacs.028.001.03 FIToFIPaymentStatusRequest: asks for the status of transactions. A node that
 * has not heard the outcome of a payment asks the deciding node with this.
 */
public record Pacs028(
    StatusGroupHeader groupHeader, List<OriginalGroup> originalGroups, List<StatusRequest> transactions, List<XmlElement> otherElements)
    implements IsoMessage {
  public Pacs028 {
    Check.required(groupHeader, "groupHeader");
    originalGroups = Check.list(originalGroups, "originalGroups");
    transactions = Check.list(transactions, "transactions");
    otherElements = Check.list(otherElements, "otherElements");
  }

  @Override
  public MessageType type() {
    return MessageType.PACS_028_001_03;
  }

  @Override
  public String messageId() {
    return groupHeader.messageId();
  }

  /** A request for the status of one original transaction. */
  public static Pacs028 of(String messageId, OffsetDateTime created, Agent instructing, Agent instructed, OriginalRef original) {
    StatusRequest request = new StatusRequest(null, original.group(), original.instructionId(), original.endToEndId(),
        original.transactionId(), original.uetr(), null, null, null, null, List.of());
    return new Pacs028(new StatusGroupHeader(messageId, created, instructing, instructed), List.of(), List.of(request), List.of());
  }

  /** OriginalGroupInformation27: an original message whose status is asked. */
  public record OriginalGroup(
      String originalMessageId,
      String originalMessageNameId,
      OffsetDateTime originalCreationDateTime,
      String originalNumberOfTransactions,
      BigDecimal originalControlSum) {
    public OriginalGroup {
      Check.requiredText(originalMessageId, 35, "originalMessageId");
      Check.requiredText(originalMessageNameId, 35, "originalMessageNameId");
    }
  }

  /** PaymentTransaction113: one transaction whose status is asked; OrgnlTxRef and supplementary data untyped. */
  public record StatusRequest(
      String statusRequestId,
      OriginalGroupInfo originalGroupInfo,
      String originalInstructionId,
      String originalEndToEndId,
      String originalTransactionId,
      String originalUetr,
      OffsetDateTime acceptanceDateTime,
      String clearingSystemReference,
      Agent instructingAgent,
      Agent instructedAgent,
      List<XmlElement> otherElements) {
    public StatusRequest {
      Check.text(statusRequestId, 35, "statusRequestId");
      otherElements = Check.list(otherElements, "otherElements");
    }
  }
}
