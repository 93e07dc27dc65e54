package org.rialto.iso20022;

import static org.rialto.iso20022.Components.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** camt.056.001.08, camt.029.001.09 and admi.002.001.01. */
final class InvestigationCodec {
  private InvestigationCodec() {}

  // ---- camt.056 ----------------------------------------------------------------------------

  private static final String PT106 = "PaymentTransaction106";

  static Camt056 readCamt056(XmlIn in) {
    CaseAssignment assignment = null;
    InvestigationCase reference = null;
    String count = null;
    BigDecimal sum = null;
    List<Camt056.Underlying> underlyings = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Assgnmt" -> assignment = caseAssignment(in);
        case "Case" -> reference = investigationCase(in);
        case "CtrlData" -> {
          while (in.nextChild()) {
            switch (in.name()) {
              case "NbOfTxs" -> count = in.text();
              case "CtrlSum" -> sum = in.decimal();
              default -> throw in.unexpected();
            }
          }
          in.required(count, "NbOfTxs");
        }
        case "Undrlyg" -> {
          XmlElement group = null;
          List<Camt056.CancellationRequest> transactions = null;
          while (in.nextChild()) {
            switch (in.name()) {
              case "OrgnlGrpInfAndCxl" -> group = in.element();
              case "TxInf" -> transactions = add(transactions, cancellationRequest(in));
              default -> throw in.unexpected();
            }
          }
          underlyings = add(underlyings, new Camt056.Underlying(group, orEmpty(transactions)));
        }
        default -> others = add(others, in.other(SchemaOrder.of(MessageType.CAMT_056_001_08.rootType())));
      }
    }
    return new Camt056(in.required(assignment, "Assgnmt"), reference, count, sum, in.required(underlyings, "Undrlyg"),
        ordered(others, MessageType.CAMT_056_001_08.rootType()));
  }

  private static Camt056.CancellationRequest cancellationRequest(XmlIn in) {
    String id = null, clearing = null;
    InvestigationCase reference = null;
    OriginalIdentification original = new OriginalIdentification();
    Amount amount = null;
    LocalDate date = null;
    Agent assigner = null, assignee = null;
    List<ReasonInformation> reasons = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      if (original.read(in)) continue;
      switch (in.name()) {
        case "CxlId" -> id = in.text();
        case "Case" -> reference = investigationCase(in);
        case "OrgnlClrSysRef" -> clearing = in.text();
        case "OrgnlIntrBkSttlmAmt" -> amount = in.amount();
        case "OrgnlIntrBkSttlmDt" -> date = in.date();
        case "Assgnr" -> assigner = agent(in);
        case "Assgne" -> assignee = agent(in);
        case "CxlRsnInf" -> reasons = add(reasons, reasonInformation(in));
        default -> others = add(others, in.other(SchemaOrder.of(PT106)));
      }
    }
    return new Camt056.CancellationRequest(id, reference, original.group, original.instructionId, original.endToEndId,
        original.transactionId, original.uetr, clearing, amount, date, assigner, assignee, orEmpty(reasons), ordered(others, PT106));
  }

  static void writeCamt056(XmlOut out, Camt056 m) {
    out.start(m.type().rootElement(), m.type().rootType(), m.otherElements());
    caseAssignment(out, m.assignment());
    investigationCase(out, "Case", m.caseReference());
    if (m.numberOfTransactions() != null) {
      out.start("CtrlData");
      out.leaf("NbOfTxs", m.numberOfTransactions());
      out.leaf("CtrlSum", m.controlSum());
      out.end("CtrlData");
    }
    for (Camt056.Underlying u : m.underlyings()) {
      out.start("Undrlyg");
      out.element(u.originalGroupAndCancellation());
      for (Camt056.CancellationRequest t : u.transactions()) {
        out.start("TxInf", PT106, t.otherElements());
        out.leaf("CxlId", t.cancellationId());
        investigationCase(out, "Case", t.caseReference());
        OriginalIdentification.write(out, t.originalGroupInfo(), t.originalInstructionId(), t.originalEndToEndId(),
            t.originalTransactionId());
        out.leaf("OrgnlUETR", t.originalUetr());
        out.leaf("OrgnlClrSysRef", t.originalClearingSystemReference());
        out.amount("OrgnlIntrBkSttlmAmt", t.originalInterbankSettlementAmount());
        out.leaf("OrgnlIntrBkSttlmDt", t.originalInterbankSettlementDate());
        agent(out, "Assgnr", t.assigner());
        agent(out, "Assgne", t.assignee());
        reasonInformation(out, "CxlRsnInf", t.reasons());
        out.end("TxInf");
      }
      out.end("Undrlyg");
    }
    out.end(m.type().rootElement());
  }

  // ---- camt.029 ----------------------------------------------------------------------------

  private static final String PT102 = "PaymentTransaction102";

  static Camt029 readCamt029(XmlIn in) {
    CaseAssignment assignment = null;
    InvestigationCase resolved = null;
    Camt029.InvestigationStatus status = null;
    List<Camt029.CancellationDetails> details = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Assgnmt" -> assignment = caseAssignment(in);
        case "RslvdCase" -> resolved = investigationCase(in);
        case "Sts" -> {
          String confirmation = null;
          List<XmlElement> alternatives = null;
          while (in.nextChild()) {
            if (in.name().equals("Conf")) {
              confirmation = in.text();
            } else {
              alternatives = add(alternatives, in.other(SchemaOrder.of("InvestigationStatus5Choice")));
            }
          }
          if ((confirmation == null) == (alternatives == null)) throw in.abort("Sts takes exactly one alternative");
          status = new Camt029.InvestigationStatus(confirmation, ordered(alternatives, "InvestigationStatus5Choice"));
        }
        case "CxlDtls" -> {
          List<Camt029.CancellationStatus> transactions = null;
          List<XmlElement> detailOthers = null;
          while (in.nextChild()) {
            if (in.name().equals("TxInfAndSts")) {
              transactions = add(transactions, cancellationStatus(in));
            } else {
              detailOthers = add(detailOthers, in.other(SchemaOrder.of("UnderlyingTransaction22")));
            }
          }
          details = add(details, new Camt029.CancellationDetails(orEmpty(transactions), ordered(detailOthers, "UnderlyingTransaction22")));
        }
        default -> others = add(others, in.other(SchemaOrder.of(MessageType.CAMT_029_001_09.rootType())));
      }
    }
    return new Camt029(in.required(assignment, "Assgnmt"), resolved, in.required(status, "Sts"), orEmpty(details), ordered(others, MessageType.CAMT_029_001_09.rootType()));
  }

  private static Camt029.CancellationStatus cancellationStatus(XmlIn in) {
    String id = null, clearing = null, status = null;
    InvestigationCase resolved = null;
    OriginalIdentification original = new OriginalIdentification();
    List<ReasonInformation> reasons = null;
    Amount amount = null;
    LocalDate date = null;
    PartyOrAgent assigner = null, assignee = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      if (original.read(in)) continue;
      switch (in.name()) {
        case "CxlStsId" -> id = in.text();
        case "RslvdCase" -> resolved = investigationCase(in);
        case "OrgnlClrSysRef" -> clearing = in.text();
        case "TxCxlSts" -> status = in.text();
        case "CxlStsRsnInf" -> reasons = add(reasons, reasonInformation(in));
        case "OrgnlIntrBkSttlmAmt" -> amount = in.amount();
        case "OrgnlIntrBkSttlmDt" -> date = in.date();
        case "Assgnr" -> assigner = partyOrAgent(in);
        case "Assgne" -> assignee = partyOrAgent(in);
        default -> others = add(others, in.other(SchemaOrder.of(PT102)));
      }
    }
    return new Camt029.CancellationStatus(id, resolved, original.group, original.instructionId, original.endToEndId,
        original.transactionId, clearing, original.uetr, status, orEmpty(reasons), amount, date, assigner, assignee, ordered(others, PT102));
  }

  static void writeCamt029(XmlOut out, Camt029 m) {
    out.start(m.type().rootElement(), m.type().rootType(), m.otherElements());
    caseAssignment(out, m.assignment());
    investigationCase(out, "RslvdCase", m.resolvedCase());
    Camt029.InvestigationStatus s = m.status();
    out.start("Sts", "InvestigationStatus5Choice", s.otherElements());
    out.leaf("Conf", s.confirmation());
    out.end("Sts");
    for (Camt029.CancellationDetails d : m.cancellationDetails()) {
      out.start("CxlDtls", "UnderlyingTransaction22", d.otherElements());
      for (Camt029.CancellationStatus t : d.transactions()) {
        out.start("TxInfAndSts", PT102, t.otherElements());
        out.leaf("CxlStsId", t.cancellationStatusId());
        investigationCase(out, "RslvdCase", t.resolvedCase());
        OriginalIdentification.write(out, t.originalGroupInfo(), t.originalInstructionId(), t.originalEndToEndId(),
            t.originalTransactionId());
        out.leaf("OrgnlClrSysRef", t.originalClearingSystemReference());
        out.leaf("OrgnlUETR", t.originalUetr());
        out.leaf("TxCxlSts", t.status());
        reasonInformation(out, "CxlStsRsnInf", t.reasons());
        out.amount("OrgnlIntrBkSttlmAmt", t.originalInterbankSettlementAmount());
        out.leaf("OrgnlIntrBkSttlmDt", t.originalInterbankSettlementDate());
        partyOrAgent(out, "Assgnr", t.assigner());
        partyOrAgent(out, "Assgne", t.assignee());
        out.end("TxInfAndSts");
      }
      out.end("CxlDtls");
    }
    out.end(m.type().rootElement());
  }

  // ---- admi.002 ----------------------------------------------------------------------------

  static Admi002 readAdmi002(XmlIn in) {
    String reference = null, reason = null, location = null, description = null, data = null;
    java.time.OffsetDateTime at = null;
    boolean sawReason = false;
    while (in.nextChild()) {
      switch (in.name()) {
        case "RltdRef" -> {
          while (in.nextChild()) {
            if (!in.name().equals("Ref")) throw in.unexpected();
            reference = in.text();
          }
          in.required(reference, "Ref");
        }
        case "Rsn" -> {
          sawReason = true;
          while (in.nextChild()) {
            switch (in.name()) {
              case "RjctgPtyRsn" -> reason = in.text();
              case "RjctnDtTm" -> at = in.dateTime();
              case "ErrLctn" -> location = in.text();
              case "RsnDesc" -> description = in.text();
              case "AddtlData" -> data = in.text();
              default -> throw in.unexpected();
            }
          }
          in.required(reason, "RjctgPtyRsn");
        }
        default -> throw in.unexpected();
      }
    }
    in.required(reference, "RltdRef");
    in.required(sawReason ? Boolean.TRUE : null, "Rsn");
    return new Admi002(reference, reason, at, location, description, data);
  }

  static void writeAdmi002(XmlOut out, Admi002 m) {
    out.start(m.type().rootElement());
    out.start("RltdRef");
    out.leaf("Ref", m.relatedReference());
    out.end("RltdRef");
    out.start("Rsn");
    out.leaf("RjctgPtyRsn", m.rejectingPartyReason());
    out.leaf("RjctnDtTm", m.rejectionDateTime());
    out.leaf("ErrLctn", m.errorLocation());
    out.leaf("RsnDesc", m.reasonDescription());
    out.leaf("AddtlData", m.additionalData());
    out.end("Rsn");
    out.end(m.type().rootElement());
  }

  // ---- head.001 ----------------------------------------------------------------------------

  private static final String BAH = "BusinessApplicationHeaderV02";

  static BusinessApplicationHeader readHeader(XmlIn in) {
    String charSet = null, id = null, definition = null, service = null, copy = null, priority = null;
    PartyOrAgent from = null, to = null;
    java.time.OffsetDateTime created = null, processing = null;
    Boolean duplicate = null;
    XmlElement signature = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "CharSet" -> charSet = in.text();
        case "Fr" -> from = partyOrAgent(in, "OrgId", "FIId");
        case "To" -> to = partyOrAgent(in, "OrgId", "FIId");
        case "BizMsgIdr" -> id = in.text();
        case "MsgDefIdr" -> definition = in.text();
        case "BizSvc" -> service = in.text();
        case "CreDt" -> created = in.dateTime();
        case "BizPrcgDt" -> processing = in.dateTime();
        case "CpyDplct" -> copy = in.text();
        case "PssblDplct" -> duplicate = in.bool();
        case "Prty" -> priority = in.text();
        case "Sgntr" -> signature = in.element();
        default -> others = add(others, in.other(SchemaOrder.of(BAH)));
      }
    }
    return new BusinessApplicationHeader(charSet, in.required(from, "Fr"), in.required(to, "To"), in.required(id, "BizMsgIdr"),
        in.required(definition, "MsgDefIdr"), service, in.required(created, "CreDt"), processing, copy, duplicate, priority, signature,
        ordered(others, BAH));
  }

  static void writeHeader(XmlOut out, BusinessApplicationHeader h) {
    out.startRoot("AppHdr", MessageType.HEADER_NAMESPACE, BAH, h.otherElements());
    out.leaf("CharSet", h.characterSet());
    partyOrAgent(out, "Fr", h.from(), "OrgId", "FIId");
    partyOrAgent(out, "To", h.to(), "OrgId", "FIId");
    out.leaf("BizMsgIdr", h.businessMessageId());
    out.leaf("MsgDefIdr", h.messageDefinitionId());
    out.leaf("BizSvc", h.businessService());
    out.leaf("CreDt", h.creationDate());
    out.leaf("BizPrcgDt", h.businessProcessingDate());
    out.leaf("CpyDplct", h.copyDuplicate());
    out.leaf("PssblDplct", h.possibleDuplicate());
    out.leaf("Prty", h.priority());
    out.element(h.signature());
    out.end("AppHdr");
  }
}
