package org.rialto.iso20022;

import static org.rialto.iso20022.Components.*;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** pacs.002.001.10, pacs.028.001.03 and pacs.004.001.09/.10. */
final class StatusCodec {
  private StatusCodec() {}

  static StatusGroupHeader statusGroupHeader(XmlIn in) {
    String id = null;
    OffsetDateTime created = null;
    Agent instructing = null, instructed = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "MsgId" -> id = in.text();
        case "CreDtTm" -> created = in.dateTime();
        case "InstgAgt" -> instructing = agent(in);
        case "InstdAgt" -> instructed = agent(in);
        default -> throw in.unexpected();
      }
    }
    return new StatusGroupHeader(in.required(id, "MsgId"), in.required(created, "CreDtTm"), instructing, instructed);
  }

  static void statusGroupHeader(XmlOut out, StatusGroupHeader h) {
    out.start("GrpHdr");
    out.leaf("MsgId", h.messageId());
    out.leaf("CreDtTm", h.creationDateTime());
    agent(out, "InstgAgt", h.instructingAgent());
    agent(out, "InstdAgt", h.instructedAgent());
    out.end("GrpHdr");
  }

  // ---- pacs.002 ----------------------------------------------------------------------------

  private static final String OGH17 = "OriginalGroupHeader17";
  private static final String PT110 = "PaymentTransaction110";

  static Pacs002 readPacs002(XmlIn in) {
    StatusGroupHeader header = null;
    List<Pacs002.OriginalGroupStatus> groups = null;
    List<Pacs002.TransactionStatus> transactions = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "GrpHdr" -> header = statusGroupHeader(in);
        case "OrgnlGrpInfAndSts" -> groups = add(groups, originalGroupStatus(in));
        case "TxInfAndSts" -> transactions = add(transactions, transactionStatus(in));
        default -> others = add(others, in.other(SchemaOrder.of(MessageType.PACS_002_001_10.rootType())));
      }
    }
    return new Pacs002(in.required(header, "GrpHdr"), orEmpty(groups), orEmpty(transactions), ordered(others, MessageType.PACS_002_001_10.rootType()));
  }

  private static Pacs002.OriginalGroupStatus originalGroupStatus(XmlIn in) {
    OriginalMessage original = new OriginalMessage();
    String status = null;
    List<ReasonInformation> reasons = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      if (original.read(in)) continue;
      switch (in.name()) {
        case "GrpSts" -> status = in.text();
        case "StsRsnInf" -> reasons = add(reasons, reasonInformation(in));
        default -> others = add(others, in.other(SchemaOrder.of(OGH17)));
      }
    }
    return new Pacs002.OriginalGroupStatus(in.required(original.id, "OrgnlMsgId"), in.required(original.nameId, "OrgnlMsgNmId"),
        original.created, original.count, original.sum, status, orEmpty(reasons), ordered(others, OGH17));
  }

  /**
   * The original message as pacs.002 (OriginalGroupHeader17) and pacs.028
   * (OriginalGroupInformation27) quote it: OrgnlMsgId, OrgnlMsgNmId, OrgnlCreDtTm, OrgnlNbOfTxs
   * and OrgnlCtrlSum, gathered while the rest of the element is read.
   */
  private static final class OriginalMessage {
    String id, nameId, count;
    OffsetDateTime created;
    BigDecimal sum;

    /** Reads the element {@code in} is at if it is one of these; false if not. */
    boolean read(XmlIn in) {
      switch (in.name()) {
        case "OrgnlMsgId" -> id = in.text();
        case "OrgnlMsgNmId" -> nameId = in.text();
        case "OrgnlCreDtTm" -> created = in.dateTime();
        case "OrgnlNbOfTxs" -> count = in.text();
        case "OrgnlCtrlSum" -> sum = in.decimal();
        default -> {
          return false;
        }
      }
      return true;
    }

    static void write(XmlOut out, String id, String nameId, OffsetDateTime created, String count, BigDecimal sum) {
      out.leaf("OrgnlMsgId", id);
      out.leaf("OrgnlMsgNmId", nameId);
      out.leaf("OrgnlCreDtTm", created);
      out.leaf("OrgnlNbOfTxs", count);
      out.leaf("OrgnlCtrlSum", sum);
    }
  }

  private static Pacs002.TransactionStatus transactionStatus(XmlIn in) {
    String statusId = null, status = null, servicerRef = null, clearingRef = null;
    OriginalIdentification original = new OriginalIdentification();
    List<ReasonInformation> reasons = null;
    List<Charge> charges = null;
    OffsetDateTime accepted = null;
    DateOrDateTime settled = null;
    Agent instructing = null, instructed = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      if (original.read(in)) continue;
      switch (in.name()) {
        case "StsId" -> statusId = in.text();
        case "TxSts" -> status = in.text();
        case "StsRsnInf" -> reasons = add(reasons, reasonInformation(in));
        case "ChrgsInf" -> charges = add(charges, charge(in));
        case "AccptncDtTm" -> accepted = in.dateTime();
        case "FctvIntrBkSttlmDt" -> settled = dateOrDateTime(in);
        case "AcctSvcrRef" -> servicerRef = in.text();
        case "ClrSysRef" -> clearingRef = in.text();
        case "InstgAgt" -> instructing = agent(in);
        case "InstdAgt" -> instructed = agent(in);
        default -> others = add(others, in.other(SchemaOrder.of(PT110)));
      }
    }
    return new Pacs002.TransactionStatus(statusId, original.group, original.instructionId, original.endToEndId,
        original.transactionId, original.uetr, status, orEmpty(reasons),
        orEmpty(charges), accepted, settled, servicerRef, clearingRef, instructing, instructed, ordered(others, PT110));
  }

  static void writePacs002(XmlOut out, Pacs002 m) {
    out.start(m.type().rootElement(), m.type().rootType(), m.otherElements());
    statusGroupHeader(out, m.groupHeader());
    for (Pacs002.OriginalGroupStatus g : m.originalGroups()) {
      out.start("OrgnlGrpInfAndSts", OGH17, g.otherElements());
      OriginalMessage.write(out, g.originalMessageId(), g.originalMessageNameId(), g.originalCreationDateTime(),
          g.originalNumberOfTransactions(), g.originalControlSum());
      out.leaf("GrpSts", g.groupStatus());
      reasonInformation(out, "StsRsnInf", g.reasons());
      out.end("OrgnlGrpInfAndSts");
    }
    for (Pacs002.TransactionStatus t : m.transactions()) {
      out.start("TxInfAndSts", PT110, t.otherElements());
      out.leaf("StsId", t.statusId());
      OriginalIdentification.write(out, t.originalGroupInfo(), t.originalInstructionId(), t.originalEndToEndId(), t.originalTransactionId());
      out.leaf("OrgnlUETR", t.originalUetr());
      out.leaf("TxSts", t.status());
      reasonInformation(out, "StsRsnInf", t.reasons());
      charges(out, t.charges());
      out.leaf("AccptncDtTm", t.acceptanceDateTime());
      dateOrDateTime(out, "FctvIntrBkSttlmDt", t.effectiveSettlementDate());
      out.leaf("AcctSvcrRef", t.accountServicerReference());
      out.leaf("ClrSysRef", t.clearingSystemReference());
      agent(out, "InstgAgt", t.instructingAgent());
      agent(out, "InstdAgt", t.instructedAgent());
      out.end("TxInfAndSts");
    }
    out.end(m.type().rootElement());
  }

  // ---- pacs.028 ----------------------------------------------------------------------------

  private static final String PT113 = "PaymentTransaction113";

  static Pacs028 readPacs028(XmlIn in) {
    StatusGroupHeader header = null;
    List<Pacs028.OriginalGroup> groups = null;
    List<Pacs028.StatusRequest> transactions = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "GrpHdr" -> header = statusGroupHeader(in);
        case "OrgnlGrpInf" -> {
          OriginalMessage original = new OriginalMessage();
          while (in.nextChild()) {
            if (!original.read(in)) throw in.unexpected();
          }
          groups = add(groups, new Pacs028.OriginalGroup(in.required(original.id, "OrgnlMsgId"),
              in.required(original.nameId, "OrgnlMsgNmId"), original.created, original.count, original.sum));
        }
        case "TxInf" -> transactions = add(transactions, statusRequest(in));
        default -> others = add(others, in.other(SchemaOrder.of(MessageType.PACS_028_001_03.rootType())));
      }
    }
    return new Pacs028(in.required(header, "GrpHdr"), orEmpty(groups), orEmpty(transactions), ordered(others, MessageType.PACS_028_001_03.rootType()));
  }

  private static Pacs028.StatusRequest statusRequest(XmlIn in) {
    String requestId = null, clearingRef = null;
    OriginalIdentification original = new OriginalIdentification();
    OffsetDateTime accepted = null;
    Agent instructing = null, instructed = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      if (original.read(in)) continue;
      switch (in.name()) {
        case "StsReqId" -> requestId = in.text();
        case "AccptncDtTm" -> accepted = in.dateTime();
        case "ClrSysRef" -> clearingRef = in.text();
        case "InstgAgt" -> instructing = agent(in);
        case "InstdAgt" -> instructed = agent(in);
        default -> others = add(others, in.other(SchemaOrder.of(PT113)));
      }
    }
    return new Pacs028.StatusRequest(requestId, original.group, original.instructionId, original.endToEndId, original.transactionId,
        original.uetr, accepted, clearingRef, instructing, instructed, ordered(others, PT113));
  }

  static void writePacs028(XmlOut out, Pacs028 m) {
    out.start(m.type().rootElement(), m.type().rootType(), m.otherElements());
    statusGroupHeader(out, m.groupHeader());
    for (Pacs028.OriginalGroup g : m.originalGroups()) {
      out.start("OrgnlGrpInf");
      OriginalMessage.write(out, g.originalMessageId(), g.originalMessageNameId(), g.originalCreationDateTime(),
          g.originalNumberOfTransactions(), g.originalControlSum());
      out.end("OrgnlGrpInf");
    }
    for (Pacs028.StatusRequest t : m.transactions()) {
      out.start("TxInf", PT113, t.otherElements());
      out.leaf("StsReqId", t.statusRequestId());
      OriginalIdentification.write(out, t.originalGroupInfo(), t.originalInstructionId(), t.originalEndToEndId(), t.originalTransactionId());
      out.leaf("OrgnlUETR", t.originalUetr());
      out.leaf("AccptncDtTm", t.acceptanceDateTime());
      out.leaf("ClrSysRef", t.clearingSystemReference());
      agent(out, "InstgAgt", t.instructingAgent());
      agent(out, "InstdAgt", t.instructedAgent());
      out.end("TxInf");
    }
    out.end(m.type().rootElement());
  }

  // ---- pacs.004 ----------------------------------------------------------------------------

  private static final String GH90 = "GroupHeader90";

  private static String transactionType(MessageType version) {
    return version == MessageType.PACS_004_001_09 ? "PaymentTransaction112" : "PaymentTransaction118";
  }

  static Pacs004 readPacs004(XmlIn in, MessageType version, int maxTransactions) {
    Pacs004.GroupHeader header = null;
    Pacs004.OriginalGroup group = null;
    List<Pacs004.Transaction> transactions = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "GrpHdr" -> header = returnGroupHeader(in);
        case "OrgnlGrpInf" -> {
          String id = null, name = null;
          OffsetDateTime created = null;
          List<ReasonInformation> reasons = null;
          while (in.nextChild()) {
            switch (in.name()) {
              case "OrgnlMsgId" -> id = in.text();
              case "OrgnlMsgNmId" -> name = in.text();
              case "OrgnlCreDtTm" -> created = in.dateTime();
              case "RtrRsnInf" -> reasons = add(reasons, reasonInformation(in));
              default -> throw in.unexpected();
            }
          }
          group = new Pacs004.OriginalGroup(in.required(id, "OrgnlMsgId"), in.required(name, "OrgnlMsgNmId"), created, orEmpty(reasons));
        }
        case "TxInf" -> {
          transactions = add(transactions, returnTransaction(in, version));
          if (transactions.size() > maxTransactions) throw in.abort("more than " + maxTransactions + " transactions");
        }
        default -> others = add(others, in.other(SchemaOrder.of(version.rootType())));
      }
    }
    return new Pacs004(version, in.required(header, "GrpHdr"), group, orEmpty(transactions), ordered(others, version.rootType()));
  }

  private static Pacs004.GroupHeader returnGroupHeader(XmlIn in) {
    String id = null, count = null;
    OffsetDateTime created = null;
    Boolean batch = null, groupReturn = null;
    BigDecimal sum = null;
    Amount total = null;
    java.time.LocalDate date = null;
    SettlementInstruction settlement = null;
    Agent instructing = null, instructed = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "MsgId" -> id = in.text();
        case "CreDtTm" -> created = in.dateTime();
        case "BtchBookg" -> batch = in.bool();
        case "NbOfTxs" -> count = in.text();
        case "CtrlSum" -> sum = in.decimal();
        case "GrpRtr" -> groupReturn = in.bool();
        case "TtlRtrdIntrBkSttlmAmt" -> total = in.amount();
        case "IntrBkSttlmDt" -> date = in.date();
        case "SttlmInf" -> settlement = settlementInstruction(in);
        case "InstgAgt" -> instructing = agent(in);
        case "InstdAgt" -> instructed = agent(in);
        default -> others = add(others, in.other(SchemaOrder.of(GH90)));
      }
    }
    return new Pacs004.GroupHeader(in.required(id, "MsgId"), in.required(created, "CreDtTm"), batch, in.required(count, "NbOfTxs"),
        sum, groupReturn, total, date, in.required(settlement, "SttlmInf"), instructing, instructed, ordered(others, GH90));
  }

  private static Pacs004.Transaction returnTransaction(XmlIn in, MessageType version) {
    String returnId = null, originalClearing = null, clearingRef = null;
    OriginalIdentification original = new OriginalIdentification();
    Amount originalAmount = null, returned = null, instructedAmount = null, compensation = null;
    java.time.LocalDate originalDate = null, date = null;
    SettlementPriority priority = null;
    SettlementTimeIndication timeIndication = null;
    BigDecimal rate = null;
    ChargeBearer bearer = null;
    List<Charge> charges = null;
    Agent instructing = null, instructed = null;
    List<ReasonInformation> reasons = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      if (original.read(in)) continue;
      switch (in.name()) {
        case "RtrId" -> returnId = in.text();
        case "OrgnlClrSysRef" -> originalClearing = in.text();
        case "OrgnlIntrBkSttlmAmt" -> originalAmount = in.amount();
        case "OrgnlIntrBkSttlmDt" -> originalDate = in.date();
        case "RtrdIntrBkSttlmAmt" -> returned = in.amount();
        case "IntrBkSttlmDt" -> date = in.date();
        case "SttlmPrty" -> priority = in.code(SettlementPriority.class);
        case "SttlmTmIndctn" -> timeIndication = settlementTimeIndication(in);
        case "RtrdInstdAmt" -> instructedAmount = in.amount();
        case "XchgRate" -> rate = in.decimal();
        case "CompstnAmt" -> compensation = in.amount();
        case "ChrgBr" -> bearer = in.code(ChargeBearer.class);
        case "ChrgsInf" -> charges = add(charges, charge(in));
        case "ClrSysRef" -> clearingRef = in.text();
        case "InstgAgt" -> instructing = agent(in);
        case "InstdAgt" -> instructed = agent(in);
        case "RtrRsnInf" -> reasons = add(reasons, reasonInformation(in));
        default -> others = add(others, in.other(SchemaOrder.of(transactionType(version))));
      }
    }
    return new Pacs004.Transaction(returnId, original.group, original.instructionId, original.endToEndId, original.transactionId,
        original.uetr, originalClearing, originalAmount,
        originalDate, in.required(returned, "RtrdIntrBkSttlmAmt"), date, priority, timeIndication, instructedAmount, rate,
        compensation, bearer, orEmpty(charges), clearingRef, instructing, instructed, orEmpty(reasons), ordered(others, transactionType(version)));
  }

  static void writePacs004(XmlOut out, Pacs004 m) {
    out.start(m.type().rootElement(), m.type().rootType(), m.otherElements());
    Pacs004.GroupHeader h = m.groupHeader();
    out.start("GrpHdr", GH90, h.otherElements());
    out.leaf("MsgId", h.messageId());
    out.leaf("CreDtTm", h.creationDateTime());
    out.leaf("BtchBookg", h.batchBooking());
    out.leaf("NbOfTxs", h.numberOfTransactions());
    out.leaf("CtrlSum", h.controlSum());
    out.leaf("GrpRtr", h.groupReturn());
    out.amount("TtlRtrdIntrBkSttlmAmt", h.totalReturnedInterbankSettlementAmount());
    out.leaf("IntrBkSttlmDt", h.interbankSettlementDate());
    settlementInstruction(out, h.settlementInstruction());
    agent(out, "InstgAgt", h.instructingAgent());
    agent(out, "InstdAgt", h.instructedAgent());
    out.end("GrpHdr");
    Pacs004.OriginalGroup g = m.originalGroup();
    if (g != null) {
      out.start("OrgnlGrpInf");
      out.leaf("OrgnlMsgId", g.originalMessageId());
      out.leaf("OrgnlMsgNmId", g.originalMessageNameId());
      out.leaf("OrgnlCreDtTm", g.originalCreationDateTime());
      reasonInformation(out, "RtrRsnInf", g.returnReasons());
      out.end("OrgnlGrpInf");
    }
    String type = transactionType(m.version());
    for (Pacs004.Transaction t : m.transactions()) {
      out.start("TxInf", type, t.otherElements());
      out.leaf("RtrId", t.returnId());
      OriginalIdentification.write(out, t.originalGroupInfo(), t.originalInstructionId(), t.originalEndToEndId(), t.originalTransactionId());
      out.leaf("OrgnlUETR", t.originalUetr());
      out.leaf("OrgnlClrSysRef", t.originalClearingSystemReference());
      out.amount("OrgnlIntrBkSttlmAmt", t.originalInterbankSettlementAmount());
      out.leaf("OrgnlIntrBkSttlmDt", t.originalInterbankSettlementDate());
      out.amount("RtrdIntrBkSttlmAmt", t.returnedInterbankSettlementAmount());
      out.leaf("IntrBkSttlmDt", t.interbankSettlementDate());
      out.leaf("SttlmPrty", t.settlementPriority());
      settlementTimeIndication(out, t.settlementTimeIndication());
      out.amount("RtrdInstdAmt", t.returnedInstructedAmount());
      out.leaf("XchgRate", t.exchangeRate());
      out.amount("CompstnAmt", t.compensationAmount());
      out.leaf("ChrgBr", t.chargeBearer());
      charges(out, t.charges());
      out.leaf("ClrSysRef", t.clearingSystemReference());
      agent(out, "InstgAgt", t.instructingAgent());
      agent(out, "InstdAgt", t.instructedAgent());
      reasonInformation(out, "RtrRsnInf", t.returnReasons());
      out.end("TxInf");
    }
    out.end(m.type().rootElement());
  }
}
