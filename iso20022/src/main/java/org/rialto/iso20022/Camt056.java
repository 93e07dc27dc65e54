package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * camt.056.001.08 FIToFIPaymentCancellationRequest: asks the next agent to cancel (or return)
 * payments.
 *
 * @param numberOfTransactions CtrlData/NbOfTxs, or null when there is no control data
 */
public record Camt056(
    CaseAssignment assignment,
    InvestigationCase caseReference,
    String numberOfTransactions,
    BigDecimal controlSum,
    List<Underlying> underlyings,
    List<XmlElement> otherElements)
    implements IsoMessage {
  public Camt056 {
    Check.required(assignment, "assignment");
    Check.text(numberOfTransactions, 15, "numberOfTransactions");
    if (controlSum != null && numberOfTransactions == null) {
      throw new IllegalArgumentException("a control sum comes with a number of transactions");
    }
    underlyings = Check.list(underlyings, "underlyings");
    if (underlyings.isEmpty()) throw new IllegalArgumentException("a camt.056 has at least one underlying");
    otherElements = Check.list(otherElements, "otherElements");
  }

  @Override
  public MessageType type() {
    return MessageType.CAMT_056_001_08;
  }

  @Override
  public String messageId() {
    return assignment.id();
  }

  /** A request to cancel one transaction, for {@code reason} (e.g. DUPL, CUST, FRAD). */
  public static Camt056 of(String id, OffsetDateTime created, Agent assigner, Agent assignee, OriginalRef original,
      ReasonInformation reason) {
    CancellationRequest t = new CancellationRequest(null, null, original.group(), original.instructionId(), original.endToEndId(),
        original.transactionId(), original.uetr(), original.clearingSystemReference(), original.interbankSettlementAmount(),
        original.interbankSettlementDate(), null, null, reason == null ? List.of() : List.of(reason), List.of());
    return new Camt056(new CaseAssignment(id, PartyOrAgent.of(assigner), PartyOrAgent.of(assignee), created), null, "1", null,
        List.of(new Underlying(null, List.of(t))), List.of());
  }

  /** UnderlyingTransaction23: the original group (kept untyped) and/or transactions to cancel. */
  public record Underlying(XmlElement originalGroupAndCancellation, List<CancellationRequest> transactions) {
    public Underlying {
      transactions = Check.list(transactions, "transactions");
    }
  }

  /** PaymentTransaction106: one transaction to cancel. OrgnlTxRef and supplementary data are kept untyped. */
  public record CancellationRequest(
      String cancellationId,
      InvestigationCase caseReference,
      OriginalGroupInfo originalGroupInfo,
      String originalInstructionId,
      String originalEndToEndId,
      String originalTransactionId,
      String originalUetr,
      String originalClearingSystemReference,
      Amount originalInterbankSettlementAmount,
      LocalDate originalInterbankSettlementDate,
      Agent assigner,
      Agent assignee,
      List<ReasonInformation> reasons,
      List<XmlElement> otherElements) {
    public CancellationRequest {
      Check.text(cancellationId, 35, "cancellationId");
      reasons = Check.list(reasons, "reasons");
      otherElements = Check.list(otherElements, "otherElements");
    }
  }
}
