package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a node builds (status reports, forwards, returns, notifications, ...) is schema-valid and says the right thing. */
class BuildersTest {
  private static final Pacs008 RECEIVED = Fixtures.pacs008(1);
  private static final CreditTransfer TX = RECEIVED.transactions().get(0);
  private static final OriginalRef ORIGINAL = OriginalRef.of(RECEIVED, TX);

  /** Writes with a header, checks the XSD independently, reads back at the edge and returns what was read. */
  private static <T extends IsoMessage> ReadResult.Parsed valid(T message) throws Exception {
    byte[] xml = Iso20022.write(Fixtures.envelope(message));
    assertThat(XsdCheck.errors(xml)).isEmpty();
    ReadResult r = Iso20022.read(xml);
    assertThat(r).as(String.valueOf(r.findings())).isInstanceOf(ReadResult.Parsed.class);
    assertThat(((ReadResult.Parsed) r).envelope().document()).isEqualTo(message);
    return (ReadResult.Parsed) r;
  }

  @Test
  void statusReportQuotesTheOriginal() throws Exception {
    Pacs002 accepted = Pacs002.of("ST-1", Fixtures.NOW, Fixtures.IR_NODE, Fixtures.RU_NODE, ORIGINAL, Pacs002.ACSC, null);
    assertThat(valid(accepted).ok()).isTrue();
    Pacs002.TransactionStatus s = accepted.transactions().get(0);
    assertThat(s.originalGroupInfo()).isEqualTo(new OriginalGroupInfo("MSG-RU-0001", "pacs.008.001.08", Fixtures.NOW));
    assertThat(s.originalUetr()).isEqualTo(TX.paymentId().uetr());
    assertThat(s.originalEndToEndId()).isEqualTo("E2E-0");
    assertThat(s.originalTransactionId()).isEqualTo("TX-0");
    assertThat(s.originalInstructionId()).isEqualTo("INSTR-0");
    assertThat(s.status()).isEqualTo("ACSC");

    Finding finding = new Finding(ReasonCode.AC01, "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/CdtrAcct/Id/IBAN", "bad IBAN");
    Pacs002 rejected = Pacs002.of("ST-2", Fixtures.NOW, Fixtures.IR_NODE, Fixtures.RU_NODE, ORIGINAL, Pacs002.RJCT,
        ReasonInformation.of(finding));
    assertThat(valid(rejected).ok()).isTrue();
    assertThat(rejected.transactions().get(0).reasons().get(0).reason().code()).isEqualTo("AC01");

    Pacs002 group = Pacs002.ofGroup("ST-3", Fixtures.NOW, Fixtures.IR_NODE, Fixtures.RU_NODE, ORIGINAL.group(), Pacs002.RJCT,
        List.of(ReasonInformation.of(ReasonCode.FF01, "x".repeat(300))));
    assertThat(valid(group).ok()).isTrue();
    assertThat(group.originalGroups().get(0).reasons().get(0).additionalInformation().get(0)).hasSize(105);
  }

