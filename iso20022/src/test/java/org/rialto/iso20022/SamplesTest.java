package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CBPR+ samples (all accepted by the official XSD) read with their real values. */
class SamplesTest {
  static final List<String> SAMPLES = List.of("cbpr-camt.052.max.xml", "cbpr-camt.054.max.xml", "cbpr-pacs.002.max.xml",
      "cbpr-pacs.004.max.xml", "cbpr-pacs.008.max.xml", "cbpr-pacs.008.min.xml", "cbpr-pacs.009.max.xml");

  static byte[] sample(String name) {
    try (InputStream in = SamplesTest.class.getResourceAsStream("/samples/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Envelope parsed(String name) {
    ReadResult r = Iso20022.read(sample(name));
    assertThat(r).as(name + " " + r.findings()).isInstanceOf(ReadResult.Parsed.class);
    return ((ReadResult.Parsed) r).envelope();
  }

  private static final OffsetDateTime JAN1 = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void pacs008MinimalSample() {
    ReadResult r = Iso20022.read(sample("cbpr-pacs.008.min.xml"));
    Envelope e = ((ReadResult.Parsed) r).envelope();
    BusinessApplicationHeader h = e.header();
    assertThat(h.businessMessageId()).isEqualTo("EXMsgId");
    assertThat(h.messageDefinitionId()).isEqualTo("pacs.008.001.08");
    assertThat(h.creationDate()).isEqualTo(JAN1);
    assertThat(h.from().party()).isEqualTo(new Party(null, null, null, null, null));
    Pacs008 m = (Pacs008) e.document();
    assertThat(m.groupHeader().messageId()).isEqualTo("EXMsgId");
    assertThat(m.groupHeader().numberOfTransactions()).isEqualTo("1");
    assertThat(m.groupHeader().settlementInstruction().method()).isEqualTo(SettlementMethod.INDA);
    CreditTransfer t = m.transactions().get(0);
    assertThat(t.paymentId()).isEqualTo(new PaymentId("EXInstrId", "EXEndToEndId", null, "00000000-0000-4000-9a9f-b231a317421a", null));
    assertThat(t.interbankSettlementAmount()).isEqualTo(Amount.of("EUR", "1000.00"));
    assertThat(t.interbankSettlementAmount().minorUnits()).isEqualTo(100_000L);
    assertThat(t.interbankSettlementDate()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(t.chargeBearer()).isEqualTo(ChargeBearer.SHAR);
    assertThat(t.instructingAgent()).isEqualTo(Agent.ofBic("YZABGBKLXXX"));
    assertThat(t.instructedAgent()).isEqualTo(Agent.ofBic("NOPQUSTUXXX"));
    assertThat(t.debtor().name()).isEqualTo("EXAMPLE PARTY NV");
    assertThat(t.creditor().name()).isEqualTo("EXAMPLE PARTY NV");
    assertThat(t.debtorAgent()).isEqualTo(new Agent(null, null, null, null, null, null, null));
    assertThat(t.debtorAccount()).isNull();
    // The minimal CBPR+ message lacks what FATF Recommendation 16 asks of a cross-border transfer.
    assertThat(r.findings()).extracting(Finding::code).containsExactly(ReasonCode.RR01, ReasonCode.RR02, ReasonCode.RR04);
    assertThat(r.findings()).extracting(Finding::path).containsExactly(
        "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/DbtrAcct",
        "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr",
        "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/CdtrAcct");
  }

  @Test
  void pacs008MaximalSample() {
    ReadResult r = Iso20022.read(sample("cbpr-pacs.008.max.xml"));
    Envelope e = ((ReadResult.Parsed) r).envelope();
    BusinessApplicationHeader h = e.header();
    assertThat(h.characterSet()).isEqualTo("EXCharSet");
    assertThat(h.from().agent().bic()).isEqualTo("ABCDGBEFXXX");
    assertThat(h.from().agent().lei()).isEqualTo("097900YZ01234567EF25");
    assertThat(h.from().agent().branch().id()).isEqualTo("EXId");
    assertThat(h.to().agent().bic()).isEqualTo("PQRSUSNOXXX");
    assertThat(h.businessService()).isEqualTo("swift.cbprplus.03");
    assertThat(h.copyDuplicate()).isEqualTo("CODU");
    assertThat(h.possibleDuplicate()).isTrue();
    assertThat(h.priority()).isEqualTo("HIGH");
    assertThat(h.otherElements()).extracting(XmlElement::name).containsExactly("MktPrctc", "Rltd");
    Pacs008 m = (Pacs008) e.document();
    SettlementInstruction s = m.groupHeader().settlementInstruction();
    assertThat(s.settlementAccount().other().id()).isEqualTo("EXId");
    assertThat(s.settlementAccount().currency()).isEqualTo("EUR");
    assertThat(s.instructingReimbursementAgent().bic()).isEqualTo("ABCDGBEFXXX");
    CreditTransfer t = m.transactions().get(0);
    assertThat(t.paymentId().uetr()).isEqualTo("00000000-0000-4000-aba0-f03b25f59320");
    assertThat(t.paymentId().clearingSystemReference()).isEqualTo("EXClrSysRef");
    assertThat(t.paymentTypeInformation().instructionPriority()).isEqualTo(Priority.HIGH);
    assertThat(t.paymentTypeInformation().clearingChannel()).isEqualTo(ClearingChannel.RTGS);
    assertThat(t.paymentTypeInformation().serviceLevels()).containsExactly(CodeOrProprietary.code("EXCd"));
    assertThat(t.settlementPriority()).isEqualTo(SettlementPriority.URGT);
    assertThat(t.settlementTimeIndication().debitDateTime()).isEqualTo(JAN1);
    assertThat(t.settlementTimeRequest().clsTime()).isEqualTo(OffsetTime.of(10, 0, 0, 0, ZoneOffset.UTC));
    assertThat(t.settlementTimeRequest().rejectTime()).isEqualTo(OffsetTime.of(10, 0, 0, 0, ZoneOffset.UTC));
    assertThat(t.instructedAmount()).isEqualTo(Amount.of("EUR", "1000.00"));
    assertThat(t.exchangeRate()).isEqualByComparingTo(new BigDecimal("1000"));
    assertThat(t.charges()).hasSize(1);
    assertThat(t.charges().get(0).agent().bic()).isEqualTo("ABCDGBEFXXX");
    assertThat(t.previousInstructingAgent1().bic()).isEqualTo("ABCDGBEFXXX");
    assertThat(t.previousInstructingAgent1Account().other().id()).isEqualTo("EXId");
    assertThat(t.intermediaryAgent3()).isNotNull();
    assertThat(t.debtor().postalAddress().townName()).isEqualTo("EXTwnNm");
    assertThat(t.debtor().postalAddress().country()).isEqualTo("GB");
    assertThat(t.debtor().id()).isInstanceOf(PartyId.Person.class);
    assertThat(((PartyId.Person) t.debtor().id()).birth().city()).isEqualTo("EXCityOfBirth");
    assertThat(t.debtorAccount()).isNotNull();
    assertThat(t.creditor().name()).isEqualTo("EXNm");
    assertThat(t.ultimateCreditor()).isNotNull();
    assertThat(t.instructionsForCreditorAgent()).isNotEmpty();
    assertThat(t.instructionsForNextAgent()).isNotEmpty();
    assertThat(t.remittanceInformation()).isNull();
    assertThat(t.otherElements()).extracting(XmlElement::name).containsExactly("RgltryRptg", "RltdRmtInf");
    // Synthetic values that break formal rules the XSD cannot express.
    assertThat(r.findings()).extracting(Finding::code).containsExactly(ReasonCode.CH17, ReasonCode.CH17);
    assertThat(r.findings().get(0).path()).isEqualTo("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/XchgRate");
  }

  @Test
  void pacs009Sample() {
    Pacs009 m = (Pacs009) parsed("cbpr-pacs.009.max.xml").document();
    FiCreditTransfer t = m.transactions().get(0);
    assertThat(t.paymentId().uetr()).isEqualTo("00000000-0000-4000-aba0-f0442179de93");
    assertThat(t.interbankSettlementAmount()).isEqualTo(Amount.of("EUR", "1000.00"));
    assertThat(t.debtor().bic()).isEqualTo("BCDEGBPQXXX");
    assertThat(t.creditor().bic()).isEqualTo("QRSTUSMNXXX");
    assertThat(t.settlementPriority()).isEqualTo(SettlementPriority.URGT);
    assertThat(t.previousInstructingAgent1().lei()).isEqualTo("315700BCDEFGHIJKPQ22");
  }

  @Test
  void pacs002Sample() {
    Pacs002 m = (Pacs002) parsed("cbpr-pacs.002.max.xml").document();
    assertThat(m.groupHeader().messageId()).isEqualTo("EXMsgId");
    Pacs002.TransactionStatus t = m.transactions().get(0);
    assertThat(t.originalGroupInfo()).isEqualTo(new OriginalGroupInfo("EXOrgnlMsgId", "pacs.008.001.08", JAN1));
    assertThat(t.originalEndToEndId()).isEqualTo("EXOrgnlEndToEndId");
    assertThat(t.originalUetr()).isEqualTo("00000000-0000-4000-aba0-f00540dbce6e");
    assertThat(t.status()).isEqualTo("EXTx");
    assertThat(t.reasons().get(0).reason()).isEqualTo(CodeOrProprietary.code("EXCd"));
    assertThat(t.reasons().get(0).additionalInformation()).containsExactly("EXAddtlInf");
    assertThat(t.reasons().get(0).originator().id()).isInstanceOf(PartyId.Person.class);
    assertThat(t.effectiveSettlementDate()).isEqualTo(DateOrDateTime.of(LocalDate.of(2026, 1, 1)));
    assertThat(t.clearingSystemReference()).isEqualTo("EXClrSysRef");
    assertThat(t.instructingAgent().bic()).isEqualTo("UVWXGBKLXXX");
  }

  @Test
  void pacs004Sample() {
    Pacs004 m = (Pacs004) parsed("cbpr-pacs.004.max.xml").document();
    assertThat(m.version()).isEqualTo(MessageType.PACS_004_001_09);
    Pacs004.Transaction t = m.transactions().get(0);
    assertThat(t.returnId()).isEqualTo("EXRtrId");
    assertThat(t.originalUetr()).isEqualTo("00000000-0000-4000-aba0-f01737e46554");
    assertThat(t.originalInterbankSettlementAmount()).isEqualTo(Amount.of("EUR", "1000.00"));
    assertThat(t.returnedInterbankSettlementAmount()).isEqualTo(Amount.of("EUR", "1000.00"));
    assertThat(t.chargeBearer()).isEqualTo(ChargeBearer.SHAR);
    assertThat(t.charges().get(0).agent().bic()).isEqualTo("WXYZGB67XXX");
    assertThat(t.returnReasons()).isNotEmpty();
    assertThat(t.otherElements()).extracting(XmlElement::name).contains("RtrChain", "OrgnlTxRef");
  }

  @Test
  void camt054Sample() {
    Camt054 m = (Camt054) parsed("cbpr-camt.054.max.xml").document();
    assertThat(m.groupHeader().messageRecipient().name()).isEqualTo("EXNm");
    assertThat(m.groupHeader().additionalInformation()).isEqualTo("EXAddtlInf");
    AccountReport n = m.notifications().get(0);
    assertThat(n.id()).isEqualTo("EXId");
    assertThat(n.electronicSequenceNumber()).isEqualTo(1000L);
    assertThat(n.account().other().id()).isEqualTo("EXId");
    assertThat(n.account().owner().name()).isEqualTo("EXNm");
    assertThat(n.balances()).isEmpty();
    Entry entry = n.entries().get(0);
    assertThat(entry.entryReference()).isEqualTo("EXNtryRef");
    assertThat(entry.amount()).isEqualTo(Amount.of("EUR", "1000.00"));
    assertThat(entry.creditDebit()).isEqualTo(CreditDebit.CRDT);
    assertThat(entry.reversal()).isTrue();
    assertThat(entry.bookingDate()).isEqualTo(DateOrDateTime.of(JAN1));
    assertThat(entry.valueDate()).isEqualTo(DateOrDateTime.of(LocalDate.of(2026, 1, 1)));
    assertThat(entry.bankTransactionCode()).isEqualTo(new BankTransactionCode("EXCd", "EXCd", "EXSu", "EXCd", "EXIssr"));
    assertThat(entry.otherElements()).extracting(XmlElement::name).contains("Avlbty", "ComssnWvrInd", "AmtDtls");
    assertThat(entry.details().get(0).transactions()).hasSize(1);
  }

  @Test
  void camt052Sample() {
    Camt052 m = (Camt052) parsed("cbpr-camt.052.max.xml").document();
    AccountReport r = m.reports().get(0);
    assertThat(r.balances()).hasSize(1);
    assertThat(r.entries()).hasSize(1);
    assertThat(r.entries().get(0).bookingDate()).isEqualTo(DateOrDateTime.of(LocalDate.of(2026, 1, 1)));
    assertThat(r.otherElements()).extracting(XmlElement::name).contains("RptPgntn", "RptgSeq");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cbpr-camt.052.max.xml", "cbpr-camt.054.max.xml", "cbpr-pacs.002.max.xml", "cbpr-pacs.004.max.xml",
      "cbpr-pacs.008.max.xml", "cbpr-pacs.008.min.xml", "cbpr-pacs.009.max.xml"})
  void everySampleIsWrittenBackSchemaValidAndUnchanged(String name) throws Exception {
    Envelope e = parsed(name);
    byte[] xml = Iso20022.write(e);
    assertThat(XsdCheck.errors(xml)).isEmpty();
    assertThat(((ReadResult.Parsed) Iso20022.read(xml)).envelope()).isEqualTo(e);
    assertThat(XsdCheck.errors(sample(name))).isEmpty();
  }

  /** What the XSD rejects is reported as a schema finding (FF01), not read. */
  @Test
  void schemaInvalidVariantsAreReportedWithTheSchemaFinding() {
    String min = new String(sample("cbpr-pacs.008.min.xml"), StandardCharsets.UTF_8);
    String[][] variants = {
        // mandatory MsgId removed
        {"<MsgId>EXMsgId</MsgId>", "", "cvc-complex-type.2.4.a"},
        // a lower-case BIC breaks the BICFI pattern
        {"<BICFI>YZABGBKLXXX</BICFI>", "<BICFI>yzabgbklxxx</BICFI>", "cvc-pattern-valid"},
        // an element the schema does not know
        {"<ChrgBr>SHAR</ChrgBr>", "<ChrgBr>SHAR</ChrgBr><Fee>1</Fee>", "Fee"},
        // a code outside the ChargeBearer code set
        {"<ChrgBr>SHAR</ChrgBr>", "<ChrgBr>OUR</ChrgBr>", "cvc-enumeration-valid"},
        // elements out of order
        {"<IntrBkSttlmDt>2026-01-01</IntrBkSttlmDt>", "", "cvc-complex-type"},
        // amount with six decimals
        {">1000.00</IntrBkSttlmAmt>", ">1000.000001</IntrBkSttlmAmt>", "fractionDigits"},
        // a UETR that is not a UUID v4
        {"00000000-0000-4000-9a9f-b231a317421a", "00000000-0000-1000-9a9f-b231a317421a", "cvc-pattern-valid"},
        // AppHdr missing its mandatory MsgDefIdr
        {"<MsgDefIdr>pacs.008.001.08</MsgDefIdr>", "", "cvc-complex-type.2.4.a"},
    };
    for (String[] v : variants) {
      String xml = v[0].isEmpty() ? min : min.replaceFirst(java.util.regex.Pattern.quote(v[0]), java.util.regex.Matcher.quoteReplacement(v[1]));
      assertThat(xml).as(v[0]).isNotEqualTo(min);
      if (v[0].contains("IntrBkSttlmDt")) {
        xml = xml.replace("<ChrgBr>SHAR</ChrgBr>", "<ChrgBr>SHAR</ChrgBr><IntrBkSttlmDt>2026-01-01</IntrBkSttlmDt>");
      }
      ReadResult r = Iso20022.read(xml.getBytes(StandardCharsets.UTF_8));
      assertThat(r).as(v[0]).isInstanceOf(ReadResult.Unreadable.class);
      assertThat(r.findings()).as(v[0]).isNotEmpty().allSatisfy(f -> assertThat(f.code()).isEqualTo(ReasonCode.FF01));
      assertThat(r.findings()).as(v[0]).anySatisfy(f -> assertThat(f.text()).contains(v[2]));
      ReadResult.Unreadable u = (ReadResult.Unreadable) r;
      if (!v[0].contains("MsgDefIdr")) assertThat(u.messageDefinitionId()).as(v[0]).isEqualTo("pacs.008.001.08");
    }
  }

  @Test
  void schemaFindingsCarryThePathInsideTheDocument() {
    String min = new String(sample("cbpr-pacs.008.min.xml"), StandardCharsets.UTF_8)
        .replace("<BICFI>NOPQUSTUXXX</BICFI>", "<BICFI>nopq</BICFI>");
    ReadResult r = Iso20022.read(min.getBytes(StandardCharsets.UTF_8));
    assertThat(r.findings()).extracting(Finding::path)
        .contains("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf/InstdAgt/FinInstnId/BICFI");
    assertThat(((ReadResult.Unreadable) r).businessMessageId()).isEqualTo("EXMsgId");
  }

  @Test
  void withoutSchemaValidationASchemaInvalidButReadableValueIsLeftToTheRules() {
    String min = new String(sample("cbpr-pacs.008.min.xml"), StandardCharsets.UTF_8)
        .replace("<BICFI>NOPQUSTUXXX</BICFI>", "<BICFI>nopq</BICFI>");
    ReadResult r = Iso20022.read(min.getBytes(StandardCharsets.UTF_8), ReadOptions.INTERNAL);
    assertThat(r).isInstanceOf(ReadResult.Parsed.class);
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo(ReasonCode.RC01);
      assertThat(f.path()).isEqualTo("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/InstdAgt/FinInstnId/BICFI");
    });
  }
}
