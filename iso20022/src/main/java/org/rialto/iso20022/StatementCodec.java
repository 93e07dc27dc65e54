package org.rialto.iso20022;

import static org.rialto.iso20022.Components.*;

import java.time.OffsetDateTime;
import java.util.List;

/** camt.052.001.08, camt.053.001.08 and camt.054.001.08, which share their account report shape. */
final class StatementCodec {
  private StatementCodec() {}

  /** The element and type names that differ between report, statement and notification. */
  private record Kind(String element, String type, String pagination, String additionalInfo, boolean balances) {}

  private static final Kind REPORT = new Kind("Rpt", "AccountReport25", "RptPgntn", "AddtlRptInf", true);
  private static final Kind STATEMENT = new Kind("Stmt", "AccountStatement9", "StmtPgntn", "AddtlStmtInf", true);
  private static final Kind NOTIFICATION = new Kind("Ntfctn", "AccountNotification17", "NtfctnPgntn", "AddtlNtfctnInf", false);

  private static Kind kind(MessageType t) {
    return switch (t) {
      case CAMT_052_001_08 -> REPORT;
      case CAMT_053_001_08 -> STATEMENT;
      case CAMT_054_001_08 -> NOTIFICATION;
      default -> throw new IllegalArgumentException("not a camt statement message: " + t);
    };
  }

  static IsoMessage read(XmlIn in, MessageType type, int maxEntries) {
    Kind kind = kind(type);
    StatementGroupHeader header = null;
    List<AccountReport> reports = null;
    List<XmlElement> others = null;
    int[] entries = {0};
    while (in.nextChild()) {
      String n = in.name();
      if (n.equals("GrpHdr")) {
        header = groupHeader(in);
      } else if (n.equals(kind.element)) {
        reports = add(reports, report(in, kind, entries, maxEntries));
      } else {
        others = add(others, in.other(SchemaOrder.of(type.rootType())));
      }
    }
    header = in.required(header, "GrpHdr");
    List<AccountReport> r = in.required(reports, kind.element);
    return switch (type) {
      case CAMT_052_001_08 -> new Camt052(header, r, ordered(others, type.rootType()));
      case CAMT_053_001_08 -> new Camt053(header, r, ordered(others, type.rootType()));
      default -> new Camt054(header, r, ordered(others, type.rootType()));
    };
  }