  @Test
  void forwardingKeepsEverythingAndMovesTheAgents() throws Exception {
    CreditTransfer rich = TX.toBuilder()
        .otherElements(List.of(XmlElement.of(MessageType.PACS_008_001_08.namespace(), "RgltryRptg",
            XmlElement.leaf(MessageType.PACS_008_001_08.namespace(), "DbtCdtRptgInd", "DEBT"))))
        .build();
    Pacs008 received = new Pacs008(RECEIVED.groupHeader(), List.of(rich), List.of());
    Pacs008 forwarded = received.forwardedBy("MSG-FWD-1", Fixtures.NOW.plusSeconds(1), Fixtures.RU_NODE, Fixtures.IR_NODE);
    assertThat(valid(forwarded).ok()).isTrue();
    CreditTransfer t = forwarded.transactions().get(0);
    assertThat(forwarded.groupHeader().messageId()).isEqualTo("MSG-FWD-1");
    assertThat(t.instructingAgent()).isEqualTo(Fixtures.RU_NODE);
    assertThat(t.instructedAgent()).isEqualTo(Fixtures.IR_NODE);
    assertThat(t.previousInstructingAgent1()).isEqualTo(Fixtures.SENDER_BANK);
    assertThat(t.quoteId()).isEqualTo("Q-0");
    assertThat(t.otherElements()).isEqualTo(rich.otherElements());
    assertThat(t.toBuilder().instructingAgent(null).instructedAgent(null).previousInstructingAgent1(null).build())
        .isEqualTo(rich.toBuilder().instructingAgent(null).instructedAgent(null).build());
    // A second hop adds a second previous agent.
    Pacs008 again = forwarded.forwardedBy("MSG-FWD-2", Fixtures.NOW, Fixtures.IR_NODE, Fixtures.RECEIVER_BANK);
    assertThat(again.transactions().get(0).previousInstructingAgent2()).isEqualTo(Fixtures.RU_NODE);
  }

  @Test
  void statusRequestReturnAndCancellation() throws Exception {
    Pacs028 request = Pacs028.of("SR-1", Fixtures.NOW, Fixtures.RU_NODE, Fixtures.IR_NODE, ORIGINAL);
    assertThat(valid(request).ok()).isTrue();
    assertThat(request.transactions().get(0).originalUetr()).isEqualTo(TX.paymentId().uetr());

    Pacs004 ret = Pacs004.of("RT-1", Fixtures.NOW, SettlementInstruction.clearing(null), Fixtures.IR_NODE, Fixtures.RU_NODE, ORIGINAL,
        Amount.of("RUB", "150000.00"), Fixtures.TODAY, ChargeBearer.SHAR, ReasonInformation.of(ReasonCode.FOCR));
    assertThat(valid(ret).ok()).isTrue();
    assertThat(ret.transactions().get(0).originalInterbankSettlementAmount()).isEqualTo(Amount.of("RUB", "150000.00"));

    Camt056 cancel = Camt056.of("CX-1", Fixtures.NOW, Fixtures.RU_NODE, Fixtures.IR_NODE, ORIGINAL, ReasonInformation.of(ReasonCode.DUPL));
    assertThat(valid(cancel).ok()).isTrue();
    Camt029 answer = Camt029.answer("RS-1", Fixtures.NOW, cancel, cancel.underlyings().get(0).transactions().get(0), true, null);
    assertThat(valid(answer).ok()).isTrue();
    assertThat(answer.status().confirmation()).isEqualTo("CNCL");
    assertThat(answer.assignment().assigner()).isEqualTo(PartyOrAgent.of(Fixtures.IR_NODE));
    Camt029 refused = Camt029.answer("RS-2", Fixtures.NOW, cancel, cancel.underlyings().get(0).transactions().get(0), false,
        ReasonInformation.of("LEGL", "settled and final"));
    assertThat(valid(refused).ok()).isTrue();
    assertThat(refused.cancellationDetails().get(0).transactions().get(0).status()).isEqualTo("RJCR");
  }

