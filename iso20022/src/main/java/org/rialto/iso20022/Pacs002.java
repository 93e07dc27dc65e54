package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** pacs.002.001.10 FIToFIPaymentStatusReport: the status of messages and of transactions. */
public record Pacs002(
    StatusGroupHeader groupHeader,
    List<OriginalGroupStatus> originalGroups,
    List<TransactionStatus> transactions,
    List<XmlElement> otherElements)
    implements IsoMessage {
  /** Accepted technical validation. */
  public static final String ACTC = "ACTC";
  /** Accepted, settlement completed: final for the payment. */
  public static final String ACSC = "ACSC";
  /** Accepted, settlement completed on the creditor's account. */
  public static final String ACCC = "ACCC";
  /** Accepted, settlement in process. */
  public static final String ACSP = "ACSP";
  /** Pending. */
  public static final String PDNG = "PDNG";
  /** Rejected; carries a reason code. */
  public static final String RJCT = "RJCT";

  public Pacs002 {
    Check.required(groupHeader, "groupHeader");
    originalGroups = Check.list(originalGroups, "originalGroups");
    transactions = Check.list(transactions, "transactions");
    otherElements = Check.list(otherElements, "otherElements");
  }

  @Override
  public MessageType type() {
    return MessageType.PACS_002_001_10;
  }

  @Override
  public String messageId() {
    return groupHeader.messageId();
  }

  /**
   * The status of one original transaction, e.g. {@code Pacs002.of("M1", now, me, them,
   * OriginalRef.of(msg, tx), Pacs002.RJCT, ReasonInformation.of(ReasonCode.AM04))}.
   *
   * @param reason null for an acceptance
   */
  public static Pacs002 of(String messageId, OffsetDateTime created, Agent instructing, Agent instructed,
      OriginalRef original, String status, ReasonInformation reason) {
    return new Pacs002(new StatusGroupHeader(messageId, created, instructing, instructed), List.of(),
        List.of(TransactionStatus.of(original, status, reason)), List.of());
  }

  /** The status of a whole original message (e.g. RJCT of an unusable message, with its reason). */
  public static Pacs002 ofGroup(String messageId, OffsetDateTime created, Agent instructing, Agent instructed,
      OriginalGroupInfo original, String groupStatus, List<ReasonInformation> reasons) {
    return new Pacs002(new StatusGroupHeader(messageId, created, instructing, instructed),
        List.of(new OriginalGroupStatus(original.messageId(), original.messageNameId(), original.creationDateTime(), null, null,
            groupStatus, reasons, List.of())),
        List.of(), List.of());
  }

  /** OriginalGroupHeader17: the status of an original message. NbOfTxsPerSts is kept untyped. */
  public record OriginalGroupStatus(
      String originalMessageId,
      String originalMessageNameId,
      OffsetDateTime originalCreationDateTime,
      String originalNumberOfTransactions,
      BigDecimal originalControlSum,
      String groupStatus,
      List<ReasonInformation> reasons,
      List<XmlElement> otherElements) {
    public OriginalGroupStatus {
      Check.requiredText(originalMessageId, 35, "originalMessageId");
      Check.requiredText(originalMessageNameId, 35, "originalMessageNameId");
      Check.code(groupStatus, "groupStatus");
      reasons = Check.list(reasons, "reasons");
      otherElements = Check.list(otherElements, "otherElements");
    }
  }

  /**
   * PaymentTransaction110: the status of one original transaction. The original transaction
   * reference (OrgnlTxRef) and supplementary data are kept untyped.
   */
  public record TransactionStatus(
      String statusId,
      OriginalGroupInfo originalGroupInfo,
      String originalInstructionId,
      String originalEndToEndId,
      String originalTransactionId,
      String originalUetr,
      String status,
      List<ReasonInformation> reasons,
      List<Charge> charges,
      OffsetDateTime acceptanceDateTime,
      DateOrDateTime effectiveSettlementDate,
      String accountServicerReference,
      String clearingSystemReference,
      Agent instructingAgent,
      Agent instructedAgent,
      List<XmlElement> otherElements) {
    public TransactionStatus {
      Check.text(statusId, 35, "statusId");
      Check.code(status, "status");
      reasons = Check.list(reasons, "reasons");
      charges = Check.list(charges, "charges");
      otherElements = Check.list(otherElements, "otherElements");
    }

    public static TransactionStatus of(OriginalRef original, String status, ReasonInformation reason) {
      return new TransactionStatus(null, original.group(), original.instructionId(), original.endToEndId(),
          original.transactionId(), original.uetr(), Check.required(status, "status"),
          reason == null ? List.of() : List.of(reason), List.of(), null, null, null, null, null, null, List.of());
    }
  }
}
