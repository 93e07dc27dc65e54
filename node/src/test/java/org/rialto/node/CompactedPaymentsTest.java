package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.A;
import static org.rialto.node.Participants.B;
import static org.rialto.node.Participants.C;
import static org.rialto.node.Participants.RU_CB;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.config.NodeConfig;

/**
 * A final payment leaves the writer's records once its turn is durable and lives on in compact
 * form (NodeState#payments): it must still answer everything a bank can ask of it, before and
 * after a restart, from the compact record or the stored row.
 */
class CompactedPaymentsTest {
  @TempDir Path dir;
  Node node;
  Http http;
  TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z")); // a Monday

  NodeConfig config() {
    return new NodeConfig("RU-TEST", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve("node.db").toString()),
        null,
        List.of(
            new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(A, "Bank A", "RU", "0", "1000.00"),
            new NodeConfig.ParticipantConfig(B, "Bank B", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(C, "Bank C", "RU", "0", "0")),
        List.of(), List.of(), null, null, new NodeConfig.ScreeningConfig(List.of("UN"), null)).withOperators(TestOperators.all())
        .withSecurity(TestPki.security("RU-TEST"));
  }

  void start() throws Exception {
    node = Node.start(config(), clock);
    http = new Http(node.port(), "RU-TEST");
  }

  @AfterEach
  void stop() throws Exception {
    if (http != null) http.close();
    if (node != null) node.close();
  }

  static String payment(String uetr, String amount, String remittance) {
    return "{\"uetr\":\"" + uetr + "\",\"endToEndId\":\"E2E-" + uetr.substring(0, 8) + "\",\"debtorAgent\":\"" + A
        + "\",\"creditorAgent\":\"" + B + "\",\"amount\":\"" + amount + "\",\"currency\":\"RUB\","
        + "\"debtor\":{\"name\":\"Debtor Ltd\"},\"creditor\":{\"name\":\"Creditor Ltd\"},\"remittance\":\"" + remittance + "\"}";
  }

  Http.Response send(String msgId, String payment) throws Exception {
    return http.post(A, "/v1/payments", "{\"msgId\":\"" + msgId + "\",\"payments\":[" + payment + "]}");
  }

  static String state(Http.Response r) {
    return r.body().get("payments").get(0).get("state").asText();
  }

  static String reason(Http.Response r) {
    var code = r.body().get("payments").get(0).get("reasonCode");
    return code == null ? null : code.asText();
  }

