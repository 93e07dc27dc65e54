package org.rialto.iso20022;

import static org.rialto.iso20022.Components.*;

import java.util.List;

/** pacs.008.001.08 and pacs.009.001.08. */
final class CreditTransferCodec {
  private CreditTransferCodec() {}

  // ---- group header ------------------------------------------------------------------------

  static CreditTransferGroupHeader groupHeader(XmlIn in) {
    String id = null, count = null;
    java.time.OffsetDateTime created = null;
    Boolean batch = null;
    java.math.BigDecimal sum = null;
    Amount total = null;
    java.time.LocalDate date = null;
    SettlementInstruction settlement = null;
    PaymentTypeInformation type = null;
    Agent instructing = null, instructed = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "MsgId" -> id = in.text();
        case "CreDtTm" -> created = in.dateTime();
        case "BtchBookg" -> batch = in.bool();
        case "NbOfTxs" -> count = in.text();
        case "CtrlSum" -> sum = in.decimal();
        case "TtlIntrBkSttlmAmt" -> total = in.amount();
        case "IntrBkSttlmDt" -> date = in.date();
        case "SttlmInf" -> settlement = settlementInstruction(in);
        case "PmtTpInf" -> type = paymentTypeInformation(in, false);
        case "InstgAgt" -> instructing = agent(in);
        case "InstdAgt" -> instructed = agent(in);
        default -> throw in.unexpected();
      }
    }
    return new CreditTransferGroupHeader(in.required(id, "MsgId"), in.required(created, "CreDtTm"), batch,
        in.required(count, "NbOfTxs"), sum, total, date, in.required(settlement, "SttlmInf"), type, instructing, instructed);
  }

  static void groupHeader(XmlOut out, CreditTransferGroupHeader h) {
    out.start("GrpHdr");
    out.leaf("MsgId", h.messageId());
    out.leaf("CreDtTm", h.creationDateTime());
    out.leaf("BtchBookg", h.batchBooking());
    out.leaf("NbOfTxs", h.numberOfTransactions());
    out.leaf("CtrlSum", h.controlSum());
    out.amount("TtlIntrBkSttlmAmt", h.totalInterbankSettlementAmount());
    out.leaf("IntrBkSttlmDt", h.interbankSettlementDate());
    settlementInstruction(out, h.settlementInstruction());
    paymentTypeInformation(out, "PmtTpInf", h.paymentTypeInformation(), false);
    agent(out, "InstgAgt", h.instructingAgent());
    agent(out, "InstdAgt", h.instructedAgent());
    out.end("GrpHdr");
  }

  // ---- pacs.008 ----------------------------------------------------------------------------

  private static final String CTT39 = "CreditTransferTransaction39";

  static Pacs008 readPacs008(XmlIn in, int maxTransactions) {
    CreditTransferGroupHeader header = null;
    List<CreditTransfer> transactions = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "GrpHdr" -> header = groupHeader(in);
        case "CdtTrfTxInf" -> {
          transactions = add(transactions, creditTransfer(in));
          if (transactions.size() > maxTransactions) throw in.abort("more than " + maxTransactions + " transactions");
        }
        default -> others = add(others, in.other(SchemaOrder.of(MessageType.PACS_008_001_08.rootType())));
      }
    }
    return new Pacs008(in.required(header, "GrpHdr"), in.required(transactions, "CdtTrfTxInf"), ordered(others, MessageType.PACS_008_001_08.rootType()));
  }

  static CreditTransfer creditTransfer(XmlIn in) {
    CreditTransfer.Builder b = CreditTransfer.builder();
    List<Charge> charges = null;
    List<Instruction> forCreditorAgent = null, forNextAgent = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      if (sharedElement(in, b)) continue;
      switch (in.name()) {
        case "AccptncDtTm" -> b.acceptanceDateTime(in.dateTime());
        case "PoolgAdjstmntDt" -> b.poolingAdjustmentDate(in.date());
        case "InstdAmt" -> b.instructedAmount(in.amount());
        case "XchgRate" -> b.exchangeRate(in.decimal());
        case "ChrgBr" -> b.chargeBearer(in.code(ChargeBearer.class));
        case "ChrgsInf" -> charges = add(charges, charge(in));
        case "UltmtDbtr" -> b.ultimateDebtor(party(in));
        case "InitgPty" -> b.initiatingParty(party(in));
        case "Dbtr" -> b.debtor(party(in));
        case "Cdtr" -> b.creditor(party(in));
        case "UltmtCdtr" -> b.ultimateCreditor(party(in));
        case "InstrForCdtrAgt" -> forCreditorAgent = add(forCreditorAgent, instruction(in));
        case "InstrForNxtAgt" -> forNextAgent = add(forNextAgent, instruction(in));
        case "RmtInf" -> b.remittanceInformation(remittanceInformation(in));
        default -> others = add(others, in.other(SchemaOrder.of(CTT39)));
      }
    }
    return b.charges(orEmpty(charges)).instructionsForCreditorAgent(orEmpty(forCreditorAgent))
        .instructionsForNextAgent(orEmpty(forNextAgent)).otherElements(ordered(others, CTT39)).build();
  }

  static void writePacs008(XmlOut out, Pacs008 m) {
    out.start(m.type().rootElement(), m.type().rootType(), m.otherElements());
    groupHeader(out, m.groupHeader());
    for (CreditTransfer t : m.transactions()) creditTransfer(out, t);
    out.end(m.type().rootElement());
  }

  static void creditTransfer(XmlOut out, CreditTransfer t) {
    out.start("CdtTrfTxInf", CTT39, t.otherElements());
    paymentAndSettlement(out, t);
    out.leaf("AccptncDtTm", t.acceptanceDateTime());
    out.leaf("PoolgAdjstmntDt", t.poolingAdjustmentDate());
    out.amount("InstdAmt", t.instructedAmount());
    out.leaf("XchgRate", t.exchangeRate());
    out.leaf("ChrgBr", t.chargeBearer());
    charges(out, t.charges());
    agentChain(out, t);
    party(out, "UltmtDbtr", t.ultimateDebtor());
    party(out, "InitgPty", t.initiatingParty());
    party(out, "Dbtr", t.debtor());
    debtorAndCreditorAgents(out, t);
    party(out, "Cdtr", t.creditor());
    account(out, "CdtrAcct", t.creditorAccount());
    party(out, "UltmtCdtr", t.ultimateCreditor());
    instructionsAndPurpose(out, t);
    remittanceInformation(out, t.remittanceInformation());
    out.end("CdtTrfTxInf");
  }

  // ---- pacs.009 ----------------------------------------------------------------------------

  private static final String CTT36 = "CreditTransferTransaction36";

  static Pacs009 readPacs009(XmlIn in, int maxTransactions) {
    CreditTransferGroupHeader header = null;
    List<FiCreditTransfer> transactions = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "GrpHdr" -> header = groupHeader(in);
        case "CdtTrfTxInf" -> {
          transactions = add(transactions, fiCreditTransfer(in));
          if (transactions.size() > maxTransactions) throw in.abort("more than " + maxTransactions + " transactions");
        }
        default -> others = add(others, in.other(SchemaOrder.of(MessageType.PACS_009_001_08.rootType())));
      }
    }
    return new Pacs009(in.required(header, "GrpHdr"), in.required(transactions, "CdtTrfTxInf"), ordered(others, MessageType.PACS_009_001_08.rootType()));
  }

  static FiCreditTransfer fiCreditTransfer(XmlIn in) {
    FiCreditTransfer.Builder b = FiCreditTransfer.builder();
    List<Instruction> forCreditorAgent = null, forNextAgent = null;
    List<String> remittance = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      if (sharedElement(in, b)) continue;
      switch (in.name()) {
        case "UltmtDbtr" -> b.ultimateDebtor(agent(in));
        case "Dbtr" -> b.debtor(agent(in));
        case "Cdtr" -> b.creditor(agent(in));
        case "UltmtCdtr" -> b.ultimateCreditor(agent(in));
        case "InstrForCdtrAgt" -> forCreditorAgent = add(forCreditorAgent, instruction(in));
        case "InstrForNxtAgt" -> forNextAgent = add(forNextAgent, instruction(in));
        case "RmtInf" -> {
          while (in.nextChild()) {
            if (!in.name().equals("Ustrd")) throw in.unexpected();
            remittance = add(remittance, in.text());
          }
        }
        default -> others = add(others, in.other(SchemaOrder.of(CTT36)));
      }
    }
    return b.instructionsForCreditorAgent(orEmpty(forCreditorAgent)).instructionsForNextAgent(orEmpty(forNextAgent))
        .remittanceInformation(orEmpty(remittance)).otherElements(ordered(others, CTT36)).build();
  }

  static void writePacs009(XmlOut out, Pacs009 m) {
    out.start(m.type().rootElement(), m.type().rootType(), m.otherElements());
    groupHeader(out, m.groupHeader());
    for (FiCreditTransfer t : m.transactions()) fiCreditTransfer(out, t);
    out.end(m.type().rootElement());
  }

  static void fiCreditTransfer(XmlOut out, FiCreditTransfer t) {
    out.start("CdtTrfTxInf", CTT36, t.otherElements());
    paymentAndSettlement(out, t);
    agentChain(out, t);
    agent(out, "UltmtDbtr", t.ultimateDebtor());
    agent(out, "Dbtr", t.debtor());
    debtorAndCreditorAgents(out, t);
    agent(out, "Cdtr", t.creditor());
    account(out, "CdtrAcct", t.creditorAccount());
    agent(out, "UltmtCdtr", t.ultimateCreditor());
    instructionsAndPurpose(out, t);
    if (!t.remittanceInformation().isEmpty()) {
      out.start("RmtInf");
      out.leaves("Ustrd", t.remittanceInformation());
      out.end("RmtInf");
    }
    out.end("CdtTrfTxInf");
  }

  // ---- what pacs.008 and pacs.009 transactions share ---------------------------------------

  /** Reads the element {@code in} is at if both transaction types have it once at most; false if not. */
  private static boolean sharedElement(XmlIn in, CreditTransferTransaction.Builder<?> b) {
    switch (in.name()) {
      case "PmtId" -> b.paymentId(paymentId(in));
      case "PmtTpInf" -> b.paymentTypeInformation(paymentTypeInformation(in, false));
      case "IntrBkSttlmAmt" -> b.interbankSettlementAmount(in.amount());
      case "IntrBkSttlmDt" -> b.interbankSettlementDate(in.date());
      case "SttlmPrty" -> b.settlementPriority(in.code(SettlementPriority.class));
      case "SttlmTmIndctn" -> b.settlementTimeIndication(settlementTimeIndication(in));
      case "SttlmTmReq" -> b.settlementTimeRequest(settlementTimeRequest(in));
      case "PrvsInstgAgt1" -> b.previousInstructingAgent1(agent(in));
      case "PrvsInstgAgt1Acct" -> b.previousInstructingAgent1Account(account(in, false));
      case "PrvsInstgAgt2" -> b.previousInstructingAgent2(agent(in));
      case "PrvsInstgAgt2Acct" -> b.previousInstructingAgent2Account(account(in, false));
      case "PrvsInstgAgt3" -> b.previousInstructingAgent3(agent(in));
      case "PrvsInstgAgt3Acct" -> b.previousInstructingAgent3Account(account(in, false));
      case "InstgAgt" -> b.instructingAgent(agent(in));
      case "InstdAgt" -> b.instructedAgent(agent(in));
      case "IntrmyAgt1" -> b.intermediaryAgent1(agent(in));
      case "IntrmyAgt1Acct" -> b.intermediaryAgent1Account(account(in, false));
      case "IntrmyAgt2" -> b.intermediaryAgent2(agent(in));
      case "IntrmyAgt2Acct" -> b.intermediaryAgent2Account(account(in, false));
      case "IntrmyAgt3" -> b.intermediaryAgent3(agent(in));
      case "IntrmyAgt3Acct" -> b.intermediaryAgent3Account(account(in, false));
      case "DbtrAcct" -> b.debtorAccount(account(in, false));
      case "DbtrAgt" -> b.debtorAgent(agent(in));
      case "DbtrAgtAcct" -> b.debtorAgentAccount(account(in, false));
      case "CdtrAgt" -> b.creditorAgent(agent(in));
      case "CdtrAgtAcct" -> b.creditorAgentAccount(account(in, false));
      case "CdtrAcct" -> b.creditorAccount(account(in, false));
      case "Purp" -> b.purpose(codeOrProprietary(in));
      default -> {
        return false;
      }
    }
    return true;
  }

  /** PmtId to SttlmTmReq. */
  private static void paymentAndSettlement(XmlOut out, CreditTransferTransaction t) {
    paymentId(out, t.paymentId());
    paymentTypeInformation(out, "PmtTpInf", t.paymentTypeInformation(), false);
    out.amount("IntrBkSttlmAmt", t.interbankSettlementAmount());
    out.leaf("IntrBkSttlmDt", t.interbankSettlementDate());
    out.leaf("SttlmPrty", t.settlementPriority());
    settlementTimeIndication(out, t.settlementTimeIndication());
    settlementTimeRequest(out, t.settlementTimeRequest());
  }

  /** The agents the payment passes: previous instructing agents, instructing, instructed and intermediary agents. */
  private static void agentChain(XmlOut out, CreditTransferTransaction t) {
    agent(out, "PrvsInstgAgt1", t.previousInstructingAgent1());
    account(out, "PrvsInstgAgt1Acct", t.previousInstructingAgent1Account());
    agent(out, "PrvsInstgAgt2", t.previousInstructingAgent2());
    account(out, "PrvsInstgAgt2Acct", t.previousInstructingAgent2Account());
    agent(out, "PrvsInstgAgt3", t.previousInstructingAgent3());
    account(out, "PrvsInstgAgt3Acct", t.previousInstructingAgent3Account());
    agent(out, "InstgAgt", t.instructingAgent());
    agent(out, "InstdAgt", t.instructedAgent());
    agent(out, "IntrmyAgt1", t.intermediaryAgent1());
    account(out, "IntrmyAgt1Acct", t.intermediaryAgent1Account());
    agent(out, "IntrmyAgt2", t.intermediaryAgent2());
    account(out, "IntrmyAgt2Acct", t.intermediaryAgent2Account());
    agent(out, "IntrmyAgt3", t.intermediaryAgent3());
    account(out, "IntrmyAgt3Acct", t.intermediaryAgent3Account());
  }

  /** DbtrAcct to CdtrAgtAcct: between the debtor and the creditor, whose types differ. */
  private static void debtorAndCreditorAgents(XmlOut out, CreditTransferTransaction t) {
    account(out, "DbtrAcct", t.debtorAccount());
    agent(out, "DbtrAgt", t.debtorAgent());
    account(out, "DbtrAgtAcct", t.debtorAgentAccount());
    agent(out, "CdtrAgt", t.creditorAgent());
    account(out, "CdtrAgtAcct", t.creditorAgentAccount());
  }

  private static void instructionsAndPurpose(XmlOut out, CreditTransferTransaction t) {
    instructions(out, "InstrForCdtrAgt", t.instructionsForCreditorAgent());
    instructions(out, "InstrForNxtAgt", t.instructionsForNextAgent());
    codeOrProprietary(out, "Purp", t.purpose());
  }
}
