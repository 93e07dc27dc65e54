package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each rule, on a message that passes all the others: the right code at the right place. */
class BusinessRulesTest {
  private static final String TX1 = "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]";
  private static final String HDR = "/Document/FIToFICstmrCdtTrf/GrpHdr";

  private static List<Finding> findings(Pacs008 m) {
    ReadResult r = Fixtures.roundTrip(m);
    assertThat(r).as(String.valueOf(r.findings())).isInstanceOf(ReadResult.Parsed.class);
    return r.findings();
  }

  private static List<Finding> withTransfer(UnaryOperator<CreditTransfer.Builder> change) {
    Pacs008 base = Fixtures.pacs008(1);
    CreditTransfer t = change.apply(base.transactions().get(0).toBuilder()).build();
    return findings(new Pacs008(base.groupHeader(), List.of(t), List.of()));
  }

  private static void expect(List<Finding> findings, ReasonCode code, String path) {
    assertThat(findings).as(findings.toString()).hasSize(1);
    assertThat(findings.get(0).code()).as(findings.toString()).isEqualTo(code);
    assertThat(findings.get(0).path()).isEqualTo(path);
  }

  @Test
  void theFixturePassesEveryRule() {
    assertThat(findings(Fixtures.pacs008(1))).isEmpty();
    assertThat(findings(Fixtures.pacs008(100))).isEmpty();
  }

  @Test
  void currencyMustBeKnownAndNational() {
    for (String code : new String[] {"XAU", "XDR", "XTS", "CHE", "ABC"}) {
      expect(withTransfer(b -> b.interbankSettlementAmount(Amount.of(code, "10.00")).instructedAmount(null).exchangeRate(null)),
          ReasonCode.AM03, TX1 + "/IntrBkSttlmAmt");
    }
    expect(withTransfer(b -> b.instructedAmount(Amount.of("XAG", "1"))), ReasonCode.AM03, TX1 + "/InstdAmt");
    expect(withTransfer(b -> b.creditorAccount(new Account("IR062960000000100324200001", null, null, "XXX", null, null, null, null))),
        ReasonCode.AM03, TX1 + "/CdtrAcct/Ccy");
  }

  @Test
  void amountDigitsStayWithinMinorUnits() {
    expect(withTransfer(b -> b.interbankSettlementAmount(Amount.of("RUB", "10.001"))), ReasonCode.CH20, TX1 + "/IntrBkSttlmAmt");
    expect(withTransfer(b -> b.interbankSettlementAmount(Amount.of("JPY", "10.5")).instructedAmount(null).exchangeRate(null)),
        ReasonCode.CH20, TX1 + "/IntrBkSttlmAmt");
    assertThat(withTransfer(b -> b.interbankSettlementAmount(Amount.of("KWD", "10.125")).instructedAmount(null).exchangeRate(null)))
        .isEmpty();
    expect(withTransfer(b -> b.interbankSettlementAmount(Amount.of("RUB", "0.00"))), ReasonCode.AM01, TX1 + "/IntrBkSttlmAmt");
    expect(withTransfer(b -> b.interbankSettlementAmount(Amount.of("RUB", "999999999999999999"))), ReasonCode.AM02,
        TX1 + "/IntrBkSttlmAmt");
  }

  @Test
  void identifiersAreChecked() {
    expect(withTransfer(b -> b.creditorAgent(Agent.ofBic("BMJIXXTHXXX"))), ReasonCode.RC01, TX1 + "/CdtrAgt/FinInstnId/BICFI");
    expect(withTransfer(b -> b.debtorAgent(Agent.ofBic("SABRRUMMXXX", "5493001KJTIIGC8Y1R13"))), ReasonCode.RC01,
        TX1 + "/DbtrAgt/FinInstnId/LEI");
    expect(withTransfer(b -> b.creditorAccount(Account.iban("IR062960000000100324200002"))), ReasonCode.AC01, TX1 + "/CdtrAcct/Id/IBAN");
    expect(withTransfer(b -> b.debtor(Party.of("OOO Romashka", PostalAddress.of("Lenina", "1", "101000", "Moscow", "RU"),
        PartyId.lei("5493001KJTIIGC8Y1R13")))), ReasonCode.BE16, TX1 + "/Dbtr/Id/OrgId/LEI");
    expect(withTransfer(b -> b.creditor(Party.of("X", PostalAddress.of("S", "1", "1", "Tehran", "QQ")))), ReasonCode.BE09,
        TX1 + "/Cdtr/PstlAdr/Ctry");
  }