  /** Waits until the writer no longer holds the payment as a record (its turn is durable). */
  void awaitCompacted(String uetr) throws Exception {
    UUID id = UUID.fromString(uetr);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    // Each query is a writer turn, and a turn starts by compacting the durable ones.
    while (node.engine().query(v -> v.payment(id).isPresent()).get(5, TimeUnit.SECONDS)) {
      assertThat(System.nanoTime()).as("payment " + uetr + " compacted").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  void assertStoredDetails(String uetr, String state) throws Exception {
    var view = http.get(A, "/v1/payments/" + uetr);
    assertThat(view.status()).as(view.raw()).isEqualTo(200);
    assertThat(view.body().get("state").asText()).isEqualTo(state);
    assertThat(view.body().get("msgId").asText()).isEqualTo("M-FIRST-" + uetr);
    assertThat(view.body().get("endToEndId").asText()).isEqualTo("E2E-" + uetr.substring(0, 8));
    assertThat(view.body().get("amount").asText()).isEqualTo("100.00");
    assertThat(view.body().get("valueDate").asText()).isEqualTo("2026-11-23");
    assertThat(http.get(C, "/v1/payments/" + uetr).status()).as("not C's payment").isEqualTo(422);
    // The creditor's inbox renders the pacs.008 from the stored row, remittance and names included.
    var inbox = http.get(B, "/v1/messages?after=0").body().get("messages");
    boolean found = false;
    for (var m : inbox) {
      if (m.get("kind").asText().equals("pacs.008") && m.get("uetr").asText().equals(uetr)) {
        assertThat(m.get("xml").asText()).contains("Invoice " + uetr.substring(0, 8), "Debtor Ltd", "Creditor Ltd");
        found = true;
      }
    }
    assertThat(found).as("pacs.008 of " + uetr + " in B's inbox").isTrue();
  }

  @Test
  void anOldSettledPaymentAnswersDuplicatesReadsAndReturnsFromItsCompactFormBeforeAndAfterARestart() throws Exception {
    start();
    String kept = UUID.randomUUID().toString();
    String returned = UUID.randomUUID().toString();
    String original = payment(kept, "100.00", "Invoice " + kept.substring(0, 8));
    String toReturn = payment(returned, "100.00", "Invoice " + returned.substring(0, 8));
    assertThat(state(send("M-FIRST-" + kept, original))).isEqualTo("SETTLED");
    assertThat(state(send("M-FIRST-" + returned, toReturn))).isEqualTo("SETTLED");
    // A rejected payment is final too: its reason code must survive compaction.
    String refused = UUID.randomUUID().toString();
    String late = payment(refused, "50.00", "late").replace("\"currency\":", "\"rejectTime\":\"2026-11-23T08:00:00Z\",\"currency\":");
    var tooLate = send("M-REFUSED", late);
    String refusedState = state(tooLate);
    String refusedReason = reason(tooLate);
    assertThat(refusedState).isEqualTo("REJECTED");
    assertThat(refusedReason).isEqualTo("AB03");
    awaitCompacted(kept);
    awaitCompacted(returned);
    awaitCompacted(refused);

    for (int round = 0; round < 2; round++) {
      // Idempotency from the compact record: another message with the same payment gets the
      // original answer; with other content, DUPL; nothing moves.
      var again = send("M-AGAIN-" + round, original);
      assertThat(state(again)).isEqualTo("SETTLED");
      var changed = send("M-CHANGED-" + round, payment(kept, "100.01", "Invoice " + kept.substring(0, 8)));
      assertThat(state(changed)).isEqualTo("REJECTED");
      assertThat(reason(changed)).isEqualTo("DUPL");
      var refusedAgain = send("M-REFUSED-AGAIN-" + round, late);
      assertThat(state(refusedAgain)).isEqualTo(refusedState);
      assertThat(reason(refusedAgain)).isEqualTo(refusedReason);
      // The same message again is answered from its MsgId record, as before; the same MsgId with
      // other content is refused whole (DUPL) and settles nothing.
      var sameMessage = send("M-FIRST-" + kept, original);
      assertThat(state(sameMessage)).isEqualTo("SETTLED");
      assertThat(sameMessage.body().get("duplicateMessage").asBoolean()).isTrue();
      var sameIdOther = send("M-FIRST-" + kept, payment(UUID.randomUUID().toString(), "1.00", "other"));
      assertThat(state(sameIdOther)).isEqualTo("REJECTED");
      assertThat(reason(sameIdOther)).isEqualTo("DUPL");
      assertThat(state(send("M-REFUSED", late))).isEqualTo(refusedState);
      assertStoredDetails(kept, "SETTLED");
      // Nothing to cancel or re-order in a final payment; only its bank may ask.
      var cancel = http.post(A, "/v1/payments/" + kept + "/cancel", "{}");
      assertThat(cancel.body().get("cancelled").asBoolean()).isFalse();
      assertThat(cancel.body().get("state").asText()).isEqualTo("SETTLED");
      assertThat(http.post(C, "/v1/payments/" + kept + "/cancel", "{}").status()).isEqualTo(422);

      if (round == 0) {
        // A return of a compacted payment: read back from the store, returned, compacted again.
        var ret = http.post(B, "/v1/payments/" + returned + "/return",
            "{\"returnUetr\":\"" + UUID.randomUUID() + "\",\"reasonCode\":\"AC04\",\"amount\":\"40.00\"}");
        assertThat(ret.status()).as(ret.raw()).isEqualTo(200);
        awaitCompacted(returned);
      }
      assertStoredDetails(returned, "RETURNED");
      assertThat(state(send("M-AGAIN-RET-" + round, toReturn))).isEqualTo("RETURNED");
      var twice = http.post(B, "/v1/payments/" + returned + "/return",
          "{\"returnUetr\":\"" + UUID.randomUUID() + "\",\"reasonCode\":\"AC04\",\"amount\":\"10.00\"}");
      assertThat(twice.status()).as(twice.raw()).isEqualTo(200);
      assertThat(http.get(A, "/v1/accounts/" + A).body().get("balance").asText()).isEqualTo("840.00");
      assertThat(http.get(B, "/v1/accounts/" + B).body().get("balance").asText()).isEqualTo("160.00");

      // The invariants (money conserved, every state against the ledger) hold, and each payment
      // is counted once whether it is a record or compact.
      var invariants = node.engine().query(v -> v.verifyInvariants()).get(10, TimeUnit.SECONDS);
      assertThat(invariants.get("paymentsByState")).hasToString("{REJECTED=1, RETURNED=1, SETTLED=1}");

      // After a restart the node loads final payments in compact form only, and its start-up
      // cross-check against the ledger passed (it refuses to start otherwise).
      node.close();
      node = null;
      http.close();
      start();
      assertThat(node.engine().query(v -> v.payment(UUID.fromString(kept)).isPresent()).get(5, TimeUnit.SECONDS))
          .as("loaded compact").isFalse();
    }
    // A fresh return of the kept payment after the restart.
    var ret = http.post(B, "/v1/payments/" + kept + "/return",
        "{\"returnUetr\":\"" + UUID.randomUUID() + "\",\"reasonCode\":\"AC04\",\"amount\":\"100.00\"}");
    assertThat(ret.status()).as(ret.raw()).isEqualTo(200);
    assertStoredDetails(kept, "RETURNED");
    assertThat(http.get(B, "/v1/accounts/" + B).body().get("balance").asText()).isEqualTo("60.00");
  }
}
