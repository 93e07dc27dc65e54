package org.rialto.node.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rialto.node.Participants.DEALER;
import static org.rialto.node.Participants.IR_CB;
import static org.rialto.node.Participants.RU_CB;
import static org.rialto.node.Participants.TEHRAN;
import static org.rialto.node.Participants.VOLGA;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rialto.iso20022.Iso20022;
import org.rialto.iso20022.MessageType;
import org.rialto.iso20022.ReadOptions;
import org.rialto.iso20022.ReadResult;
import org.rialto.node.payment.PartyDetails;

/** The ISO 20022 peer wire on its own: what one node writes, the other reads back exactly. */
class PeerWireTest {
  static final Map<String, Integer> UNITS = Map.of("RUB", 2, "IRR", 0, "INR", 2);
  final PeerWire ru = new PeerWire("RU-NODE", RU_CB, UNITS, true);
  final PeerWire ir = new PeerWire("IR-NODE", IR_CB, UNITS, true);

  static PeerMessage.Transfer transfer(String uetr) {
    return transfer(uetr, null, null);
  }

  static PeerMessage.Transfer transfer(String uetr, PartyDetails debtor, PartyDetails creditor) {
    return new PeerMessage.Transfer(uetr, "RU-NODE", "MSG-1", "E2E-1", VOLGA, TEHRAN, DEALER,
        "3f1c2b9e-0d5a-4c77-9a43-1b2c3d4e5f60", 1_000_00, "RUB", 52_050_000, "IRR", "5205.0", 1_800_000_000_123L,
        "Volga Energy", "Tehran Power Plant", "invoice 42 \u0001 turbines", debtor, creditor);
  }

  /** A person known by account, structured address, birth and two ids (R16 in full). */
  static final PartyDetails PERSON = new PartyDetails(null, "40702810900000000001", "RU", "Samara", "443001", "Lenina", "12",
      List.of(), "RU", false, null, null, "1980-04-01", "Samara", "RU",
      List.of(new PartyDetails.Ident("4510123456", "NIDN", "MVD"), new PartyDetails.Ident("C-77", "CUST", null)));
  /** An organisation known by IBAN, address lines and its LEI. */
  static final PartyDetails COMPANY = new PartyDetails("IR062960000000100324200001", null, "IR", null, null, null, null,
      List.of("Enghelab St 5", "Tehran"), null, true, "5493001KJTIIGC8Y1R12", null, null, null, null, List.of());

  @Test
  void aBatchOfTransfersIsOnePacs008ThatValidatesAndReadsBackExactly() {
    var sent = new ArrayList<PeerMessage.Transfer>();
    // Half carry their customers' R16 details (accounts, addresses, identifications), half names only.
    for (int i = 0; i < 50; i++) {
      sent.add(i % 2 == 0 ? transfer(UUID.randomUUID().toString()) : transfer(UUID.randomUUID().toString(), PERSON, COMPANY));
    }
    byte[] body = ru.transfers("IR-NODE", sent, System.currentTimeMillis());
    var read = Iso20022.read(body, ReadOptions.EDGE);
    assertThat(read).isInstanceOf(ReadResult.Parsed.class);
    // The peer's pacs.008 is read without the JDK's XSD pass (same answer, a third of the CPU).
    assertThat(Iso20022.readsOnFastPath(body)).isTrue();
    String xml = new String(body, StandardCharsets.UTF_8);
    assertThat(xml).contains("<MsgDefIdr>pacs.008.001.08</MsgDefIdr>", "<NbOfTxs>50</NbOfTxs>", "<RjctTm>",
        "<InstrInf>/QUOTE/3f1c2b9e-0d5a-4c77-9a43-1b2c3d4e5f60</InstrInf>", "<IntrmyAgt1>", "<XchgRate>5205.0</XchgRate>",
        "<IntrBkSttlmAmt Ccy=\"IRR\">52050000</IntrBkSttlmAmt>", "<InstdAmt Ccy=\"RUB\">1000.00</InstdAmt>",
        "<DbtrAcct><Id><Othr><Id>40702810900000000001</Id></Othr></Id></DbtrAcct>",
        "<CdtrAcct><Id><IBAN>IR062960000000100324200001</IBAN></Id></CdtrAcct>", "<LEI>5493001KJTIIGC8Y1R12</LEI>",
        "<CityOfBirth>Samara</CityOfBirth>");
    var request = ir.request(body, "RU-NODE");
    assertThat(request.type()).isEqualTo(MessageType.PACS_008_001_08);
    assertThat(request.fromBic()).isEqualTo(RU_CB);
    for (int i = 0; i < sent.size(); i++) {
      // The one character XML cannot carry is replaced, visibly; the receiving node knows the payment
      // by the MsgId of the pacs.008 that brought it; everything else is exact, to the millisecond.
      var expected = sent.get(i);
      expected = new PeerMessage.Transfer(expected.uetr(), expected.fromNode(), request.messageId(), expected.endToEndId(),
          expected.debtorAgent(), expected.creditorAgent(), expected.fxp(), expected.quoteId(), expected.sourceAmountMinor(),
          expected.sourceCurrency(), expected.targetAmountMinor(), expected.targetCurrency(), expected.rate(),
          expected.expiresAtMillis(), expected.debtorName(), expected.creditorName(), "invoice 42 ? turbines",
          expected.debtorDetails(), expected.creditorDetails());
      assertThat(request.messages().get(i)).isEqualTo(expected);
    }
  }