  @Test
  void uetrIsRequiredAndUnique() {
    expect(withTransfer(b -> b.paymentId(PaymentId.of("I", "E", "T", null))), ReasonCode.CH21, TX1 + "/PmtId/UETR");
    Pacs008 base = Fixtures.pacs008(2);
    CreditTransfer second = base.transactions().get(1).toBuilder().paymentId(base.transactions().get(0).paymentId()).build();
    List<Finding> f = findings(new Pacs008(base.groupHeader(), List.of(base.transactions().get(0), second), List.of()));
    assertThat(f).extracting(Finding::code).containsExactly(ReasonCode.DU03, ReasonCode.DU03, ReasonCode.DU05);
    assertThat(f.get(0).path()).isEqualTo("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]/PmtId/UETR");
    // Without the XSD, a malformed UETR still gets caught.
    String xml = new String(Iso20022.write(Fixtures.pacs008(1)), StandardCharsets.UTF_8).replace(Fixtures.uetr(0), "00000000-1f7f-19de-aed0-16487c27b42d");
    ReadResult r = Iso20022.read(xml.getBytes(StandardCharsets.UTF_8), ReadOptions.INTERNAL);
    expect(r.findings(), ReasonCode.CH16, TX1 + "/PmtId/UETR");
  }

  @Test
  void countsAndSumsMatchTheTransactions() {
    Pacs008 base = Fixtures.pacs008(2);
    CreditTransferGroupHeader h = base.groupHeader();
    expect(findings(new Pacs008(withHeader(h, "3", null, null, null), base.transactions(), List.of())), ReasonCode.AM18,
        HDR + "/NbOfTxs");
    expect(findings(new Pacs008(withHeader(h, "2", new BigDecimal("300000.01"), null, null), base.transactions(), List.of())),
        ReasonCode.AM10, HDR + "/CtrlSum");
    assertThat(findings(new Pacs008(withHeader(h, "2", new BigDecimal("300000"), Amount.of("RUB", "300000.00"), Fixtures.TODAY),
        base.transactions().stream().map(t -> t.toBuilder().interbankSettlementDate(null).build()).toList(), List.of()))).isEmpty();
    expect(findings(new Pacs008(withHeader(h, "2", null, Amount.of("RUB", "1.00"), Fixtures.TODAY),
        base.transactions().stream().map(t -> t.toBuilder().interbankSettlementDate(null).build()).toList(), List.of())),
        ReasonCode.AM10, HDR + "/TtlIntrBkSttlmAmt");
  }

  private static CreditTransferGroupHeader withHeader(CreditTransferGroupHeader h, String count, BigDecimal sum, Amount total,
      java.time.LocalDate date) {
    return new CreditTransferGroupHeader(h.messageId(), h.creationDateTime(), null, count, sum, total, date, h.settlementInstruction(),
        null, null, null);
  }

  @Test
  void datesAreSane() {
    expect(withTransfer(b -> b.interbankSettlementDate(Fixtures.TODAY.plusYears(2))), ReasonCode.DT01, TX1 + "/IntrBkSttlmDt");
    expect(withTransfer(b -> b.interbankSettlementDate(Fixtures.TODAY.minusDays(5))), ReasonCode.DT01, TX1 + "/IntrBkSttlmDt");
    expect(withTransfer(b -> b.interbankSettlementDate(null)), ReasonCode.DT01, TX1 + "/IntrBkSttlmDt");
    expect(withTransfer(b -> b.debtor(new Party("Ivan", PostalAddress.of("S", "1", "1", "Moscow", "RU"),
        PartyId.birth(new DateAndPlaceOfBirth(Fixtures.TODAY.plusDays(3), null, "Moscow", "RU")), null, null))),
        ReasonCode.DT01, TX1 + "/Dbtr/Id/PrvtId/DtAndPlcOfBirth/BirthDt");
    byte[] xml = Iso20022.write(Fixtures.envelope(Fixtures.pacs008(1)));
    ReadResult future = Iso20022.read(xml, ReadOptions.EDGE.withReferenceTime(Instant.parse("2026-02-20T00:00:00Z")));
    assertThat(future.findings()).extracting(Finding::code).containsOnly(ReasonCode.DT01);
    assertThat(future.findings()).extracting(Finding::path).containsExactly("/AppHdr/CreDt", HDR + "/CreDtTm");
    assertThat(Iso20022.read(xml, ReadOptions.EDGE.withReferenceTime(Instant.parse("2026-03-02T06:35:00Z"))).findings()).isEmpty();
  }

  @Test
  void formalRulesOfTheMessageDefinition() {
    expect(withTransfer(b -> b.exchangeRate(null)), ReasonCode.CH21, TX1 + "/XchgRate");
    expect(withTransfer(b -> b.instructedAmount(Amount.of("RUB", "150000.00"))), ReasonCode.CH17, TX1 + "/XchgRate");
    expect(withTransfer(b -> b.instructedAmount(null).exchangeRate(null).charges(List.of(new Charge(Amount.of("RUB", "10.00"),
        Fixtures.SENDER_BANK)))), ReasonCode.CH21, TX1 + "/InstdAmt");
    expect(withTransfer(b -> b.intermediaryAgent2(Agent.ofBic("DEUTDEFFXXX"))), ReasonCode.CH21, TX1 + "/IntrmyAgt1");
    expect(withTransfer(b -> b.intermediaryAgent1Account(Account.other("1"))), ReasonCode.CH21, TX1 + "/IntrmyAgt1");
    expect(withTransfer(b -> b.chargeBearer(ChargeBearer.SLEV).paymentTypeInformation(null)), ReasonCode.BE19, TX1 + "/ChrgBr");
    assertThat(withTransfer(b -> b.chargeBearer(ChargeBearer.SLEV))).isEmpty();
    expect(withTransfer(b -> b.instructionsForCreditorAgent(List.of(new Instruction("CHQB", null)))), ReasonCode.CH17, TX1 + "/CdtrAcct");
  }

