package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded generators of schema-valid instances of every message type: SMALL fills only what the
 * XSD requires, MAX fills every optional element the records type (and some untyped ones), RANDOM
 * flips a coin for each. Values respect the XSD facets (lengths, patterns, digits) so the written
 * XML must validate; they do not try to pass the business rules.
 */
final class Generators {
  enum Mode { SMALL, MAX, RANDOM }

  private static final String TEXT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -./,'()+?:&<>\"";
  private static final String[] WORDS = {"Иван", "Петров", "محمد", "رضایی", "Müller", "Zoë", "&", "<tag>", "a\"b", "O'Neil", "Tab\there"};
  private static final String[] COUNTRIES = {"RU", "IR", "GB", "DE", "FR", "CN", "IN", "AE", "TR", "BR", "ZA", "US", "JP", "KZ"};
  private static final String[] CURRENCIES = {"RUB", "IRR", "EUR", "CNY", "INR", "AED", "TRY", "BRL", "ZAR", "JPY", "KWD", "KZT"};

  final Random rnd;
  final Mode mode;
  private String ns;

  Generators(long seed, Mode mode) {
    this.rnd = new Random(seed);
    this.mode = mode;
  }

  boolean opt() {
    return switch (mode) {
      case SMALL -> false;
      case MAX -> true;
      case RANDOM -> rnd.nextBoolean();
    };
  }

  <T> T opt(Supplier<T> s) {
    return opt() ? s.get() : null;
  }

  <T> List<T> list(int maxCount, Supplier<T> s) {
    int n = switch (mode) {
      case SMALL -> 0;
      case MAX -> maxCount;
      case RANDOM -> rnd.nextInt(maxCount + 1);
    };
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(s.get());
    return out;
  }

  <T> List<T> list1(int maxCount, Supplier<T> s) {
    List<T> l = list(maxCount, s);
    if (l.isEmpty()) l.add(s.get());
    return l;
  }

  // ---- values ------------------------------------------------------------------------------

  String text(int max) {
    int len = 1 + rnd.nextInt(Math.min(max, 24));
    StringBuilder sb = new StringBuilder(len);
    if (rnd.nextInt(4) == 0) {
      String w = WORDS[rnd.nextInt(WORDS.length)];
      if (w.length() <= max) sb.append(w);
    }
    while (sb.length() < len) sb.append(TEXT.charAt(rnd.nextInt(TEXT.length())));
    String s = sb.toString();
    return s.length() > max ? s.substring(0, max) : s;
  }

  String id() {
    StringBuilder sb = new StringBuilder();
    int len = 4 + rnd.nextInt(20);
    for (int i = 0; i < len; i++) sb.append("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".charAt(rnd.nextInt(34)));
    return sb.toString();
  }

  String code4() {
    StringBuilder sb = new StringBuilder();
    int len = 1 + rnd.nextInt(4);
    for (int i = 0; i < len; i++) sb.append((char) ('A' + rnd.nextInt(26)));
    return sb.toString();
  }

  String digits(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append((char) ('0' + rnd.nextInt(10)));
    return sb.toString();
  }

  String alnum(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".charAt(rnd.nextInt(36)));
    return sb.toString();
  }

  String country() {
    return COUNTRIES[rnd.nextInt(COUNTRIES.length)];
  }

  String currency() {
    return CURRENCIES[rnd.nextInt(CURRENCIES.length)];
  }

