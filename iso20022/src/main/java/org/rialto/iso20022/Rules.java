package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The business rules: what the XSD cannot say. Each breach is a {@link Finding} with the ISO
 * reason code a status report should carry (the module README lists them). Paths start at the
 * Document ({@code /Document/...}) or the header ({@code /AppHdr/...}).
 */
final class Rules {
  /** An interbank settlement date may lie this far after the creation date (warehoused payments). */
  private static final int MAX_SETTLEMENT_DAYS_AHEAD = 366;
  /** Before the creation date by at most a day: time zones put "today" on two dates. */
  private static final int MAX_SETTLEMENT_DAYS_BEHIND = 1;
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1850, 1, 1);
  private static final long MAX_CLOCK_AHEAD_SECONDS = 24 * 3600;

  private final Findings f;
  private final Instant referenceTime;

  private Rules(Findings f, Instant referenceTime) {
    this.f = f;
    this.referenceTime = referenceTime;
  }

  static List<Finding> check(Envelope envelope, List<Finding> parseFindings, ReadOptions options) {
    Findings findings = new Findings(options.limits().maxFindings());
    for (Finding p : parseFindings) findings.add(p);
    Rules r = new Rules(findings, options.referenceTime());
    if (envelope.header() != null) r.header(envelope.header());
    switch (envelope.document()) {
      case Pacs008 m -> r.creditTransfers("/Document/FIToFICstmrCdtTrf", m.groupHeader(), m.transactions());
      case Pacs009 m -> r.creditTransfers("/Document/FICdtTrf", m.groupHeader(), m.transactions());
      case Pacs002 m -> r.pacs002(m);
      case Pacs004 m -> r.pacs004(m);
      case Pacs028 m -> r.pacs028(m);
      case Camt052 m -> r.reports("/Document/BkToCstmrAcctRpt", m.groupHeader(), "Rpt", m.reports());
      case Camt053 m -> r.reports("/Document/BkToCstmrStmt", m.groupHeader(), "Stmt", m.statements());
      case Camt054 m -> r.reports("/Document/BkToCstmrDbtCdtNtfctn", m.groupHeader(), "Ntfctn", m.notifications());
      case Camt056 m -> r.camt056(m);
      case Camt029 m -> r.camt029(m);
      case Admi002 m -> {}
    }
    return findings.toList();
  }

  private void add(ReasonCode code, String path, String text) {
    f.add(code, path, text);
  }

  // ---- header ------------------------------------------------------------------------------

  private void header(BusinessApplicationHeader h) {
    partyOrAgent("/AppHdr", "/Fr", h.from(), "OrgId", "FIId", ReasonCode.BE15);
    partyOrAgent("/AppHdr", "/To", h.to(), "OrgId", "FIId", ReasonCode.BE15);
    creationTime("/AppHdr/CreDt", "", h.creationDate());
  }

  // ---- pacs.008 and pacs.009 --------------------------------------------------------------

  private void creditTransfers(String root, CreditTransferGroupHeader h, List<? extends CreditTransferTransaction> txs) {
    final String hp = root + "/GrpHdr";
    groupHeader(hp, h, txs.size());
    BigDecimal sum = BigDecimal.ZERO;
    String totalCurrency = h.totalInterbankSettlementAmount() == null ? null : h.totalInterbankSettlementAmount().currency();
    // Duplicates need two transactions: a single-transaction message builds no sets.
    Set<String> uetrs = txs.size() > 1 ? new HashSet<>(txs.size() * 2) : null;
    Set<String> txIds = txs.size() > 1 ? new HashSet<>(txs.size() * 2) : null;
    Set<String> instrIds = txs.size() > 1 ? new HashSet<>(txs.size() * 2) : null;
    LocalDate created = h.creationDateTime().toLocalDate();
    for (int i = 0; i < txs.size(); i++) {
      CreditTransferTransaction t = txs.get(i);
      String p = root + "/CdtTrfTxInf[" + (i + 1) + "]";
      sum = sum.add(t.interbankSettlementAmount().value());
      if (totalCurrency != null && !totalCurrency.equals(t.interbankSettlementAmount().currency())) {
        add(ReasonCode.AM10, p + "/IntrBkSttlmAmt", "currency " + t.interbankSettlementAmount().currency()
            + " differs from TtlIntrBkSttlmAmt currency " + totalCurrency);
      }
      paymentId(p, t.paymentId(), uetrs, txIds, instrIds);
      amount(p, "/IntrBkSttlmAmt", t.interbankSettlementAmount(), true);
      settlementDates(p, t.interbankSettlementDate(), h);
      if (t.paymentTypeInformation() != null && h.paymentTypeInformation() != null) {
        add(ReasonCode.CH17, p + "/PmtTpInf", "PmtTpInf is in the group header, so not allowed in a transaction");
      }
      // instanceof rather than a pattern switch: no bootstrap call per transaction on the hot path.
      if (t instanceof CreditTransfer c) {
        creditTransfer(p, c, h, created);
      } else {
        fiCreditTransfer(p, (FiCreditTransfer) t, h);
      }
    }
    groupTotals(hp, h.controlSum(), h.totalInterbankSettlementAmount(), sum, "TtlIntrBkSttlmAmt");
  }

  private void groupHeader(String hp, CreditTransferGroupHeader h, int count) {
    creationTime(hp, "/CreDtTm", h.creationDateTime());
    numberOfTransactions(hp, "/NbOfTxs", h.numberOfTransactions(), count);
    if (h.totalInterbankSettlementAmount() != null) {
      amount(hp, "/TtlIntrBkSttlmAmt", h.totalInterbankSettlementAmount(), false);
      if (h.interbankSettlementDate() == null) {
        add(ReasonCode.DT01, hp + "/IntrBkSttlmDt", "TtlIntrBkSttlmAmt is present, so IntrBkSttlmDt must be too");
      }
    }
    if (h.interbankSettlementDate() != null) settlementDate(hp, "/IntrBkSttlmDt", h.interbankSettlementDate(), h.creationDateTime());
    settlementInstruction(hp, h.settlementInstruction());
    agent(hp, "/InstgAgt", h.instructingAgent());
    agent(hp, "/InstdAgt", h.instructedAgent());
  }

  private void groupTotals(String hp, BigDecimal controlSum, Amount total, BigDecimal sum, String totalName) {
    if (controlSum != null && controlSum.compareTo(sum) != 0) {
      add(ReasonCode.AM10, hp + "/CtrlSum", "CtrlSum " + controlSum.toPlainString() + " is not the sum of the amounts, "
          + sum.toPlainString());
    }
    if (total != null && total.value().compareTo(sum) != 0) {
      add(ReasonCode.AM10, hp + "/" + totalName, totalName + " " + total.value().toPlainString()
          + " is not the sum of the amounts, " + sum.toPlainString());
    }
  }

  private void creditTransfer(String p, CreditTransfer t, CreditTransferGroupHeader h, LocalDate created) {
    if (t.acceptanceDateTime() != null) noLaterThanCreation(p, "/AccptncDtTm", t.acceptanceDateTime(), h.creationDateTime());
    if (t.instructedAmount() != null) {
      amount(p, "/InstdAmt", t.instructedAmount(), true);
      boolean sameCurrency = t.instructedAmount().currency().equals(t.interbankSettlementAmount().currency());
      if (!sameCurrency && t.exchangeRate() == null) {
        add(ReasonCode.CH21, p + "/XchgRate", "InstdAmt is in " + t.instructedAmount().currency()
            + ", IntrBkSttlmAmt in " + t.interbankSettlementAmount().currency() + ": XchgRate is required");
      }
      if (sameCurrency && t.exchangeRate() != null) {
        add(ReasonCode.CH17, p + "/XchgRate", "InstdAmt and IntrBkSttlmAmt share a currency: XchgRate is not allowed");
      }
    }
    if (t.exchangeRate() != null && t.exchangeRate().signum() <= 0) {
      add(ReasonCode.CH16, p + "/XchgRate", "exchange rate must be positive");
    }
    if (!t.charges().isEmpty() && t.instructedAmount() == null) {
      add(ReasonCode.CH21, p + "/InstdAmt", "ChrgsInf is present, so InstdAmt must be too");
    }
    if (t.chargeBearer() == ChargeBearer.SLEV && !hasServiceLevel(t.paymentTypeInformation())
        && !hasServiceLevel(h.paymentTypeInformation())) {
      add(ReasonCode.BE19, p + "/ChrgBr", "charge bearer SLEV follows a service level, but none is given");
    }
    charges(p, t.charges());
    agentChain(p, t, h);
    party(p, "/UltmtDbtr", t.ultimateDebtor(), ReasonCode.BE16, created);
    party(p, "/InitgPty", t.initiatingParty(), ReasonCode.BE15, created);
    party(p, "/Dbtr", t.debtor(), ReasonCode.BE16, created);
    debtorAndCreditorAgents(p, t);
    party(p, "/Cdtr", t.creditor(), ReasonCode.BE17, created);
    account(p, "/CdtrAcct", t.creditorAccount());
    party(p, "/UltmtCdtr", t.ultimateCreditor(), ReasonCode.BE17, created);
    for (Instruction i : t.instructionsForCreditorAgent()) {
      if ("CHQB".equals(i.code()) && t.creditorAccount() != null) {
        add(ReasonCode.CH17, p + "/CdtrAcct", "InstrForCdtrAgt CHQB (pay by cheque) does not allow a creditor account");
      }
    }
    fatfRecommendation16(p, t);
  }

  /**
   * FATF Recommendation 16 (wire transfers): the originator's name, account and address (or date
   * and place of birth, or a national or customer identification); the beneficiary's name and
   * account.
   */
  private void fatfRecommendation16(String p, CreditTransfer t) {
    Party d = t.debtor();
    if (isBlank(d.name())) add(ReasonCode.RR02, p + "/Dbtr/Nm", "FATF R16: the debtor's name is missing");
    if (t.debtorAccount() == null) add(ReasonCode.RR01, p + "/DbtrAcct", "FATF R16: the debtor's account is missing");
    boolean located = d.postalAddress() != null && d.postalAddress().isSufficient();
    boolean identified = switch (d.id()) {
      case null -> false;
      case PartyId.Organisation o -> o.anyBic() != null || o.lei() != null || !o.others().isEmpty();
      case PartyId.Person person -> person.birth() != null || !person.others().isEmpty();
    };
    if (!located && !identified) {
      add(ReasonCode.RR02, p + "/Dbtr", "FATF R16: the debtor needs a postal address (country and town, or address lines),"
          + " a date and place of birth, or a national or customer identification");
    }
    Party c = t.creditor();
    if (isBlank(c.name())) add(ReasonCode.RR03, p + "/Cdtr/Nm", "FATF R16: the creditor's name is missing");
    if (t.creditorAccount() == null) add(ReasonCode.RR04, p + "/CdtrAcct", "FATF R16: the creditor's account is missing");
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean hasServiceLevel(PaymentTypeInformation p) {
    return p != null && !p.serviceLevels().isEmpty();
  }

  /** The agents the payment passes: in a transaction only where the group header has none. */
  private void agentChain(String p, CreditTransferTransaction t, CreditTransferGroupHeader h) {
    if (t.instructingAgent() != null && h.instructingAgent() != null) {
      add(ReasonCode.CH17, p + "/InstgAgt", "InstgAgt is in the group header, so not allowed in a transaction");
    }
    if (t.instructedAgent() != null && h.instructedAgent() != null) {
      add(ReasonCode.CH17, p + "/InstdAgt", "InstdAgt is in the group header, so not allowed in a transaction");
    }
    chain(p, PREVIOUS, PREVIOUS_ACCOUNT, t.previousInstructingAgent1(), t.previousInstructingAgent1Account(), t.previousInstructingAgent2(),
        t.previousInstructingAgent2Account(), t.previousInstructingAgent3(), t.previousInstructingAgent3Account());
    chain(p, INTERMEDIARY, INTERMEDIARY_ACCOUNT, t.intermediaryAgent1(), t.intermediaryAgent1Account(), t.intermediaryAgent2(),
        t.intermediaryAgent2Account(), t.intermediaryAgent3(), t.intermediaryAgent3Account());
    agent(p, "/InstgAgt", t.instructingAgent());
    agent(p, "/InstdAgt", t.instructedAgent());
  }

  /** DbtrAcct to CdtrAgtAcct: between the debtor and the creditor, whose types differ. */
  private void debtorAndCreditorAgents(String p, CreditTransferTransaction t) {
    account(p, "/DbtrAcct", t.debtorAccount());
    agent(p, "/DbtrAgt", t.debtorAgent());
    account(p, "/DbtrAgtAcct", t.debtorAgentAccount());
    agent(p, "/CdtrAgt", t.creditorAgent());
    account(p, "/CdtrAgtAcct", t.creditorAgentAccount());
  }

  private static final String[] PREVIOUS = {"/PrvsInstgAgt1", "/PrvsInstgAgt2", "/PrvsInstgAgt3"};
  private static final String[] PREVIOUS_ACCOUNT = {"/PrvsInstgAgt1Acct", "/PrvsInstgAgt2Acct", "/PrvsInstgAgt3Acct"};
  private static final String[] INTERMEDIARY = {"/IntrmyAgt1", "/IntrmyAgt2", "/IntrmyAgt3"};
  private static final String[] INTERMEDIARY_ACCOUNT = {"/IntrmyAgt1Acct", "/IntrmyAgt2Acct", "/IntrmyAgt3Acct"};

  /** Agent N+1 needs agent N; an account needs its agent. */
  private void chain(String p, String[] names, String[] accountNames, Agent a1, Account c1, Agent a2, Account c2, Agent a3,
      Account c3) {
    if (a1 == null && c1 == null && a2 == null && c2 == null && a3 == null && c3 == null) return;
    Agent[] agents = {a1, a2, a3};
    Account[] accounts = {c1, c2, c3};
    for (int i = 0; i < 3; i++) {
      agent(p, names[i], agents[i]);
      account(p, accountNames[i], accounts[i]);
      if (accounts[i] != null && agents[i] == null) {
        add(ReasonCode.CH21, p + names[i], names[i].substring(1) + "Acct is present, so " + names[i].substring(1) + " must be too");
      }
      if (i > 0 && agents[i] != null && agents[i - 1] == null) {
        add(ReasonCode.CH21, p + names[i - 1], names[i].substring(1) + " is present, so " + names[i - 1].substring(1) + " must be too");
      }
    }
  }

  private void settlementDates(String p, LocalDate txDate, CreditTransferGroupHeader h) {
    if (txDate != null && h.interbankSettlementDate() != null) {
      add(ReasonCode.CH17, p + "/IntrBkSttlmDt", "IntrBkSttlmDt is in the group header, so not allowed in a transaction");
    }
    if (txDate == null && h.interbankSettlementDate() == null) {
      add(ReasonCode.DT01, p + "/IntrBkSttlmDt", "no interbank settlement date, in the transaction or the group header");
    }
    if (txDate != null) settlementDate(p, "/IntrBkSttlmDt", txDate, h.creationDateTime());
  }

  /** The creation date the settlement window was computed for, and the window: once per message. */
  private LocalDate windowDay;
  private LocalDate earliestSettlement;
  private LocalDate latestSettlement;

  private void settlementDate(String base, String mid, LocalDate date, OffsetDateTime created) {
    LocalDate day = created.toLocalDate();
    if (!day.equals(windowDay)) {
      windowDay = day;
      earliestSettlement = day.minusDays(MAX_SETTLEMENT_DAYS_BEHIND);
      latestSettlement = day.plusDays(MAX_SETTLEMENT_DAYS_AHEAD);
    }
    if (date.isBefore(earliestSettlement)) {
      add(ReasonCode.DT01, base + mid, "settlement date " + date + " is before the message was created (" + day + ")");
    } else if (date.isAfter(latestSettlement)) {
      add(ReasonCode.DT01, base + mid, "settlement date " + date + " is more than " + MAX_SETTLEMENT_DAYS_AHEAD
          + " days after the message was created (" + day + ")");
    }
  }

  private void creationTime(String base, String mid, OffsetDateTime created) {
    if (created.getYear() < 2000) add(ReasonCode.DT01, base + mid, "creation date-time " + created + " is before the year 2000");
    if (referenceTime != null && created.toInstant().isAfter(referenceTime.plusSeconds(MAX_CLOCK_AHEAD_SECONDS))) {
      add(ReasonCode.DT01, base + mid, "creation date-time " + created + " is more than a day in the future");
    }
  }

  private void noLaterThanCreation(String base, String mid, OffsetDateTime t, OffsetDateTime created) {
    if (t.isAfter(created.plusSeconds(MAX_CLOCK_AHEAD_SECONDS))) {
      add(ReasonCode.DT01, base + mid, t + " is more than a day after the message was created (" + created + ")");
    }
  }

  private void numberOfTransactions(String base, String mid, String declared, int actual) {
    long n;
    try {
      n = Long.parseLong(declared);
    } catch (NumberFormatException e) {
      add(ReasonCode.AM18, base + mid, "NbOfTxs '" + declared + "' is not a number");
      return;
    }
    if (n != actual) add(ReasonCode.AM18, base + mid, "NbOfTxs is " + n + " but the message holds " + actual + " transactions");
  }

  private void paymentId(String p, PaymentId id, Set<String> uetrs, Set<String> txIds, Set<String> instrIds) {
    String uetr = id.uetr();
    if (uetr == null) {
      add(ReasonCode.CH21, p + "/PmtId/UETR", "a UETR is required: every payment is tracked end to end by it");
    } else {
      uetr(p, "/PmtId/UETR", uetr);
      if (uetrs != null && !uetrs.add(uetr)) add(ReasonCode.DU03, p + "/PmtId/UETR", "UETR " + uetr + " appears twice in the message");
    }
    if (txIds != null && id.transactionId() != null && !txIds.add(id.transactionId())) {
      add(ReasonCode.DU03, p + "/PmtId/TxId", "TxId " + id.transactionId() + " appears twice in the message");
    }
    if (instrIds != null && id.instructionId() != null && !instrIds.add(id.instructionId())) {
      add(ReasonCode.DU05, p + "/PmtId/InstrId", "InstrId " + id.instructionId() + " appears twice in the message");
    }
  }

  private void uetr(String path, String uetr) {
    if (uetr != null && !Identifiers.isUuidV4(uetr)) {
      add(ReasonCode.CH16, path, "UETR '" + uetr + "' is not a lower-case version 4 UUID");
    }
  }

  // ---- shared checks ---------------------------------------------------------------------
  // A location is passed as base + mid (+ a constant tail): the strings are joined only when a
  // check fails, so a clean message allocates no paths.

  /** Currency known and national, decimals within its minor units, fits the ledger; positive if asked. */
  private void amount(String base, String mid, Amount a, boolean positive) {
    if (a == null) return;
    Iso4217.Currency c = Iso4217.lookup(a.currency());
    if (c == null) {
      add(ReasonCode.AM03, base + mid, "currency " + a.currency() + " is not an ISO 4217 currency");
      return;
    }
    if (!c.national()) {
      add(ReasonCode.AM03, base + mid, "currency " + a.currency() + " is not a national currency (metal, unit of account, fund or test code)");
      return;
    }
    BigDecimal value = a.value();
    if (value.scale() > c.minorUnits()) {
      add(ReasonCode.CH20, base + mid, "amount " + value.toPlainString() + " " + a.currency() + " has more decimals than the "
          + c.minorUnits() + " of " + a.currency());
    } else if (value.precision() - value.scale() + c.minorUnits() > 18 && !a.hasExactMinorUnits()) {
      add(ReasonCode.AM02, base + mid, "amount " + value.toPlainString() + " " + a.currency() + " is too large");
    }
    if (positive && value.signum() == 0) add(ReasonCode.AM01, base + mid, "amount is zero");
  }

  private void currency(String base, String mid, String tail, String code) {
    if (code != null && !Iso4217.isNational(code)) {
      add(ReasonCode.AM03, base + mid + tail, "currency " + code + " is not a national ISO 4217 currency");
    }
  }

  private void country(String base, String mid, String tail, String code) {
    if (code != null && !Identifiers.isCountryCode(code)) {
      add(ReasonCode.BE09, base + mid + tail, "'" + code + "' is not an ISO 3166 country code");
    }
  }

  private void bic(String base, String mid, String tail, String bic) {
    if (bic != null && !Identifiers.isBic(bic)) {
      add(ReasonCode.RC01, base + mid + tail, "BIC '" + bic + "' is not a valid ISO 9362 BIC (form or country)");
    }
  }

  private void lei(String base, String mid, String tail, String lei, ReasonCode code) {
    if (lei != null && !Identifiers.isLei(lei)) add(code, base + mid + tail, "LEI '" + lei + "' fails the ISO 17442 check digits");
  }

  private void uetr(String base, String mid, String uetr) {
    if (uetr != null && !Identifiers.isUuidV4(uetr)) {
      add(ReasonCode.CH16, base + mid, "UETR '" + uetr + "' is not a lower-case version 4 UUID");
    }
  }

  private static String country(PostalAddress a) {
    return a == null ? null : a.country();
  }

  private void agent(String base, String mid, Agent a) {
    if (a == null) return;
    bic(base, mid, "/FinInstnId/BICFI", a.bic());
    lei(base, mid, "/FinInstnId/LEI", a.lei(), ReasonCode.RC01);
    country(base, mid, "/FinInstnId/PstlAdr/Ctry", country(a.postalAddress()));
    if (a.branch() != null) {
      lei(base, mid, "/BrnchId/LEI", a.branch().lei(), ReasonCode.RC01);
      country(base, mid, "/BrnchId/PstlAdr/Ctry", country(a.branch().postalAddress()));
    }
  }

  private void party(String base, String mid, Party p, ReasonCode idCode, LocalDate created) {
    if (p == null) return;
    country(base, mid, "/PstlAdr/Ctry", country(p.postalAddress()));
    country(base, mid, "/CtryOfRes", p.countryOfResidence());
    switch (p.id()) {
      case null -> {}
      case PartyId.Organisation o -> {
        bic(base, mid, "/Id/OrgId/AnyBIC", o.anyBic());
        lei(base, mid, "/Id/OrgId/LEI", o.lei(), idCode);
      }
      case PartyId.Person person -> {
        DateAndPlaceOfBirth b = person.birth();
        if (b != null) {
          if (b.birthDate().isBefore(EARLIEST_BIRTH) || (created != null && b.birthDate().isAfter(created))) {
            add(ReasonCode.DT01, base + mid + "/Id/PrvtId/DtAndPlcOfBirth/BirthDt", "birth date " + b.birthDate() + " is not plausible");
          }
          country(base, mid, "/Id/PrvtId/DtAndPlcOfBirth/CtryOfBirth", b.country());
        }
      }
    }
  }

  private void partyOrAgent(String base, String mid, PartyOrAgent p, String partyName, String agentName, ReasonCode idCode) {
    if (p == null) return;
    if (p.party() != null) party(base, mid + "/" + partyName, p.party(), idCode, null);
    if (p.agent() != null) agent(base, mid + "/" + agentName, p.agent());
  }

  private void account(String base, String mid, Account a) {
    if (a == null) return;
    if (a.iban() != null && !Identifiers.isIban(a.iban())) {
      add(ReasonCode.AC01, base + mid + "/Id/IBAN", "IBAN '" + a.iban() + "' fails the ISO 13616 check (country or check digits)");
    }
    currency(base, mid, "/Ccy", a.currency());
    if (a.owner() != null) party(base, mid + "/Ownr", a.owner(), ReasonCode.BE15, null);
    if (a.servicer() != null) agent(base, mid + "/Svcr", a.servicer());
  }

  private void settlementInstruction(String base, SettlementInstruction s) {
    account(base, "/SttlmInf/SttlmAcct", s.settlementAccount());
    agent(base, "/SttlmInf/InstgRmbrsmntAgt", s.instructingReimbursementAgent());
    account(base, "/SttlmInf/InstgRmbrsmntAgtAcct", s.instructingReimbursementAgentAccount());
    agent(base, "/SttlmInf/InstdRmbrsmntAgt", s.instructedReimbursementAgent());
    account(base, "/SttlmInf/InstdRmbrsmntAgtAcct", s.instructedReimbursementAgentAccount());
    agent(base, "/SttlmInf/ThrdRmbrsmntAgt", s.thirdReimbursementAgent());
    account(base, "/SttlmInf/ThrdRmbrsmntAgtAcct", s.thirdReimbursementAgentAccount());
  }

  private void reasons(String base, String mid, List<ReasonInformation> reasons) {
    for (int i = 0; i < reasons.size(); i++) {
      ReasonInformation r = reasons.get(i);
      if (r.originator() != null) party(base, mid + "[" + (i + 1) + "]/Orgtr", r.originator(), ReasonCode.BE15, null);
    }
  }

  private void charges(String base, List<Charge> charges) {
    for (int i = 0; i < charges.size(); i++) {
      Charge c = charges.get(i);
      String cp = base + "/ChrgsInf[" + (i + 1) + "]";
      amount(cp, "/Amt", c.amount(), false);
      agent(cp, "/Agt", c.agent());
    }
  }

  // ---- pacs.009 ----------------------------------------------------------------------------

  private void fiCreditTransfer(String p, FiCreditTransfer t, CreditTransferGroupHeader h) {
    agentChain(p, t, h);
    agent(p, "/UltmtDbtr", t.ultimateDebtor());
    agent(p, "/Dbtr", t.debtor());
    debtorAndCreditorAgents(p, t);
    agent(p, "/Cdtr", t.creditor());
    account(p, "/CdtrAcct", t.creditorAccount());
    agent(p, "/UltmtCdtr", t.ultimateCreditor());
  }

  // ---- pacs.002 ----------------------------------------------------------------------------

  private void pacs002(Pacs002 m) {
    final String root = "/Document/FIToFIPmtStsRpt";
    StatusGroupHeader h = m.groupHeader();
    creationTime(root, "/GrpHdr/CreDtTm", h.creationDateTime());
    agent(root, "/GrpHdr/InstgAgt", h.instructingAgent());
    agent(root, "/GrpHdr/InstdAgt", h.instructedAgent());
    if (m.originalGroups().isEmpty() && m.transactions().isEmpty()) {
      add(ReasonCode.CH21, root, "a status report needs OrgnlGrpInfAndSts or TxInfAndSts");
    }
    for (int i = 0; i < m.originalGroups().size(); i++) {
      Pacs002.OriginalGroupStatus g = m.originalGroups().get(i);
      String p = root + "/OrgnlGrpInfAndSts[" + (i + 1) + "]";
      if (Pacs002.RJCT.equals(g.groupStatus()) && !hasReason(g.reasons())) {
        add(ReasonCode.CH21, p + "/StsRsnInf", "a rejection (RJCT) needs a status reason");
      }
      reasons(p, "/StsRsnInf", g.reasons());
    }
    for (int i = 0; i < m.transactions().size(); i++) {
      Pacs002.TransactionStatus t = m.transactions().get(i);
      String p = root + "/TxInfAndSts[" + (i + 1) + "]";
      uetr(p, "/OrgnlUETR", t.originalUetr());
      if (Pacs002.RJCT.equals(t.status()) && !hasReason(t.reasons())) {
        add(ReasonCode.CH21, p + "/StsRsnInf", "a rejection (RJCT) needs a status reason");
      }
      reasons(p, "/StsRsnInf", t.reasons());
      charges(p, t.charges());
      agent(p, "/InstgAgt", t.instructingAgent());
      agent(p, "/InstdAgt", t.instructedAgent());
    }
  }

  private static boolean hasReason(List<ReasonInformation> reasons) {
    for (ReasonInformation r : reasons) {
      if (r.reason() != null) return true;
    }
    return false;
  }

  // ---- pacs.004 ----------------------------------------------------------------------------

  private void pacs004(Pacs004 m) {
    final String root = "/Document/PmtRtr";
    Pacs004.GroupHeader h = m.groupHeader();
    final String hp = root + "/GrpHdr";
    creationTime(hp, "/CreDtTm", h.creationDateTime());
    numberOfTransactions(hp, "/NbOfTxs", h.numberOfTransactions(), m.transactions().size());
    amount(hp, "/TtlRtrdIntrBkSttlmAmt", h.totalReturnedInterbankSettlementAmount(), false);
    if (h.interbankSettlementDate() != null) settlementDate(hp, "/IntrBkSttlmDt", h.interbankSettlementDate(), h.creationDateTime());
    settlementInstruction(hp, h.settlementInstruction());
    agent(hp, "/InstgAgt", h.instructingAgent());
    agent(hp, "/InstdAgt", h.instructedAgent());
    boolean groupReason = m.originalGroup() != null && hasReason(m.originalGroup().returnReasons());
    if (m.originalGroup() != null) reasons(root, "/OrgnlGrpInf/RtrRsnInf", m.originalGroup().returnReasons());
    BigDecimal sum = BigDecimal.ZERO;
    Amount total = h.totalReturnedInterbankSettlementAmount();
    for (int i = 0; i < m.transactions().size(); i++) {
      Pacs004.Transaction t = m.transactions().get(i);
      String p = root + "/TxInf[" + (i + 1) + "]";
      sum = sum.add(t.returnedInterbankSettlementAmount().value());
      if (total != null && !total.currency().equals(t.returnedInterbankSettlementAmount().currency())) {
        add(ReasonCode.AM10, p + "/RtrdIntrBkSttlmAmt", "currency differs from TtlRtrdIntrBkSttlmAmt currency " + total.currency());
      }
      uetr(p, "/OrgnlUETR", t.originalUetr());
      amount(p, "/OrgnlIntrBkSttlmAmt", t.originalInterbankSettlementAmount(), false);
      amount(p, "/RtrdIntrBkSttlmAmt", t.returnedInterbankSettlementAmount(), true);
      amount(p, "/RtrdInstdAmt", t.returnedInstructedAmount(), false);
      amount(p, "/CompstnAmt", t.compensationAmount(), false);
      if (t.exchangeRate() != null && t.exchangeRate().signum() <= 0) {
        add(ReasonCode.CH16, p + "/XchgRate", "exchange rate must be positive");
      }
      if (t.interbankSettlementDate() != null) settlementDate(p, "/IntrBkSttlmDt", t.interbankSettlementDate(), h.creationDateTime());
      charges(p, t.charges());
      agent(p, "/InstgAgt", t.instructingAgent());
      agent(p, "/InstdAgt", t.instructedAgent());
      if (!groupReason && !hasReason(t.returnReasons())) {
        add(ReasonCode.CH21, p + "/RtrRsnInf", "a return needs a return reason");
      }
      reasons(p, "/RtrRsnInf", t.returnReasons());
    }
    groupTotals(hp, h.controlSum(), total, sum, "TtlRtrdIntrBkSttlmAmt");
  }

  // ---- pacs.028 ----------------------------------------------------------------------------

  private void pacs028(Pacs028 m) {
    final String root = "/Document/FIToFIPmtStsReq";
    StatusGroupHeader h = m.groupHeader();
    creationTime(root, "/GrpHdr/CreDtTm", h.creationDateTime());
    agent(root, "/GrpHdr/InstgAgt", h.instructingAgent());
    agent(root, "/GrpHdr/InstdAgt", h.instructedAgent());
    if (m.originalGroups().isEmpty() && m.transactions().isEmpty()) {
      add(ReasonCode.CH21, root, "a status request needs OrgnlGrpInf or TxInf");
    }
    for (int i = 0; i < m.transactions().size(); i++) {
      Pacs028.StatusRequest t = m.transactions().get(i);
      String p = root + "/TxInf[" + (i + 1) + "]";
      uetr(p, "/OrgnlUETR", t.originalUetr());
      agent(p, "/InstgAgt", t.instructingAgent());
      agent(p, "/InstdAgt", t.instructedAgent());
    }
  }

  // ---- camt.052 / 053 / 054 ----------------------------------------------------------------

  private void reports(String root, StatementGroupHeader h, String element, List<AccountReport> reports) {
    creationTime(root, "/GrpHdr/CreDtTm", h.creationDateTime());
    if (h.messageRecipient() != null) party(root, "/GrpHdr/MsgRcpt", h.messageRecipient(), ReasonCode.BE15, null);
    for (int i = 0; i < reports.size(); i++) {
      AccountReport r = reports.get(i);
      String p = root + "/" + element + "[" + (i + 1) + "]";
      account(p, "/Acct", r.account());
      account(p, "/RltdAcct", r.relatedAccount());
      if (r.fromDateTime() != null && r.fromDateTime().isAfter(r.toDateTime())) {
        add(ReasonCode.DT01, p + "/FrToDt", "the period ends before it starts");
      }
      for (int b = 0; b < r.balances().size(); b++) {
        amount(p + "/Bal[" + (b + 1) + "]", "/Amt", r.balances().get(b).amount(), false);
      }
      for (int e = 0; e < r.entries().size(); e++) {
        Entry entry = r.entries().get(e);
        String ep = p + "/Ntry[" + (e + 1) + "]";
        amount(ep, "/Amt", entry.amount(), false);
        for (int d = 0; d < entry.details().size(); d++) {
          List<EntryTransaction> txs = entry.details().get(d).transactions();
          for (int t = 0; t < txs.size(); t++) {
            EntryTransaction tx = txs.get(t);
            String tp = ep + "/NtryDtls[" + (d + 1) + "]/TxDtls[" + (t + 1) + "]";
            amount(tp, "/Amt", tx.amount(), false);
            if (tx.references() != null) uetr(tp, "/Refs/UETR", tx.references().uetr());
            TransactionParties parties = tx.relatedParties();
            if (parties != null) {
              partyOrAgent(tp, "/RltdPties/Dbtr", parties.debtor(), "Pty", "Agt", ReasonCode.BE16);
              account(tp, "/RltdPties/DbtrAcct", parties.debtorAccount());
              partyOrAgent(tp, "/RltdPties/Cdtr", parties.creditor(), "Pty", "Agt", ReasonCode.BE17);
              account(tp, "/RltdPties/CdtrAcct", parties.creditorAccount());
            }
            TransactionAgents agents = tx.relatedAgents();
            if (agents != null) {
              agent(tp, "/RltdAgts/InstgAgt", agents.instructingAgent());
              agent(tp, "/RltdAgts/InstdAgt", agents.instructedAgent());
              agent(tp, "/RltdAgts/DbtrAgt", agents.debtorAgent());
              agent(tp, "/RltdAgts/CdtrAgt", agents.creditorAgent());
            }
          }
        }
      }
    }
  }

  // ---- camt.056 / camt.029 -----------------------------------------------------------------

  private void camt056(Camt056 m) {
    final String root = "/Document/FIToFIPmtCxlReq";
    creationTime(root, "/Assgnmt/CreDtTm", m.assignment().creationDateTime());
    partyOrAgent(root, "/Assgnmt/Assgnr", m.assignment().assigner(), "Pty", "Agt", ReasonCode.BE15);
    partyOrAgent(root, "/Assgnmt/Assgne", m.assignment().assignee(), "Pty", "Agt", ReasonCode.BE15);
    int count = 0;
    BigDecimal sum = BigDecimal.ZERO;
    for (int u = 0; u < m.underlyings().size(); u++) {
      List<Camt056.CancellationRequest> txs = m.underlyings().get(u).transactions();
      for (int i = 0; i < txs.size(); i++) {
        Camt056.CancellationRequest t = txs.get(i);
        String p = root + "/Undrlyg[" + (u + 1) + "]/TxInf[" + (i + 1) + "]";
        count++;
        if (t.originalInterbankSettlementAmount() != null) sum = sum.add(t.originalInterbankSettlementAmount().value());
        uetr(p, "/OrgnlUETR", t.originalUetr());
        amount(p, "/OrgnlIntrBkSttlmAmt", t.originalInterbankSettlementAmount(), false);
        agent(p, "/Assgnr", t.assigner());
        agent(p, "/Assgne", t.assignee());
        reasons(p, "/CxlRsnInf", t.reasons());
      }
    }
    if (m.numberOfTransactions() != null) {
      numberOfTransactions(root, "/CtrlData/NbOfTxs", m.numberOfTransactions(), count);
      if (m.controlSum() != null && m.controlSum().compareTo(sum) != 0) {
        add(ReasonCode.AM10, root + "/CtrlData/CtrlSum", "CtrlSum " + m.controlSum().toPlainString()
            + " is not the sum of the original amounts, " + sum.toPlainString());
      }
    }
  }

  private void camt029(Camt029 m) {
    final String root = "/Document/RsltnOfInvstgtn";
    creationTime(root, "/Assgnmt/CreDtTm", m.assignment().creationDateTime());
    partyOrAgent(root, "/Assgnmt/Assgnr", m.assignment().assigner(), "Pty", "Agt", ReasonCode.BE15);
    partyOrAgent(root, "/Assgnmt/Assgne", m.assignment().assignee(), "Pty", "Agt", ReasonCode.BE15);
    for (int d = 0; d < m.cancellationDetails().size(); d++) {
      List<Camt029.CancellationStatus> txs = m.cancellationDetails().get(d).transactions();
      for (int i = 0; i < txs.size(); i++) {
        Camt029.CancellationStatus t = txs.get(i);
        String p = root + "/CxlDtls[" + (d + 1) + "]/TxInfAndSts[" + (i + 1) + "]";
        uetr(p, "/OrgnlUETR", t.originalUetr());
        amount(p, "/OrgnlIntrBkSttlmAmt", t.originalInterbankSettlementAmount(), false);
        if (Camt029.RJCR.equals(t.status()) && !hasReason(t.reasons())) {
          add(ReasonCode.CH21, p + "/CxlStsRsnInf", "a rejected cancellation (RJCR) needs a reason");
        }
        reasons(p, "/CxlStsRsnInf", t.reasons());
      }
    }
  }
}