  private static StatementGroupHeader groupHeader(XmlIn in) {
    String id = null, info = null;
    OffsetDateTime created = null;
    Party recipient = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "MsgId" -> id = in.text();
        case "CreDtTm" -> created = in.dateTime();
        case "MsgRcpt" -> recipient = party(in);
        case "AddtlInf" -> info = in.text();
        default -> others = add(others, in.other(SchemaOrder.of("GroupHeader81")));
      }
    }
    return new StatementGroupHeader(in.required(id, "MsgId"), in.required(created, "CreDtTm"), recipient, info, ordered(others, "GroupHeader81"));
  }

  private static AccountReport report(XmlIn in, Kind kind, int[] entryCount, int maxEntries) {
    String id = null, copy = null, info = null;
    Long electronic = null, legal = null;
    OffsetDateTime created = null, from = null, to = null;
    Account account = null, related = null;
    List<Balance> balances = null;
    List<Entry> entries = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      String n = in.name();
      switch (n) {
        case "Id" -> id = in.text();
        case "ElctrncSeqNb" -> electronic = number(in);
        case "LglSeqNb" -> legal = number(in);
        case "CreDtTm" -> created = in.dateTime();
        case "FrToDt" -> {
          while (in.nextChild()) {
            switch (in.name()) {
              case "FrDtTm" -> from = in.dateTime();
              case "ToDtTm" -> to = in.dateTime();
              default -> throw in.unexpected();
            }
          }
          in.required(from, "FrDtTm");
          in.required(to, "ToDtTm");
        }
        case "CpyDplctInd" -> copy = in.text();
        case "Acct" -> account = account(in, true);
        case "RltdAcct" -> related = account(in, false);
        case "Bal" -> {
          if (!kind.balances) throw in.unexpected();
          balances = add(balances, balance(in));
        }
        case "Ntry" -> {
          if (++entryCount[0] > maxEntries) throw in.abort("more than " + maxEntries + " entries");
          entries = add(entries, entry(in));
        }
        default -> {
          if (n.equals(kind.additionalInfo)) {
            info = in.text();
          } else {
            others = add(others, in.other(SchemaOrder.of(kind.type)));
          }
        }
      }
    }
    return new AccountReport(in.required(id, "Id"), electronic, legal, created, from, to, copy, in.required(account, "Acct"), related,
        orEmpty(balances), orEmpty(entries), info, ordered(others, kind.type));
  }

  private static Long number(XmlIn in) {
    java.math.BigDecimal d = in.decimal();
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw in.abort("not a whole number that fits 18 digits: " + d.toPlainString());
    }
  }

  private static Balance balance(XmlIn in) {
    CodeOrProprietary type = null, subType = null;
    Amount amount = null;
    CreditDebit sign = null;
    DateOrDateTime date = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Tp" -> {
          while (in.nextChild()) {
            switch (in.name()) {
              case "CdOrPrtry" -> type = codeOrProprietary(in);
              case "SubTp" -> subType = codeOrProprietary(in);
              default -> throw in.unexpected();
            }
          }
          in.required(type, "CdOrPrtry");
        }
        case "Amt" -> amount = in.amount();
        case "CdtDbtInd" -> sign = in.code(CreditDebit.class);
        case "Dt" -> date = dateOrDateTime(in);
        default -> others = add(others, in.other(SchemaOrder.of("CashBalance8")));
      }
    }
    return new Balance(in.required(type, "Tp"), subType, in.required(amount, "Amt"), in.required(sign, "CdtDbtInd"),
        in.required(date, "Dt"), ordered(others, "CashBalance8"));
  }

  private static Entry entry(XmlIn in) {
    String reference = null, servicerRef = null, info = null;
    Amount amount = null;
    CreditDebit sign = null;
    Boolean reversal = null;
    CodeOrProprietary status = null;
    DateOrDateTime booking = null, value = null;
    BankTransactionCode code = null;
    List<EntryDetails> details = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "NtryRef" -> reference = in.text();
        case "Amt" -> amount = in.amount();
        case "CdtDbtInd" -> sign = in.code(CreditDebit.class);
        case "RvslInd" -> reversal = in.bool();
        case "Sts" -> status = codeOrProprietary(in);
        case "BookgDt" -> booking = dateOrDateTime(in);
        case "ValDt" -> value = dateOrDateTime(in);
        case "AcctSvcrRef" -> servicerRef = in.text();
        case "BkTxCd" -> code = bankTransactionCode(in);
        case "NtryDtls" -> details = add(details, entryDetails(in));
        case "AddtlNtryInf" -> info = in.text();
        default -> others = add(others, in.other(SchemaOrder.of("ReportEntry10")));
      }
    }
    return new Entry(reference, in.required(amount, "Amt"), in.required(sign, "CdtDbtInd"), reversal, in.required(status, "Sts"),
        booking, value, servicerRef, in.required(code, "BkTxCd"), orEmpty(details), info, ordered(others, "ReportEntry10"));
  }

  private static BankTransactionCode bankTransactionCode(XmlIn in) {
    String domain = null, family = null, subFamily = null, code = null, issuer = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Domn" -> {
          while (in.nextChild()) {
            switch (in.name()) {
              case "Cd" -> domain = in.text();
              case "Fmly" -> {
                while (in.nextChild()) {
                  switch (in.name()) {
                    case "Cd" -> family = in.text();
                    case "SubFmlyCd" -> subFamily = in.text();
                    default -> throw in.unexpected();
                  }
                }
                in.required(family, "Cd");
                in.required(subFamily, "SubFmlyCd");
              }
              default -> throw in.unexpected();
            }
          }
          in.required(domain, "Cd");
          in.required(family, "Fmly");
        }
        case "Prtry" -> {
          while (in.nextChild()) {
            switch (in.name()) {
              case "Cd" -> code = in.text();
              case "Issr" -> issuer = in.text();
              default -> throw in.unexpected();
            }
          }
          in.required(code, "Cd");
        }
        default -> throw in.unexpected();
      }
    }
    return new BankTransactionCode(domain, family, subFamily, code, issuer);
  }

  private static EntryDetails entryDetails(XmlIn in) {
    XmlElement batch = null;
    List<EntryTransaction> transactions = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Btch" -> batch = in.element();
        case "TxDtls" -> transactions = add(transactions, entryTransaction(in));
        default -> throw in.unexpected();
      }
    }
    return new EntryDetails(batch, orEmpty(transactions));
  }

  private static EntryTransaction entryTransaction(XmlIn in) {
    TransactionReferences references = null;
    Amount amount = null;
    CreditDebit sign = null;
    BankTransactionCode code = null;
    TransactionParties parties = null;
    TransactionAgents agents = null;
    CodeOrProprietary local = null, purpose = null;
    RemittanceInformation remittance = null;
    String info = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Refs" -> references = references(in);
        case "Amt" -> amount = in.amount();
        case "CdtDbtInd" -> sign = in.code(CreditDebit.class);
        case "BkTxCd" -> code = bankTransactionCode(in);
        case "RltdPties" -> parties = parties(in);
        case "RltdAgts" -> agents = agents(in);
        case "LclInstrm" -> local = codeOrProprietary(in);
        case "Purp" -> purpose = codeOrProprietary(in);
        case "RmtInf" -> remittance = remittanceInformation(in);
        case "AddtlTxInf" -> info = in.text();
        default -> others = add(others, in.other(SchemaOrder.of("EntryTransaction10")));
      }
    }
    return new EntryTransaction(references, amount, sign, code, parties, agents, local, purpose, remittance, info, ordered(others, "EntryTransaction10"));
  }

  private static TransactionReferences references(XmlIn in) {
    String[] v = new String[14];
    List<XmlElement> others = null;
    while (in.nextChild()) {
      int i = switch (in.name()) {
        case "MsgId" -> 0;
        case "AcctSvcrRef" -> 1;
        case "PmtInfId" -> 2;
        case "InstrId" -> 3;
        case "EndToEndId" -> 4;
        case "UETR" -> 5;
        case "TxId" -> 6;
        case "MndtId" -> 7;
        case "ChqNb" -> 8;
        case "ClrSysRef" -> 9;
        case "AcctOwnrTxId" -> 10;
        case "AcctSvcrTxId" -> 11;
        case "MktInfrstrctrTxId" -> 12;
        case "PrcgId" -> 13;
        default -> -1;
      };
      if (i >= 0) {
        v[i] = in.text();
      } else {
        others = add(others, in.other(SchemaOrder.of("TransactionReferences6")));
      }
    }
    return new TransactionReferences(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
        ordered(others, "TransactionReferences6"));
  }

  private static TransactionParties parties(XmlIn in) {
    PartyOrAgent initiating = null, debtor = null, ultimateDebtor = null, creditor = null, ultimateCreditor = null, trading = null;
    Account debtorAccount = null, creditorAccount = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "InitgPty" -> initiating = partyOrAgent(in);
        case "Dbtr" -> debtor = partyOrAgent(in);
        case "DbtrAcct" -> debtorAccount = account(in, false);
        case "UltmtDbtr" -> ultimateDebtor = partyOrAgent(in);
        case "Cdtr" -> creditor = partyOrAgent(in);
        case "CdtrAcct" -> creditorAccount = account(in, false);
        case "UltmtCdtr" -> ultimateCreditor = partyOrAgent(in);
        case "TradgPty" -> trading = partyOrAgent(in);
        default -> others = add(others, in.other(SchemaOrder.of("TransactionParties6")));
      }
    }
    return new TransactionParties(initiating, debtor, debtorAccount, ultimateDebtor, creditor, creditorAccount, ultimateCreditor,
        trading, ordered(others, "TransactionParties6"));
  }

  private static TransactionAgents agents(XmlIn in) {
    Agent instructing = null, instructed = null, debtorAgent = null, creditorAgent = null, i1 = null, i2 = null, i3 = null;
    List<XmlElement> others = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "InstgAgt" -> instructing = agent(in);
        case "InstdAgt" -> instructed = agent(in);
        case "DbtrAgt" -> debtorAgent = agent(in);
        case "CdtrAgt" -> creditorAgent = agent(in);
        case "IntrmyAgt1" -> i1 = agent(in);
        case "IntrmyAgt2" -> i2 = agent(in);
        case "IntrmyAgt3" -> i3 = agent(in);
        default -> others = add(others, in.other(SchemaOrder.of("TransactionAgents5")));
      }
    }
    return new TransactionAgents(instructing, instructed, debtorAgent, creditorAgent, i1, i2, i3, ordered(others, "TransactionAgents5"));
  }

  // ---- writing -----------------------------------------------------------------------------

  static void write(XmlOut out, IsoMessage m) {
    Kind kind = kind(m.type());
    StatementGroupHeader header;
    List<AccountReport> reports;
    List<XmlElement> others;
    switch (m) {
      case Camt052 c -> {
        header = c.groupHeader();
        reports = c.reports();
        others = c.otherElements();
      }
      case Camt053 c -> {
        header = c.groupHeader();
        reports = c.statements();
        others = c.otherElements();
      }
      case Camt054 c -> {
        header = c.groupHeader();
        reports = c.notifications();
        others = c.otherElements();
      }
      default -> throw new IllegalArgumentException("not a camt statement message: " + m.type());
    }
    out.start(m.type().rootElement(), m.type().rootType(), others);
    out.start("GrpHdr", "GroupHeader81", header.otherElements());
    out.leaf("MsgId", header.messageId());
    out.leaf("CreDtTm", header.creationDateTime());
    party(out, "MsgRcpt", header.messageRecipient());
    out.leaf("AddtlInf", header.additionalInformation());
    out.end("GrpHdr");
    for (AccountReport r : reports) report(out, kind, r);
    out.end(m.type().rootElement());
  }

  private static void report(XmlOut out, Kind kind, AccountReport r) {
    if (!kind.balances && !r.balances().isEmpty()) throw new IllegalArgumentException("a notification has no balances");
    out.start(kind.element, kind.type, r.otherElements());
    out.leaf("Id", r.id());
    out.leaf("ElctrncSeqNb", r.electronicSequenceNumber() == null ? null : java.math.BigDecimal.valueOf(r.electronicSequenceNumber()));
    out.leaf("LglSeqNb", r.legalSequenceNumber() == null ? null : java.math.BigDecimal.valueOf(r.legalSequenceNumber()));
    out.leaf("CreDtTm", r.creationDateTime());
    if (r.fromDateTime() != null) {
      out.start("FrToDt");
      out.leaf("FrDtTm", r.fromDateTime());
      out.leaf("ToDtTm", r.toDateTime());
      out.end("FrToDt");
    }
    out.leaf("CpyDplctInd", r.copyDuplicate());
    account(out, "Acct", r.account(), true);
    account(out, "RltdAcct", r.relatedAccount(), false);
    for (Balance b : r.balances()) {
      out.start("Bal", "CashBalance8", b.otherElements());
      out.start("Tp");
      codeOrProprietary(out, "CdOrPrtry", b.type());
      codeOrProprietary(out, "SubTp", b.subType());
      out.end("Tp");
      out.amount("Amt", b.amount());
      out.leaf("CdtDbtInd", b.creditDebit());
      dateOrDateTime(out, "Dt", b.date());
      out.end("Bal");
    }
    for (Entry e : r.entries()) entry(out, e);
    out.leaf(kind.additionalInfo, r.additionalInformation());
    out.end(kind.element);
  }

  private static void entry(XmlOut out, Entry e) {
    out.start("Ntry", "ReportEntry10", e.otherElements());
    out.leaf("NtryRef", e.entryReference());
    out.amount("Amt", e.amount());
    out.leaf("CdtDbtInd", e.creditDebit());
    out.leaf("RvslInd", e.reversal());
    codeOrProprietary(out, "Sts", e.status());
    dateOrDateTime(out, "BookgDt", e.bookingDate());
    dateOrDateTime(out, "ValDt", e.valueDate());
    out.leaf("AcctSvcrRef", e.accountServicerReference());
    bankTransactionCode(out, e.bankTransactionCode());
    for (EntryDetails d : e.details()) {
      out.start("NtryDtls");
      out.element(d.batch());
      for (EntryTransaction t : d.transactions()) entryTransaction(out, t);
      out.end("NtryDtls");
    }
    out.leaf("AddtlNtryInf", e.additionalInformation());
    out.end("Ntry");
  }

  private static void bankTransactionCode(XmlOut out, BankTransactionCode c) {
    if (c == null) return;
    out.start("BkTxCd");
    if (c.domain() != null) {
      out.start("Domn");
      out.leaf("Cd", c.domain());
      out.start("Fmly");
      out.leaf("Cd", c.family());
      out.leaf("SubFmlyCd", c.subFamily());
      out.end("Fmly");
      out.end("Domn");
    }
    if (c.proprietaryCode() != null) {
      out.start("Prtry");
      out.leaf("Cd", c.proprietaryCode());
      out.leaf("Issr", c.proprietaryIssuer());
      out.end("Prtry");
    }
    out.end("BkTxCd");
  }

  private static void entryTransaction(XmlOut out, EntryTransaction t) {
    out.start("TxDtls", "EntryTransaction10", t.otherElements());
    TransactionReferences r = t.references();
    if (r != null) {
      out.start("Refs", "TransactionReferences6", r.otherElements());
      out.leaf("MsgId", r.messageId());
      out.leaf("AcctSvcrRef", r.accountServicerReference());
      out.leaf("PmtInfId", r.paymentInformationId());
      out.leaf("InstrId", r.instructionId());
      out.leaf("EndToEndId", r.endToEndId());
      out.leaf("UETR", r.uetr());
      out.leaf("TxId", r.transactionId());
      out.leaf("MndtId", r.mandateId());
      out.leaf("ChqNb", r.chequeNumber());
      out.leaf("ClrSysRef", r.clearingSystemReference());
      out.leaf("AcctOwnrTxId", r.accountOwnerTransactionId());
      out.leaf("AcctSvcrTxId", r.accountServicerTransactionId());
      out.leaf("MktInfrstrctrTxId", r.marketInfrastructureTransactionId());
      out.leaf("PrcgId", r.processingId());
      out.end("Refs");
    }
    out.amount("Amt", t.amount());
    out.leaf("CdtDbtInd", t.creditDebit());
    bankTransactionCode(out, t.bankTransactionCode());
    TransactionParties p = t.relatedParties();
    if (p != null) {
      out.start("RltdPties", "TransactionParties6", p.otherElements());
      partyOrAgent(out, "InitgPty", p.initiatingParty());
      partyOrAgent(out, "Dbtr", p.debtor());
      account(out, "DbtrAcct", p.debtorAccount());
      partyOrAgent(out, "UltmtDbtr", p.ultimateDebtor());
      partyOrAgent(out, "Cdtr", p.creditor());
      account(out, "CdtrAcct", p.creditorAccount());
      partyOrAgent(out, "UltmtCdtr", p.ultimateCreditor());
      partyOrAgent(out, "TradgPty", p.tradingParty());
      out.end("RltdPties");
    }
    TransactionAgents a = t.relatedAgents();
    if (a != null) {
      out.start("RltdAgts", "TransactionAgents5", a.otherElements());
      agent(out, "InstgAgt", a.instructingAgent());
      agent(out, "InstdAgt", a.instructedAgent());
      agent(out, "DbtrAgt", a.debtorAgent());
      agent(out, "CdtrAgt", a.creditorAgent());
      agent(out, "IntrmyAgt1", a.intermediaryAgent1());
      agent(out, "IntrmyAgt2", a.intermediaryAgent2());
      agent(out, "IntrmyAgt3", a.intermediaryAgent3());
      out.end("RltdAgts");
    }
    codeOrProprietary(out, "LclInstrm", t.localInstrument());
    codeOrProprietary(out, "Purp", t.purpose());
    remittanceInformation(out, t.remittanceInformation());
    out.leaf("AddtlTxInf", t.additionalInformation());
    out.end("TxDtls");
  }
}
