package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.A;
import static org.rialto.node.Participants.B;
import static org.rialto.node.Participants.RU_CB;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.iso20022.Account;
import org.rialto.iso20022.Agent;
import org.rialto.iso20022.Amount;
import org.rialto.iso20022.Camt029;
import org.rialto.iso20022.Camt056;
import org.rialto.iso20022.ChargeBearer;
import org.rialto.iso20022.CreditTransfer;
import org.rialto.iso20022.Envelope;
import org.rialto.iso20022.Iso20022;
import org.rialto.iso20022.OriginalRef;
import org.rialto.iso20022.Pacs002;
import org.rialto.iso20022.Pacs008;
import org.rialto.iso20022.Pacs028;
import org.rialto.iso20022.Party;
import org.rialto.iso20022.PaymentId;
import org.rialto.iso20022.PostalAddress;
import org.rialto.iso20022.ReadResult;
import org.rialto.iso20022.ReasonInformation;
import org.rialto.iso20022.SettlementInstruction;
import org.rialto.iso20022.SettlementMethod;
import org.rialto.node.config.NodeConfig;

/** ISO 20022 over HTTP: pacs.008 in, pacs.002 out; pacs.028 and camt.056; hostile XML refused. */
class IsoGatewayTest {
  /**
   * The node's clock and the messages' creation time: one instant, as at a bank whose clock
   * agrees with the node's. Creation times from the real clock next to settlement dates of the
   * node's fixed day were refused (DT01) once the real date was two days past it.
   */
  private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-23T09:00:00Z");

  @TempDir Path dir;
  Node node;
  Http banks;

  @BeforeEach
  void start() throws Exception {
    var config = new NodeConfig("RU-TEST", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve("n.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(A, "Bank A", "RU", "0", "1000.00"),
            new NodeConfig.ParticipantConfig(B, "Bank B", "RU", "0", "0")),
        List.of(), List.of(), null, null, null).withSecurity(TestPki.security("RU-TEST"));
    node = Node.start(config, new TestClock(CREATED.toInstant()));
    banks = new Http(node.port(), "RU-TEST");
  }

  @AfterEach
  void stop() throws Exception {
    banks.close();
    node.close();
  }

  org.rialto.node.client.BankClient.Response post(String bic, byte[] xml) throws Exception {
    return banks.client(bic).post("/iso20022", xml, "application/xml");
  }

  static CreditTransfer transfer(String uetr, String debtor, String creditor, String amount) {
    return CreditTransfer.builder()
        .paymentId(PaymentId.of(null, "E2E-" + uetr.substring(0, 8), "TX-" + uetr.substring(0, 8), uetr))
        .interbankSettlementAmount(Amount.of("RUB", amount))
        .interbankSettlementDate(LocalDate.of(2026, 11, 23))
        .chargeBearer(ChargeBearer.SHAR)
        .debtor(Party.of("Volga Energy LLC", PostalAddress.of("Lenina", "1", "101000", "Moscow", "RU")))
        .debtorAccount(Account.other("40702810000000000001"))
        .debtorAgent(Agent.ofBic(debtor))
        .creditorAgent(Agent.ofBic(creditor))
        .creditor(Party.of("Kazan Grid JSC", PostalAddress.of("Baumana", "2", "420000", "Kazan", "RU")))
        .creditorAccount(Account.other("40702810000000000002"))
        .build();
  }

  Pacs002 answer(org.rialto.node.client.BankClient.Response response) {
    var read = Iso20022.read(response.body());
    assertThat(read).as(new String(response.body())).isInstanceOf(ReadResult.Parsed.class);
    assertThat(read.findings()).as("the answer validates against the official XSD").isEmpty();
    return (Pacs002) ((ReadResult.Parsed) read).envelope().document();
  }

  @Test
  void pacs008WithManyTransactionsIsAnsweredPerTransaction() throws Exception {
    var txs = new ArrayList<CreditTransfer>();
    String settled = UUID.randomUUID().toString();
    String queued = UUID.randomUUID().toString();
    txs.add(transfer(settled, A, B, "100.00"));
    txs.add(transfer(queued, A, B, "5000.00"));
    var message = Pacs008.of("MSG-1", CREATED, SettlementInstruction.of(SettlementMethod.CLRG), txs);
    var response = post(A, Iso20022.write(Envelope.of(message)));
    assertThat(response.status()).isEqualTo(200);
    var pacs002 = answer(response);
    assertThat(pacs002.transactions()).extracting(Pacs002.TransactionStatus::originalUetr).containsExactly(settled, queued);
    assertThat(pacs002.transactions()).extracting(Pacs002.TransactionStatus::status).containsExactly("ACSC", "PDNG");

    // pacs.028: the bank asks about the queued one.
    var original = OriginalRef.of(message, txs.get(1));
    var status = answer(post(A, Iso20022.write(Envelope.of(Pacs028.of("STS-1", CREATED,
        Agent.ofBic(A), Agent.ofBic(RU_CB), original)))));
    assertThat(status.transactions().get(0).status()).isEqualTo("PDNG");

    // camt.056 cancels it; camt.029 confirms.
    var cancel = Camt056.of("CXL-1", CREATED, Agent.ofBic(A), Agent.ofBic(RU_CB), original,
        ReasonInformation.of("CUST", null));
    var reply = Iso20022.read(post(A, Iso20022.write(Envelope.of(cancel))).body());
    assertThat(reply.findings()).isEmpty();
    var camt029 = (Camt029) ((ReadResult.Parsed) reply).envelope().document();
    assertThat(Iso20022.writeString(Envelope.of(camt029))).contains("ACCR");

    // Same message again: same answer, no second settlement.
    var again = answer(post(A, Iso20022.write(Envelope.of(message))));
    assertThat(again.transactions()).extracting(Pacs002.TransactionStatus::status).containsExactly("ACSC", "PDNG");
  }

