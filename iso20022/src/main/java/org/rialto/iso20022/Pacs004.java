package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * pacs.004 PaymentReturn, version .09 or .10 ({@code version}): returns settled transactions.
 * The two versions differ only in parts kept untyped (return chain, original transaction
 * reference).
 */
public record Pacs004(
    MessageType version, GroupHeader groupHeader, OriginalGroup originalGroup, List<Transaction> transactions, List<XmlElement> otherElements)
    implements IsoMessage {
  public Pacs004 {
    if (version != MessageType.PACS_004_001_09 && version != MessageType.PACS_004_001_10) {
      throw new IllegalArgumentException("pacs.004 version must be .09 or .10: " + version);
    }
    Check.required(groupHeader, "groupHeader");
    transactions = Check.list(transactions, "transactions");
    otherElements = Check.list(otherElements, "otherElements");
  }

  @Override
  public MessageType type() {
    return version;
  }

  @Override
  public String messageId() {
    return groupHeader.messageId();
  }

  /**
   * The return of one settled transaction (pacs.004.001.09), e.g. after an accepted camt.056.
   *
   * @param returned the amount returned (RtrdIntrBkSttlmAmt)
   */
  public static Pacs004 of(String messageId, OffsetDateTime created, SettlementInstruction settlement, Agent instructing,
      Agent instructed, OriginalRef original, Amount returned, LocalDate settlementDate, ChargeBearer chargeBearer,
      ReasonInformation reason) {
    Transaction t = new Transaction(null, original.group(), original.instructionId(), original.endToEndId(),
        original.transactionId(), original.uetr(), original.clearingSystemReference(), original.interbankSettlementAmount(),
        original.interbankSettlementDate(), returned, settlementDate, null, null, null, null, null, chargeBearer, List.of(),
        null, instructing, instructed, reason == null ? List.of() : List.of(reason), List.of());
    GroupHeader header = new GroupHeader(messageId, created, null, "1", null, null, null, null, settlement, null, null, List.of());
    return new Pacs004(MessageType.PACS_004_001_09, header, null, List.of(t), List.of());
  }

  /** GroupHeader90; Authstn is kept untyped. */
  public record GroupHeader(
      String messageId,
      OffsetDateTime creationDateTime,
      Boolean batchBooking,
      String numberOfTransactions,
      BigDecimal controlSum,
      Boolean groupReturn,
      Amount totalReturnedInterbankSettlementAmount,
      LocalDate interbankSettlementDate,
      SettlementInstruction settlementInstruction,
      Agent instructingAgent,
      Agent instructedAgent,
      List<XmlElement> otherElements) {
    public GroupHeader {
      Check.requiredText(messageId, 35, "messageId");
      Check.required(creationDateTime, "creationDateTime");
      Check.requiredText(numberOfTransactions, 15, "numberOfTransactions");
      Check.required(settlementInstruction, "settlementInstruction");
      otherElements = Check.list(otherElements, "otherElements");
    }
  }

  /** OriginalGroupHeader18: the original message of a whole-group return. */
  public record OriginalGroup(
      String originalMessageId, String originalMessageNameId, OffsetDateTime originalCreationDateTime, List<ReasonInformation> returnReasons) {
    public OriginalGroup {
      Check.requiredText(originalMessageId, 35, "originalMessageId");
      Check.requiredText(originalMessageNameId, 35, "originalMessageNameId");
      returnReasons = Check.list(returnReasons, "returnReasons");
    }
  }

  /**
   * PaymentTransaction112 (.09) / 118 (.10): one returned transaction. The return chain, the
   * original transaction reference and supplementary data are kept untyped.
   */
  public record Transaction(
      String returnId,
      OriginalGroupInfo originalGroupInfo,
      String originalInstructionId,
      String originalEndToEndId,
      String originalTransactionId,
      String originalUetr,
      String originalClearingSystemReference,
      Amount originalInterbankSettlementAmount,
      LocalDate originalInterbankSettlementDate,
      Amount returnedInterbankSettlementAmount,
      LocalDate interbankSettlementDate,
      SettlementPriority settlementPriority,
      SettlementTimeIndication settlementTimeIndication,
      Amount returnedInstructedAmount,
      BigDecimal exchangeRate,
      Amount compensationAmount,
      ChargeBearer chargeBearer,
      List<Charge> charges,
      String clearingSystemReference,
      Agent instructingAgent,
      Agent instructedAgent,
      List<ReasonInformation> returnReasons,
      List<XmlElement> otherElements) {
    public Transaction {
      Check.text(returnId, 35, "returnId");
      Check.required(returnedInterbankSettlementAmount, "returnedInterbankSettlementAmount");
      charges = Check.list(charges, "charges");
      returnReasons = Check.list(returnReasons, "returnReasons");
      otherElements = Check.list(otherElements, "otherElements");
    }
  }
}
