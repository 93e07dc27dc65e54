package org.rialto.iso20022;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * camt.029.001.09 ResolutionOfInvestigation: the answer to a camt.056 (cancelled, rejected,
 * pending). Modification, claim non-receipt, statement and corrective transaction details are
 * kept untyped.
 */
public record Camt029(
    CaseAssignment assignment,
    InvestigationCase resolvedCase,
    InvestigationStatus status,
    List<CancellationDetails> cancellationDetails,
    List<XmlElement> otherElements)
    implements IsoMessage {
  /** Investigation status: cancelled as requested. */
  public static final String CNCL = "CNCL";
  /** Investigation status: cancellation request rejected. */
  public static final String RJCR = "RJCR";
  /** Investigation status: cancellation pending. */
  public static final String PECR = "PECR";
  /** Transaction cancellation status: accepted. */
  public static final String ACCR = "ACCR";
  /** Transaction cancellation status: pending. */
  public static final String PDCR = "PDCR";

  public Camt029 {
    Check.required(assignment, "assignment");
    Check.required(status, "status");
    cancellationDetails = Check.list(cancellationDetails, "cancellationDetails");
    otherElements = Check.list(otherElements, "otherElements");
  }

  @Override
  public MessageType type() {
    return MessageType.CAMT_029_001_09;
  }

  @Override
  public String messageId() {
    return assignment.id();
  }

  /**
   * The answer to one transaction of a camt.056: {@code accepted} gives CNCL/ACCR, otherwise
   * RJCR/RJCR with {@code reason}. The assignment is the request's, reversed.
   */
  public static Camt029 answer(String id, OffsetDateTime created, Camt056 request, Camt056.CancellationRequest t, boolean accepted,
      ReasonInformation reason) {
    CaseAssignment asked = request.assignment();
    CancellationStatus status = new CancellationStatus(t.cancellationId(), null, t.originalGroupInfo(), t.originalInstructionId(),
        t.originalEndToEndId(), t.originalTransactionId(), t.originalClearingSystemReference(), t.originalUetr(),
        accepted ? ACCR : RJCR, reason == null ? List.of() : List.of(reason), t.originalInterbankSettlementAmount(),
        t.originalInterbankSettlementDate(), null, null, List.of());
    return new Camt029(new CaseAssignment(id, asked.assignee(), asked.assigner(), created), request.caseReference(),
        new InvestigationStatus(accepted ? CNCL : RJCR, List.of()), List.of(new CancellationDetails(List.of(status), List.of())),
        List.of());
  }

  /**
   * InvestigationStatus5Choice: a confirmation code (CNCL, RJCR, PECR, ...) or one of the other
   * alternatives (rejected modification, duplicate of, assignment cancellation), kept untyped.
   */
  public record InvestigationStatus(String confirmation, List<XmlElement> otherElements) {
    public InvestigationStatus {
      otherElements = Check.list(otherElements, "otherElements");
      if ((confirmation == null) == otherElements.isEmpty()) {
        throw new IllegalArgumentException("an investigation status is a confirmation or another alternative");
      }
    }
  }

  /** UnderlyingTransaction22: transaction statuses; group and payment information statuses untyped. */
  public record CancellationDetails(List<CancellationStatus> transactions, List<XmlElement> otherElements) {
    public CancellationDetails {
      transactions = Check.list(transactions, "transactions");
      otherElements = Check.list(otherElements, "otherElements");
    }
  }

  /** PaymentTransaction102: the cancellation status of one transaction (ACCR, RJCR, PDCR). */
  public record CancellationStatus(
      String cancellationStatusId,
      InvestigationCase resolvedCase,
      OriginalGroupInfo originalGroupInfo,
      String originalInstructionId,
      String originalEndToEndId,
      String originalTransactionId,
      String originalClearingSystemReference,
      String originalUetr,
      String status,
      List<ReasonInformation> reasons,
      Amount originalInterbankSettlementAmount,
      LocalDate originalInterbankSettlementDate,
      PartyOrAgent assigner,
      PartyOrAgent assignee,
      List<XmlElement> otherElements) {
    public CancellationStatus {
      Check.text(cancellationStatusId, 35, "cancellationStatusId");
      if (status != null && !status.equals(ACCR) && !status.equals(RJCR) && !status.equals(PDCR)) {
        throw new IllegalArgumentException("cancellation status must be ACCR, RJCR or PDCR: " + status);
      }
      reasons = Check.list(reasons, "reasons");
      otherElements = Check.list(otherElements, "otherElements");
    }
  }
}