  @Test
  void pacs004ReturnsASettledPaymentOnceAndPacs009MovesBankMoney() throws Exception {
    String uetr = UUID.randomUUID().toString();
    var tx = transfer(uetr, A, B, "250.00");
    var message = Pacs008.of("MSG-R", CREATED, SettlementInstruction.of(SettlementMethod.CLRG), tx);
    assertThat(answer(post(A, Iso20022.write(Envelope.of(message)))).transactions().get(0).status()).isEqualTo("ACSC");
    var pacs004 = org.rialto.iso20022.Pacs004.of("RTR-1", CREATED,
        SettlementInstruction.of(SettlementMethod.CLRG), Agent.ofBic(B), Agent.ofBic(RU_CB), OriginalRef.of(message, tx),
        Amount.of("RUB", "250.00"), LocalDate.of(2026, 11, 23), ChargeBearer.SHAR, ReasonInformation.of("AC04", null));
    byte[] xml = Iso20022.write(Envelope.of(pacs004));
    assertThat(answer(post(A, xml)).transactions().get(0).status()).as("only the creditor's bank returns").isEqualTo("RJCT");
    assertThat(answer(post(B, xml)).transactions().get(0).status()).isEqualTo("ACSC");
    assertThat(answer(post(B, xml)).transactions().get(0).status()).as("a resend is not a second return").isEqualTo("ACSC");
    var http = banks;
    assertThat(http.get(A, "/v1/accounts/" + A).body().get("balance").asText()).isEqualTo("1000.00");
    assertThat(http.get(A, "/v1/payments/" + uetr).body().get("state").asText()).isEqualTo("RETURNED");

    String fi = UUID.randomUUID().toString();
    var pacs009 = new org.rialto.iso20022.Pacs009(org.rialto.iso20022.CreditTransferGroupHeader.of("FI-1",
        CREATED, 1, SettlementInstruction.of(SettlementMethod.CLRG)),
        List.of(fiTransfer(fi)), List.of());
    assertThat(answer(post(A, Iso20022.write(Envelope.of(pacs009)))).transactions().get(0).status()).isEqualTo("ACSC");
    assertThat(http.get(B, "/v1/accounts/" + B).body().get("balance").asText()).isEqualTo("10.00");
  }

  static org.rialto.iso20022.FiCreditTransfer fiTransfer(String uetr) {
    var sample = transfer(uetr, A, B, "10.00");
    // The same fields a pacs.008 has, minus the customers: the banks are debtor and creditor.
    return new org.rialto.iso20022.FiCreditTransfer(sample.paymentId(), null, sample.interbankSettlementAmount(), sample.interbankSettlementDate(), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, Agent.ofBic(A), null, Agent.ofBic(A), null, Agent.ofBic(B), null, Agent.ofBic(B), null, null, List.of(), List.of(), null, List.of(), List.of());
  }

  @Test
  void hostileAndInvalidXmlIsRefusedWithFf01AndChangesNothing() throws Exception {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\">&x;</Document>";
    var r1 = post(A, xxe.getBytes());
    assertThat(r1.status()).isEqualTo(400);
    assertThat(new String(r1.body())).contains("RJCT").contains("FF01").doesNotContain("root:");
    var r2 = post(A, "<Document><not-iso/>".getBytes());
    assertThat(r2.status()).isEqualTo(400);
    assertThat(new String(r2.body())).contains("RJCT");
    var r3 = post(A, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    assertThat(r3.status()).isEqualTo(400);
    // A schema-valid message that breaks a business rule (amount digits beyond RUB's 2).
    var bad = Pacs008.of("MSG-2", CREATED, SettlementInstruction.of(SettlementMethod.CLRG),
        List.of(transfer(UUID.randomUUID().toString(), A, B, "1.001")));
    var r4 = post(A, Iso20022.write(Envelope.of(bad)));
    assertThat(new String(r4.body())).contains("RJCT");
    var account = banks.get(A, "/v1/accounts/" + A).body();
    assertThat(account.get("balance").asText()).isEqualTo("1000.00");
  }
}