  @Test
  void answersTravelAsPacs002AndStatusRequestsAsPacs028() {
    String committed = UUID.randomUUID().toString();
    String rejected = UUID.randomUUID().toString();
    String pending = UUID.randomUUID().toString();
    String unknown = UUID.randomUUID().toString();
    var asked = List.of(transfer(committed), transfer(rejected), transfer(pending), transfer(unknown));
    byte[] body = ru.statusRequests("IR-NODE", asked, System.currentTimeMillis());
    assertThat(new String(body, StandardCharsets.UTF_8)).contains("<MsgDefIdr>pacs.028.001.03</MsgDefIdr>");
    var request = ir.request(body, "RU-NODE");
    assertThat(request.messages()).allMatch(m -> m instanceof PeerMessage.StatusRequest);
    var answer = ir.answer(request, List.of(new PeerReply(committed, PeerReply.Status.COMMITTED, null),
        new PeerReply(rejected, PeerReply.Status.REJECTED, "AM04"), new PeerReply(pending, PeerReply.Status.PENDING, null),
        new PeerReply(unknown, PeerReply.Status.UNKNOWN, null)), System.currentTimeMillis());
    assertThat(Iso20022.read(answer, ReadOptions.EDGE).ok()).isTrue();
    assertThat(Iso20022.readsOnFastPath(answer)).isTrue();
    assertThat(Iso20022.readsOnFastPath(body)).isTrue();
    var replies = ru.replies(answer, "IR-NODE", asked.stream().map(t -> UUID.fromString(t.uetr())).toList());
    assertThat(replies.get(UUID.fromString(committed)).status()).isEqualTo(PeerReply.Status.COMMITTED);
    assertThat(replies.get(UUID.fromString(rejected))).isEqualTo(new PeerReply(rejected, PeerReply.Status.REJECTED, "AM04"));
    assertThat(replies.get(UUID.fromString(pending)).status()).isEqualTo(PeerReply.Status.PENDING);
    assertThat(replies.get(UUID.fromString(unknown)).status()).isEqualTo(PeerReply.Status.UNKNOWN);
    // An answer that leaves one out, or comes from another node, decides nothing.
    var more = new ArrayList<>(asked.stream().map(t -> UUID.fromString(t.uetr())).toList());
    more.add(UUID.randomUUID());
    assertThatThrownBy(() -> ru.replies(answer, "IR-NODE", more)).hasMessageContaining("answered 4 of 5");
    assertThatThrownBy(() -> ru.replies(answer, "CN-NODE", Set.copyOf(more))).hasMessageContaining("AppHdr Fr names IR-NODE");
    // A message for another node is refused by the node it reached.
    assertThatThrownBy(() -> new PeerWire("CN-NODE", "CBCNCNBJ", UNITS, true).request(body, "RU-NODE"))
        .hasMessageContaining("not this node CN-NODE");
  }

  @Test
  void aRateIsCarriedAsABaseOneRateAndOneThatCannotBeIsRefusedBeforeSending() {
    assertThat(PeerWire.wireRate("520.5")).isEqualByComparingTo("520.5");
    assertThat(PeerWire.wireRate("0.0019")).isEqualByComparingTo("0.0019");
    assertThat(PeerWire.wireRate("0.00192307692307692")).isEqualByComparingTo("0.0019230769");
    assertThat(PeerWire.wireRate("123456.123456789")).isEqualByComparingTo("123456.12346");
    assertThat(PeerWire.wireRate("520.50000000000000")).isEqualByComparingTo("520.5");
    assertThat(PeerWire.wireRate("5205.0").toPlainString()).as("exact when it fits").isEqualTo("5205.0");
    assertThat(PeerWire.wireRate("100000000000")).isNull();
    assertThat(PeerWire.wireRate("0.00000000001")).isNull();
    assertThat(PeerWire.wireRate("0")).isNull();
    assertThat(PeerWire.wireRate("abc")).isNull();
    // A long rate travels rounded and the peer's XSD accepts it; the amounts stay exact.
    var t = transfer(UUID.randomUUID().toString());
    var longRate = new PeerMessage.Transfer(t.uetr(), t.fromNode(), t.msgId(), t.endToEndId(), t.debtorAgent(), t.creditorAgent(),
        t.fxp(), t.quoteId(), t.sourceAmountMinor(), t.sourceCurrency(), t.targetAmountMinor(), t.targetCurrency(),
        "5205.00000000000000001", t.expiresAtMillis(), t.debtorName(), t.creditorName(), null, null, null);
    var read = (PeerMessage.Transfer) ir.request(ru.transfers("IR-NODE", List.of(longRate), System.currentTimeMillis()), "RU-NODE")
        .messages().get(0);
    assertThat(read.rate()).isEqualTo("5205");
    assertThat(read.targetAmountMinor()).isEqualTo(t.targetAmountMinor());
  }
}