  @Test
  void fatfRecommendation16() {
    expect(withTransfer(b -> b.debtor(new Party(null, PostalAddress.of("S", "1", "1", "Moscow", "RU"), null, null, null))),
        ReasonCode.RR02, TX1 + "/Dbtr/Nm");
    expect(withTransfer(b -> b.debtorAccount(null)), ReasonCode.RR01, TX1 + "/DbtrAcct");
    expect(withTransfer(b -> b.debtor(Party.of("Ivan Petrov", null))), ReasonCode.RR02, TX1 + "/Dbtr");
    expect(withTransfer(b -> b.debtor(Party.of("Ivan Petrov", new PostalAddress(null, null, null, "Tverskaya", null, null, null, null,
        null, null, null, null, null, null, "RU", List.of())))), ReasonCode.RR02, TX1 + "/Dbtr");
    // Any one of address, date and place of birth, or identification is enough.
    assertThat(withTransfer(b -> b.debtor(Party.of("Ivan Petrov", null,
        PartyId.birth(new DateAndPlaceOfBirth(java.time.LocalDate.of(1980, 5, 17), null, "Moscow", "RU")))))).isEmpty();
    assertThat(withTransfer(b -> b.debtor(Party.of("Ivan Petrov", null, PartyId.nationalId("4509 123456"))))).isEmpty();
    assertThat(withTransfer(b -> b.debtor(Party.of("Ivan Petrov", PostalAddress.lines("RU", "Tverskaya 7, Moscow"))))).isEmpty();
    assertThat(withTransfer(b -> b.debtor(Party.of("OOO Romashka", null, PartyId.lei("5493001KJTIIGC8Y1R12"))))).isEmpty();
    expect(withTransfer(b -> b.creditor(Party.of(" ", PostalAddress.of("S", "1", "1", "Tehran", "IR")))), ReasonCode.RR03,
        TX1 + "/Cdtr/Nm");
    expect(withTransfer(b -> b.creditorAccount(null)), ReasonCode.RR04, TX1 + "/CdtrAcct");
  }

  @Test
  void groupAndTransactionLevelsDoNotRepeatEachOther() {
    Pacs008 base = Fixtures.pacs008(1);
    CreditTransferGroupHeader h = base.groupHeader();
    CreditTransferGroupHeader withAgents = new CreditTransferGroupHeader(h.messageId(), h.creationDateTime(), null, "1", null, null,
        Fixtures.TODAY, h.settlementInstruction(), PaymentTypeInformation.of(Priority.NORM, null), Fixtures.SENDER_BANK, Fixtures.RU_NODE);
    List<Finding> f = findings(new Pacs008(withAgents, base.transactions(), List.of()));
    assertThat(f).extracting(Finding::code).containsOnly(ReasonCode.CH17);
    assertThat(f).extracting(Finding::path).containsExactlyInAnyOrder(TX1 + "/IntrBkSttlmDt", TX1 + "/PmtTpInf", TX1 + "/InstgAgt",
        TX1 + "/InstdAgt");
  }

  @Test
  void otherMessagesHaveTheirRules() {
    OriginalRef original = OriginalRef.of(Fixtures.pacs008(1), Fixtures.transfer(0));
    Pacs002 rejectWithoutReason = Pacs002.of("ST-1", Fixtures.NOW, Fixtures.IR_NODE, Fixtures.RU_NODE, original, Pacs002.RJCT, null);
    ReadResult r = Fixtures.roundTrip(rejectWithoutReason);
    expect(r.findings(), ReasonCode.CH21, "/Document/FIToFIPmtStsRpt/TxInfAndSts[1]/StsRsnInf");
    Pacs004 returnWithoutReason = Pacs004.of("RT-1", Fixtures.NOW, SettlementInstruction.clearing(null), Fixtures.IR_NODE,
        Fixtures.RU_NODE, original, Amount.of("RUB", "150000.00"), Fixtures.TODAY, ChargeBearer.SHAR, null);
    expect(Fixtures.roundTrip(returnWithoutReason).findings(), ReasonCode.CH21, "/Document/PmtRtr/TxInf[1]/RtrRsnInf");
    BusinessApplicationHeader badFrom = BusinessApplicationHeader.of("SABRXXMMXXX", "CBRFRUMMXXX", "M", MessageType.PACS_008_001_08,
        Fixtures.NOW);
    ReadResult h = Iso20022.read(Iso20022.write(Envelope.of(badFrom, Fixtures.pacs008(1))));
    expect(h.findings(), ReasonCode.RC01, "/AppHdr/Fr/FIId/FinInstnId/BICFI");
  }
}