  String bic() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4; i++) sb.append((char) ('A' + rnd.nextInt(26)));
    sb.append(country()).append(alnum(2));
    if (rnd.nextBoolean()) sb.append(rnd.nextBoolean() ? "XXX" : alnum(3));
    return sb.toString();
  }

  static String withCheckDigits(String body, boolean ibanStyle) {
    // ISO 7064 MOD 97-10: check digits make the whole number mod 97 equal 1.
    String rearranged = ibanStyle ? body.substring(4) + body.substring(0, 2) + "00" : body + "00";
    int r = 0;
    for (char c : rearranged.toCharArray()) {
      int v = Character.isDigit(c) ? c - '0' : Character.toUpperCase(c) - 'A' + 10;
      r = v < 10 ? (r * 10 + v) % 97 : (r * 100 + v) % 97;
    }
    int check = 98 - r;
    String cd = (check < 10 ? "0" : "") + check;
    return ibanStyle ? body.substring(0, 2) + cd + body.substring(4) : body + cd;
  }

  String lei() {
    return withCheckDigits(alnum(18), false);
  }

  String iban() {
    String country = rnd.nextBoolean() ? "IR" : country();
    return withCheckDigits(country + "00" + digits(4 + rnd.nextInt(20)), true);
  }

  String uetr() {
    StringBuilder sb = new StringBuilder();
    String hex = "0123456789abcdef";
    for (int i = 0; i < 36; i++) {
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        sb.append('-');
      } else if (i == 14) {
        sb.append('4');
      } else if (i == 19) {
        sb.append("89ab".charAt(rnd.nextInt(4)));
      } else {
        sb.append(hex.charAt(rnd.nextInt(16)));
      }
    }
    return sb.toString();
  }

  LocalDate date() {
    return LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(700));
  }

  ZoneOffset offset() {
    return switch (rnd.nextInt(4)) {
      case 0 -> ZoneOffset.UTC;
      case 1 -> ZoneOffset.ofHours(3);
      case 2 -> ZoneOffset.ofHoursMinutes(3, 30);
      default -> ZoneOffset.ofHoursMinutes(-5, -45);
    };
  }

  OffsetDateTime dateTime() {
    int nanos = rnd.nextInt(3) == 0 ? rnd.nextInt(1000) * 1_000_000 : 0;
    return OffsetDateTime.of(date().atTime(rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60), nanos), offset());
  }

  OffsetTime time() {
    return OffsetTime.of(rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60), 0, offset());
  }

  Amount amount() {
    String ccy = currency();
    return Amount.ofMinor(ccy, 1 + (long) (rnd.nextDouble() * 1e11));
  }

  BigDecimal decimal() {
    return BigDecimal.valueOf(rnd.nextInt(1_000_000_000), rnd.nextInt(6));
  }

  BigDecimal rate() {
    return BigDecimal.valueOf(1 + rnd.nextInt(999_999), 4);
  }

  // ---- untyped elements --------------------------------------------------------------------

  XmlElement leaf(String name, String text) {
    return XmlElement.leaf(ns, name, text);
  }

  XmlElement el(String name, XmlElement... children) {
    return XmlElement.of(ns, name, children);
  }

  XmlElement supplementaryData() {
    XmlElement foreign = new XmlElement("urn:example:rialto", "Extra", List.of(new XmlAttribute("", "kind", text(10))),
        null, List.of(XmlElement.leaf("urn:example:rialto", "Value", text(30)), XmlElement.leaf("", "Plain", text(10))));
    return el("SplmtryData", leaf("PlcAndNm", text(100)), el("Envlp", foreign));
  }

  XmlElement originalTransactionReference() {
    return el("OrgnlTxRef", leaf("IntrBkSttlmDt", date().toString()));
  }

  List<XmlElement> others(Supplier<List<XmlElement>> s) {
    return mode == Mode.SMALL || (mode == Mode.RANDOM && rnd.nextBoolean()) ? List.of() : s.get();
  }

  // ---- components --------------------------------------------------------------------------

  CodeOrProprietary code() {
    return rnd.nextInt(3) == 0 ? CodeOrProprietary.proprietary(text(35)) : CodeOrProprietary.code(code4());
  }

  GenericId genericId() {
    return new GenericId(text(35), opt(this::code), opt(() -> text(35)));
  }

  PostalAddress address() {
    return new PostalAddress(opt(() -> el("AdrTp", leaf("Cd", "ADDR"))), opt(() -> text(70)), opt(() -> text(70)),
        opt(() -> text(70)), opt(() -> text(16)), opt(() -> text(35)), opt(() -> text(70)), opt(() -> text(16)),
        opt(() -> text(70)), opt(() -> text(16)), opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)),
        opt(() -> text(35)), opt(this::country), list(7, () -> text(70)));
  }

  Party party() {
    PartyId id = null;
    if (opt()) {
      id = rnd.nextBoolean()
          ? new PartyId.Organisation(opt(this::bic), opt(this::lei), list(2, this::genericId))
          : new PartyId.Person(opt(() -> new DateAndPlaceOfBirth(LocalDate.of(1950 + rnd.nextInt(50), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
              opt(() -> text(35)), text(35), country())), list(2, this::genericId));
    }
    return new Party(opt(() -> text(140)), opt(this::address), id, opt(this::country),
        opt(() -> el("CtctDtls", leaf("Nm", text(140)), leaf("EmailAdr", "ops@example.org"))));
  }

  Agent agent() {
    return new Agent(opt(this::bic), opt(() -> new ClearingSystemMember(opt(() -> rnd.nextBoolean() ? CodeOrProprietary.code(code4())
        : CodeOrProprietary.proprietary(text(35))), text(35))), opt(this::lei), opt(() -> text(140)), opt(this::address),
        opt(this::genericId), opt(() -> new Branch(opt(() -> text(35)), opt(this::lei), opt(() -> text(140)), opt(this::address))));
  }

  Account account(boolean withOwner) {
    boolean iban = rnd.nextBoolean();
    GenericId other = iban ? null : new GenericId(alnum(1 + rnd.nextInt(34)), opt(this::code), opt(() -> text(35)));
    return new Account(iban ? iban() : null, other, opt(this::code), opt(this::currency), opt(() -> text(70)),
        opt(() -> new Proxy(opt(this::code), text(60))), withOwner ? opt(this::party) : null, withOwner ? opt(this::agent) : null);
  }

  Account account() {
    return account(false);
  }

  PartyOrAgent partyOrAgent() {
    return rnd.nextBoolean() ? PartyOrAgent.of(party()) : PartyOrAgent.of(agent());
  }

  PaymentTypeInformation paymentType(boolean withSequence) {
    return new PaymentTypeInformation(opt(() -> rnd.nextBoolean() ? Priority.HIGH : Priority.NORM),
        opt(() -> ClearingChannel.values()[rnd.nextInt(4)]), list(2, this::code),
        opt(this::code),
        withSequence ? opt(() -> "OOFF") : null, opt(this::code));
  }

  PaymentId paymentId() {
    return new PaymentId(opt(() -> text(35)), text(35), opt(() -> text(35)), opt(this::uetr), opt(() -> text(35)));
  }

  SettlementInstruction settlement() {
    return new SettlementInstruction(SettlementMethod.values()[rnd.nextInt(4)], opt(this::account),
        opt(() -> CodeOrProprietary.code(code4().substring(0, 1) + "CL")), opt(this::agent), opt(this::account), opt(this::agent), opt(this::account),
        opt(this::agent), opt(this::account));
  }

  Instruction instruction(String... codes) {
    String code = codes.length > 0 && rnd.nextBoolean() ? codes[rnd.nextInt(codes.length)] : null;
    return new Instruction(code, code == null || rnd.nextBoolean() ? text(140) : null);
  }

  RemittanceInformation remittance() {
    return new RemittanceInformation(list(2, () -> text(140)), list(2, () -> el("Strd", leaf("AddtlRmtInf", text(140)))));
  }

  ReasonInformation reason() {
    return new ReasonInformation(opt(this::party), opt(this::code), list(2, () -> text(105)));
  }

  OriginalGroupInfo originalGroup() {
    return new OriginalGroupInfo(text(35), "pacs.008.001.08", opt(this::dateTime));
  }

  DateOrDateTime dateOrDateTime() {
    return rnd.nextBoolean() ? DateOrDateTime.of(date()) : DateOrDateTime.of(dateTime());
  }

  Charge charge() {
    return new Charge(amount(), agent());
  }

  BusinessApplicationHeader header(MessageType type) {
    String saved = ns;
    ns = MessageType.HEADER_NAMESPACE;
    BusinessApplicationHeader h = new BusinessApplicationHeader(opt(() -> "UTF-8"),
        rnd.nextBoolean() ? PartyOrAgent.of(agent()) : PartyOrAgent.of(party()), PartyOrAgent.ofBic(bic()), text(35), type.id(),
        opt(() -> "swift.cbprplus.03"), dateTime(), opt(this::dateTime), opt(() -> "CODU"), opt(rnd::nextBoolean),
        opt(() -> "NORM"), null,
        others(this::headerOthers));
    ns = saved;
    return h;
  }

  private List<XmlElement> headerOthers() {
    XmlElement from = el("Fr", el("FIId", el("FinInstnId", leaf("BICFI", bic()))));
    XmlElement to = el("To", el("FIId", el("FinInstnId", leaf("BICFI", bic()))));
    XmlElement related = el("Rltd", from, to, leaf("BizMsgIdr", text(35)), leaf("MsgDefIdr", "pacs.008.001.08"),
        leaf("CreDt", "2026-01-01T10:00:00Z"));
    return List.of(el("MktPrctc", leaf("Regy", text(350)), leaf("Id", text(100))), related);
  }

  // ---- messages ----------------------------------------------------------------------------

  Envelope envelope(MessageType type) {
    IsoMessage m = message(type);
    return rnd.nextBoolean() || mode == Mode.MAX ? Envelope.of(header(type), m) : Envelope.of(m);
  }

  IsoMessage message(MessageType type) {
    ns = type.namespace();
    return switch (type) {
      case PACS_008_001_08 -> pacs008();
      case PACS_009_001_08 -> pacs009();
      case PACS_002_001_10 -> pacs002();
      case PACS_004_001_09, PACS_004_001_10 -> pacs004(type);
      case PACS_028_001_03 -> pacs028();
      case CAMT_052_001_08 -> new Camt052(statementHeader(), list1(2, () -> report(true, false)), msgOthers());
      case CAMT_053_001_08 -> new Camt053(statementHeader(), list1(2, () -> report(true, true)), msgOthers());
      case CAMT_054_001_08 -> new Camt054(statementHeader(), list1(2, () -> report(false, false)), msgOthers());
      case CAMT_056_001_08 -> camt056();
      case CAMT_029_001_09 -> camt029();
      case ADMI_002_001_01 -> new Admi002(text(35), code4(), opt(this::dateTime), opt(() -> text(350)), opt(() -> text(350)),
          opt(() -> text(2000)));
    };
  }

  private List<XmlElement> msgOthers() {
    return others(() -> List.of(supplementaryData()));
  }

  CreditTransferGroupHeader creditTransferHeader(int count) {
    return new CreditTransferGroupHeader(text(35), dateTime(), opt(rnd::nextBoolean), Integer.toString(count), opt(this::decimal),
        opt(this::amount), opt(this::date), settlement(), opt(() -> paymentType(false)), opt(this::agent), opt(this::agent));
  }

  Pacs008 pacs008() {
    List<CreditTransfer> txs = list1(3, this::creditTransfer);
    return new Pacs008(creditTransferHeader(txs.size()), txs, msgOthers());
  }

  CreditTransfer creditTransfer() {
    CreditTransfer.Builder b = paymentAndSettlement(CreditTransfer.builder())
        .acceptanceDateTime(opt(this::dateTime))
        .poolingAdjustmentDate(opt(this::date))
        .instructedAmount(opt(this::amount))
        .exchangeRate(opt(this::rate))
        .chargeBearer(ChargeBearer.values()[rnd.nextInt(4)])
        .charges(list(2, this::charge));
    return agentChain(b)
        .ultimateDebtor(opt(this::party)).initiatingParty(opt(this::party))
        .debtor(party()).debtorAccount(opt(this::account)).debtorAgent(agent()).debtorAgentAccount(opt(this::account))
        .creditorAgent(agent()).creditorAgentAccount(opt(this::account)).creditor(party()).creditorAccount(opt(this::account))
        .ultimateCreditor(opt(this::party))
        .instructionsForCreditorAgent(list(2, () -> instruction("CHQB", "HOLD", "PHOB", "TELB")))
        .instructionsForNextAgent(list(2, () -> rnd.nextBoolean() ? Instruction.quote(id()) : instruction("PHOA", "TELA")))
        .purpose(opt(this::code))
        .remittanceInformation(opt(this::remittance))
        .otherElements(others(() -> List.of(el("RgltryRptg", leaf("DbtCdtRptgInd", "CRED")), el("Tax", leaf("RefNb", text(140))),
            el("RltdRmtInf", leaf("RmtId", text(35))), supplementaryData())))
        .build();
  }

  // The elements both transaction types share, generated in the same order for both.
  private <B extends CreditTransferTransaction.Builder<B>> B paymentAndSettlement(B b) {
    return b.paymentId(paymentId())
        .paymentTypeInformation(opt(() -> paymentType(false)))
        .interbankSettlementAmount(amount())
        .interbankSettlementDate(opt(this::date))
        .settlementPriority(opt(() -> SettlementPriority.values()[rnd.nextInt(3)]))
        .settlementTimeIndication(opt(() -> new SettlementTimeIndication(opt(this::dateTime), opt(this::dateTime))))
        .settlementTimeRequest(opt(() -> new SettlementTimeRequest(opt(this::time), opt(this::time), opt(this::time), opt(this::time))));
  }

  private <B extends CreditTransferTransaction.Builder<B>> B agentChain(B b) {
    return b.previousInstructingAgent1(opt(this::agent)).previousInstructingAgent1Account(opt(this::account))
        .previousInstructingAgent2(opt(this::agent)).previousInstructingAgent2Account(opt(this::account))
        .previousInstructingAgent3(opt(this::agent)).previousInstructingAgent3Account(opt(this::account))
        .instructingAgent(opt(this::agent)).instructedAgent(opt(this::agent))
        .intermediaryAgent1(opt(this::agent)).intermediaryAgent1Account(opt(this::account))
        .intermediaryAgent2(opt(this::agent)).intermediaryAgent2Account(opt(this::account))
        .intermediaryAgent3(opt(this::agent)).intermediaryAgent3Account(opt(this::account));
  }

  Pacs009 pacs009() {
    List<FiCreditTransfer> txs = list1(3, this::fiCreditTransfer);
    return new Pacs009(creditTransferHeader(txs.size()), txs, msgOthers());
  }

  FiCreditTransfer fiCreditTransfer() {
    return agentChain(paymentAndSettlement(FiCreditTransfer.builder()))
        .ultimateDebtor(opt(this::agent)).debtor(agent()).debtorAccount(opt(this::account)).debtorAgent(opt(this::agent))
        .debtorAgentAccount(opt(this::account)).creditorAgent(opt(this::agent)).creditorAgentAccount(opt(this::account))
        .creditor(agent()).creditorAccount(opt(this::account)).ultimateCreditor(opt(this::agent))
        .instructionsForCreditorAgent(list(2, () -> instruction("PHOB", "TELB")))
        .instructionsForNextAgent(list(2, () -> instruction("PHOA", "TELA")))
        .purpose(opt(this::code))
        .remittanceInformation(list(2, () -> text(140)))
        .otherElements(others(() -> List.of(supplementaryData())))
        .build();
  }

  StatusGroupHeader statusHeader() {
    return new StatusGroupHeader(text(35), dateTime(), opt(this::agent), opt(this::agent));
  }

  Pacs002 pacs002() {
    List<Pacs002.OriginalGroupStatus> groups = list(2, () -> new Pacs002.OriginalGroupStatus(text(35), "pacs.008.001.08",
        opt(this::dateTime), opt(() -> digits(1 + rnd.nextInt(5))), opt(this::decimal), opt(() -> "RJCT"), list(2, this::reason),
        others(() -> List.of(el("NbOfTxsPerSts", leaf("DtldNbOfTxs", "1"), leaf("DtldSts", "ACSC"))))));
    List<Pacs002.TransactionStatus> txs = list(3, () -> new Pacs002.TransactionStatus(opt(() -> text(35)), opt(this::originalGroup),
        opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)), opt(this::uetr), opt(() -> "ACSC"), list(2, this::reason),
        list(2, this::charge), opt(this::dateTime), opt(this::dateOrDateTime), opt(() -> text(35)), opt(() -> text(35)),
        opt(this::agent), opt(this::agent), others(() -> List.of(originalTransactionReference(), supplementaryData()))));
    return new Pacs002(statusHeader(), groups, txs, msgOthers());
  }

  Pacs028 pacs028() {
    List<Pacs028.OriginalGroup> groups = list(2, () -> new Pacs028.OriginalGroup(text(35), "pacs.008.001.08", opt(this::dateTime),
        opt(() -> digits(1 + rnd.nextInt(5))), opt(this::decimal)));
    List<Pacs028.StatusRequest> txs = list(3, () -> new Pacs028.StatusRequest(opt(() -> text(35)), opt(this::originalGroup),
        opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)), opt(this::uetr), opt(this::dateTime), opt(() -> text(35)),
        opt(this::agent), opt(this::agent), others(() -> List.of(originalTransactionReference(), supplementaryData()))));
    return new Pacs028(statusHeader(), groups, txs, msgOthers());
  }

  Pacs004 pacs004(MessageType version) {
    List<Pacs004.Transaction> txs = list(3, () -> new Pacs004.Transaction(opt(() -> text(35)), opt(this::originalGroup),
        opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)), opt(this::uetr), opt(() -> text(35)), opt(this::amount),
        opt(this::date), amount(), opt(this::date), opt(() -> SettlementPriority.NORM),
        opt(() -> new SettlementTimeIndication(opt(this::dateTime), null)), opt(this::amount), opt(this::rate), opt(this::amount),
        opt(() -> ChargeBearer.SHAR), list(2, this::charge), opt(() -> text(35)), opt(this::agent), opt(this::agent),
        list(2, this::reason),
        others(() -> List.of(el("RtrChain", el("Dbtr", el("Pty", leaf("Nm", text(140)))), el("Cdtr", el("Pty", leaf("Nm", text(140))))),
            originalTransactionReference(), supplementaryData()))));
    Pacs004.GroupHeader header = new Pacs004.GroupHeader(text(35), dateTime(), opt(rnd::nextBoolean), Integer.toString(txs.size()),
        opt(this::decimal), opt(rnd::nextBoolean), opt(this::amount), opt(this::date), settlement(), opt(this::agent), opt(this::agent),
        others(() -> List.of(el("Authstn", leaf("Cd", "AUTH")))));
    Pacs004.OriginalGroup group = opt(() -> new Pacs004.OriginalGroup(text(35), "pacs.008.001.08", opt(this::dateTime),
        list(2, this::reason)));
    return new Pacs004(version, header, group, txs, msgOthers());
  }

  StatementGroupHeader statementHeader() {
    return new StatementGroupHeader(text(35), dateTime(), opt(this::party), opt(() -> text(500)),
        others(() -> List.of(el("MsgPgntn", leaf("PgNb", "1"), leaf("LastPgInd", "true")))));
  }

  AccountReport report(boolean balances, boolean atLeastOneBalance) {
    OffsetDateTime from = opt(this::dateTime);
    List<Balance> bals = balances ? (atLeastOneBalance ? list1(2, this::balance) : list(2, this::balance)) : List.of();
    return new AccountReport(text(35), opt(() -> (long) rnd.nextInt(100000)), opt(() -> (long) rnd.nextInt(100000)),
        opt(this::dateTime), from, from == null ? null : from.plusHours(1), opt(() -> "CODU"), account(true), opt(this::account),
        bals, list(3, this::entry), opt(() -> text(500)),
        others(() -> List.of(el("TxsSummry", el("TtlNtries", leaf("NbOfNtries", "1"))))));
  }

  Balance balance() {
    return new Balance(rnd.nextBoolean() ? CodeOrProprietary.code("CLBD") : CodeOrProprietary.proprietary(text(35)), opt(this::code),
        amount(), rnd.nextBoolean() ? CreditDebit.CRDT : CreditDebit.DBIT, dateOrDateTime(),
        others(() -> List.of(el("Avlbty", el("Dt", leaf("NbOfDays", "1")), new XmlElement(ns, "Amt", List.of(new XmlAttribute("", "Ccy", "EUR")), "1.00", List.of()), leaf("CdtDbtInd", "CRDT")))));
  }

  BankTransactionCode bankTransactionCode() {
    boolean domain = rnd.nextBoolean() || mode == Mode.MAX;
    boolean proprietary = !domain || opt();
    return new BankTransactionCode(domain ? "PMNT" : null, domain ? "RCDT" : null, domain ? "XBCT" : null,
        proprietary ? text(35) : null, proprietary ? opt(() -> text(35)) : null);
  }

  Entry entry() {
    return new Entry(opt(() -> text(35)), amount(), rnd.nextBoolean() ? CreditDebit.CRDT : CreditDebit.DBIT, opt(rnd::nextBoolean),
        CodeOrProprietary.code("BOOK"), opt(this::dateOrDateTime), opt(this::dateOrDateTime), opt(() -> text(35)),
        bankTransactionCode(), list(2, () -> new EntryDetails(opt(() -> el("Btch", leaf("NbOfTxs", "1"))), list(2, this::entryTransaction))),
        opt(() -> text(500)), others(() -> List.of(leaf("ComssnWvrInd", "false"), el("TechInptChanl", leaf("Cd", "FAXI")))));
  }

  EntryTransaction entryTransaction() {
    TransactionReferences refs = opt(() -> new TransactionReferences(opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)),
        opt(() -> text(35)), opt(() -> text(35)), opt(this::uetr), opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)),
        opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)),
        others(() -> List.of(el("Prtry", leaf("Tp", text(35)), leaf("Ref", text(35)))))));
    TransactionParties parties = opt(() -> new TransactionParties(opt(this::partyOrAgent), opt(this::partyOrAgent), opt(this::account),
        opt(this::partyOrAgent), opt(this::partyOrAgent), opt(this::account), opt(this::partyOrAgent), opt(this::partyOrAgent), List.of()));
    TransactionAgents agents = opt(() -> new TransactionAgents(opt(this::agent), opt(this::agent), opt(this::agent), opt(this::agent),
        opt(this::agent), opt(this::agent), opt(this::agent),
        others(() -> List.of(el("RcvgAgt", el("FinInstnId", leaf("BICFI", bic())))))));
    return new EntryTransaction(refs, opt(this::amount), opt(() -> CreditDebit.CRDT), opt(this::bankTransactionCode), parties, agents,
        opt(this::code), opt(this::code), opt(this::remittance), opt(() -> text(500)),
        others(() -> List.of(el("RltdDts", leaf("AccptncDtTm", "2026-01-01T10:00:00Z")), el("RtrInf", leaf("AddtlInf", text(105))),
            supplementaryData())));
  }

  CaseAssignment assignment() {
    return new CaseAssignment(text(35), partyOrAgent(), partyOrAgent(), dateTime());
  }

  InvestigationCase investigationCase() {
    return new InvestigationCase(text(35), partyOrAgent(), opt(rnd::nextBoolean));
  }

  Camt056 camt056() {
    List<Camt056.Underlying> underlyings = list1(2, () -> new Camt056.Underlying(
        opt(() -> el("OrgnlGrpInfAndCxl", leaf("OrgnlMsgId", text(35)), leaf("OrgnlMsgNmId", "pacs.008.001.08"))),
        list(2, () -> new Camt056.CancellationRequest(opt(() -> text(35)), opt(this::investigationCase), opt(this::originalGroup),
            opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)), opt(this::uetr), opt(() -> text(35)), opt(this::amount),
            opt(this::date), opt(this::agent), opt(this::agent), list(2, this::reason),
            others(() -> List.of(originalTransactionReference(), supplementaryData()))))));
    String count = opt(() -> digits(1 + rnd.nextInt(3)));
    return new Camt056(assignment(), opt(this::investigationCase), count, count == null ? null : opt(this::decimal), underlyings,
        msgOthers());
  }

  Camt029 camt029() {
    Camt029.InvestigationStatus status = rnd.nextBoolean() || mode == Mode.SMALL
        ? new Camt029.InvestigationStatus(rnd.nextBoolean() ? "CNCL" : "RJCR", List.of())
        : new Camt029.InvestigationStatus(null, List.of(leaf("AssgnmtCxlConf", "true")));
    List<Camt029.CancellationDetails> details = list(2, () -> new Camt029.CancellationDetails(
        list(2, () -> new Camt029.CancellationStatus(opt(() -> text(35)), opt(this::investigationCase), opt(this::originalGroup),
            opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)), opt(() -> text(35)), opt(this::uetr),
            opt(() -> new String[] {"ACCR", "RJCR", "PDCR"}[rnd.nextInt(3)]), list(2, this::reason), opt(this::amount), opt(this::date),
            opt(this::partyOrAgent), opt(this::partyOrAgent),
            others(() -> List.of(el("RsltnRltdInf", leaf("EndToEndId", text(35))), originalTransactionReference())))),
        others(() -> List.of(el("OrgnlGrpInfAndSts", leaf("OrgnlMsgId", text(35)), leaf("OrgnlMsgNmId", "pacs.008.001.08"))))));
    return new Camt029(assignment(), opt(this::investigationCase), status, details,
        others(() -> List.of(el("StmtDtls", leaf("OrgnlStmtId", text(35))), supplementaryData())));
  }
}