  @Test
  void notificationsAndStatements() throws Exception {
    Account account = Account.iban("IR062960000000100324200001");
    EntryTransaction details = EntryTransaction.of(RECEIVED.messageId(), TX, CreditDebit.CRDT);
    Entry credit = Entry.booked(Amount.of("IRR", "70000000.00"), CreditDebit.CRDT, Fixtures.TODAY, Fixtures.TODAY, "IR-000123",
        BankTransactionCode.RECEIVED_CROSS_BORDER, details);
    Camt054 notification = Camt054.of("NT-1", Fixtures.NOW, AccountReport.notification("NT-1", Fixtures.NOW, account, List.of(credit)));
    assertThat(valid(notification).ok()).isTrue();
    assertThat(credit.details().get(0).transactions().get(0).references().uetr()).isEqualTo(TX.paymentId().uetr());

    Camt053 statement = Camt053.of("ST-1", Fixtures.NOW, AccountReport.of("ST-1", Fixtures.NOW, account,
        List.of(Balance.of("OPBD", "IRR", 0, Fixtures.TODAY), Balance.of("CLBD", "IRR", 7_000_000_000L, Fixtures.TODAY)), List.of(credit)));
    assertThat(valid(statement).ok()).isTrue();
    assertThat(Balance.of("CLBD", "IRR", -5, Fixtures.TODAY).creditDebit()).isEqualTo(CreditDebit.DBIT);
    assertThatThrownBy(() -> Camt054.of("N", Fixtures.NOW, AccountReport.of("N", Fixtures.NOW, account,
        List.of(Balance.of("CLBD", "IRR", 1, Fixtures.TODAY)), List.of()))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void messageRejectForUnreadableInput() throws Exception {
    ReadResult r = Iso20022.read("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf><GrpHdr>"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ReadResult.Unreadable u = (ReadResult.Unreadable) r;
    Admi002 reject = Admi002.reject(u.businessMessageId(), Fixtures.NOW, u.findings().get(0));
    assertThat(valid(reject).ok()).isTrue();
    assertThat(reject.relatedReference()).isEqualTo("NONREF");
    assertThat(reject.rejectingPartyReason()).isEqualTo("FF01");
  }

  @Test
  void writersRefuseWhatXmlCannotCarry() {
    CreditTransfer control = TX.toBuilder().remittanceInformation(RemittanceInformation.of("bell\u0007")).build();
    assertThatThrownBy(() -> Iso20022.write(new Pacs008(RECEIVED.groupHeader(), List.of(control), List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0007");
    BusinessApplicationHeader wrongType = BusinessApplicationHeader.of("SABRRUMMXXX", "CBRFRUMMXXX", "M", MessageType.PACS_009_001_08,
        Fixtures.NOW);
    assertThatThrownBy(() -> Iso20022.write(Envelope.of(wrongType, RECEIVED))).isInstanceOf(IllegalArgumentException.class);
    CreditTransfer misplaced = TX.toBuilder().otherElements(List.of(XmlElement.leaf(MessageType.PACS_008_001_08.namespace(), "Bogus", "x")))
        .build();
    assertThatThrownBy(() -> Iso20022.write(new Pacs008(RECEIVED.groupHeader(), List.of(misplaced), List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bogus");
    CreditTransfer duplicate = TX.toBuilder().otherElements(List.of(XmlElement.leaf(MessageType.PACS_008_001_08.namespace(), "ChrgBr", "DEBT")))
        .build();
    assertThatThrownBy(() -> Iso20022.write(new Pacs008(RECEIVED.groupHeader(), List.of(duplicate), List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both typed");
  }

  @Test
  void untypedElementsGiveBackInSchemaOrderWhateverOrderTheyCameIn() throws Exception {
    String ns = MessageType.PACS_008_001_08.namespace();
    XmlElement supplementary = XmlElement.of(ns, "SplmtryData", XmlElement.of(ns, "Envlp", XmlElement.leaf("urn:x", "Any", "1")));
    XmlElement regulatory = XmlElement.of(ns, "RgltryRptg", XmlElement.leaf(ns, "DbtCdtRptgInd", "BOTH"));
    CreditTransfer t = TX.toBuilder().otherElements(List.of(supplementary, regulatory)).build();
    byte[] xml = Iso20022.write(new Pacs008(RECEIVED.groupHeader(), List.of(t), List.of()));
    assertThat(XsdCheck.errors(xml)).isEmpty();
    CreditTransfer back = ((Pacs008) ((ReadResult.Parsed) Iso20022.read(xml)).envelope().document()).transactions().get(0);
    assertThat(back.otherElements()).containsExactly(regulatory, supplementary);
  }
}
