package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.A;
import static org.rialto.node.Participants.B;
import static org.rialto.node.Participants.C;
import static org.rialto.node.Participants.RU_CB;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.calendar.CalendarConfig;
import org.rialto.node.config.NodeConfig;

/** Domestic RTGS through the real HTTP API of a node running on a SQLite store. */
class NodeRtgsTest {
  @TempDir Path dir;
  Node node;
  Http http;
  TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z")); // a Monday

  NodeConfig config(CalendarConfig calendar) {
    return new NodeConfig("RU-TEST", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve("node.db").toString()),
        calendar,
        List.of(
            new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(A, "Bank A", "RU", "0", "1000.00"),
            new NodeConfig.ParticipantConfig(B, "Bank B", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(C, "Bank C", "RU", "0", "0")),
        List.of(), List.of(), null, null, new NodeConfig.ScreeningConfig(List.of("UN"), null)).withOperators(TestOperators.all())
        .withSecurity(TestPki.security("RU-TEST"));
  }

  void start(CalendarConfig calendar) throws Exception {
    node = Node.start(config(calendar), clock);
    http = new Http(node.port(), "RU-TEST");
  }

  @AfterEach
  void stop() throws Exception {
    if (http != null) http.close();
    if (node != null) node.close();
  }

  static String uetr() {
    return UUID.randomUUID().toString();
  }

  Http.Response pay(String uetr, String debtor, String creditor, String amount) throws Exception {
    return http.post(debtor, "/v1/payments", Http.payment(uetr, debtor, creditor, amount, "RUB"));
  }

  String state(Http.Response r) {
    return r.body().get("payments").get(0).get("state").asText();
  }

  String stateOf(String bic, String uetr) throws Exception {
    return http.get(bic, "/v1/payments/" + uetr).body().get("state").asText();
  }

  String balance(String bic) throws Exception {
    return http.get(bic, "/v1/accounts/" + bic).body().get("balance").asText();
  }

  @Test
  void settlesQueuesResolvesGridlockCancelsReturnsAndSurvivesRestart() throws Exception {
    start(null);
    assertThat(balance(A)).isEqualTo("1000.00");

    String p1 = uetr();
    assertThat(state(pay(p1, A, B, "100.00"))).isEqualTo("SETTLED");
    assertThat(balance(A)).isEqualTo("900.00");
    assertThat(balance(B)).isEqualTo("100.00");

    // B cannot pay 300 alone: queued, not rejected.
    String p2 = uetr();
    assertThat(state(pay(p2, B, C, "300.00"))).isEqualTo("QUEUED");
    // C has nothing; but C→B 250 and B→C 300 together need only B's 100: gridlock resolved.
    String p3 = uetr();
    assertThat(state(pay(p3, C, B, "250.00"))).isEqualTo("SETTLED");
    assertThat(stateOf(B, p2)).isEqualTo("SETTLED");
    assertThat(balance(B)).isEqualTo("50.00");
    assertThat(balance(C)).isEqualTo("50.00");

    // Queued and then cancelled by its bank.
    String p4 = uetr();
    assertThat(state(pay(p4, C, A, "5000.00"))).isEqualTo("QUEUED");
    assertThat(http.post(A, "/v1/payments/" + p4 + "/cancel", "{}").status()).isEqualTo(422); // not A's to cancel
    var cancel = http.post(C, "/v1/payments/" + p4 + "/cancel", "{}");
    assertThat(cancel.body().get("cancelled").asBoolean()).isTrue();
    var cancelled = http.get(C, "/v1/payments/" + p4).body();
    assertThat(cancelled.get("state").asText()).isEqualTo("REJECTED");
    assertThat(cancelled.get("reasonCode").asText()).isEqualTo("CUST");

    // Idempotency: same content → same answer; same UETR, other content → DUPL.
    var again = pay(p1, A, B, "100.00");
    assertThat(state(again)).isEqualTo("SETTLED");
    assertThat(again.body().get("duplicateMessage").asBoolean()).isTrue();
    var changed = http.post(A, "/v1/payments", "{\"msgId\":\"M-OTHER\",\"payments\":[" + Http.payment(p1, A, B, "101.00", "RUB") + "]}");
    assertThat(changed.body().get("payments").get(0).get("state").asText()).isEqualTo("REJECTED");
    assertThat(changed.body().get("payments").get(0).get("reasonCode").asText()).isEqualTo("DUPL");
    assertThat(balance(A)).isEqualTo("900.00");

    // Return of a settled payment by the creditor's bank.
    var ret = http.post(B, "/v1/payments/" + p1 + "/return", "{\"returnUetr\":\"" + uetr() + "\",\"reasonCode\":\"AC04\",\"amount\":\"40.00\"}");
    assertThat(ret.status()).isEqualTo(200);
    assertThat(stateOf(A, p1)).isEqualTo("RETURNED");
    assertThat(balance(A)).isEqualTo("940.00");
    assertThat(balance(B)).isEqualTo("10.00");

    // A bank reads only its own payments and account.
    assertThat(http.get(C, "/v1/payments/" + p1).status()).isEqualTo(422);
    assertThat(http.get(C, "/v1/accounts/" + A).status()).isEqualTo(422);

    // Inbox: B was told of the incoming pacs.008 and the credit.
    var inboxResponse = http.get(B, "/v1/messages?after=0");
    assertThat(inboxResponse.status()).as(inboxResponse.raw()).isEqualTo(200);
    var inbox = inboxResponse.body().get("messages");
    var kinds = new ArrayList<String>();
    inbox.forEach(m -> kinds.add(m.get("kind").asText() + ":" + m.get("uetr").asText()));
    assertThat(kinds).contains("pacs.008:" + p1, "camt.054:" + p1, "pacs.002:" + p2);
    // Each is a real ISO 20022 message that validates against the official schema.
    for (var m : inbox) {
      String xml = m.get("xml").asText();
      // Schema only: these JSON payments carry no accounts or addresses, so FATF R16 rules on the
      // rendered message would report what the bank never sent.
      var read = org.rialto.iso20022.Iso20022.read(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          org.rialto.iso20022.ReadOptions.EDGE.withBusinessRules(false));
      assertThat(read.findings()).as(xml).isEmpty();
    }
    var redelivered = http.get(B, "/v1/messages?after=0").body().get("messages");
    assertThat(redelivered.toString()).as("a redelivery is identical").isEqualTo(inbox.toString());

    // A queue that survives a restart.
    String p5 = uetr();
    assertThat(state(pay(p5, C, A, "70.00"))).isEqualTo("QUEUED");
    node.close();
    node = null;
    start(null);
    assertThat(balance(A)).isEqualTo("940.00");
    assertThat(balance(B)).isEqualTo("10.00");
    assertThat(balance(C)).isEqualTo("50.00");
    assertThat(stateOf(C, p5)).isEqualTo("QUEUED");
    assertThat(stateOf(B, p2)).isEqualTo("SETTLED");
    assertThat(state(pay(uetr(), A, C, "20.00"))).isEqualTo("SETTLED");
    // The credit let C's queued payment go.
    assertThat(stateOf(C, p5)).isEqualTo("SETTLED");
    assertThat(balance(C)).isEqualTo("0.00");
  }

  @Test
  void refusesBadAndHostileInputWithoutChangingAnything() throws Exception {
    start(null);
    assertThat(http.post(A, "/v1/payments", "{not json").status()).isEqualTo(400);
    assertThat(http.post(A, "/v1/payments", "[]").status()).isEqualTo(400);
    // No client certificate: the bank API does not know who is calling.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.post(null, "/v1/payments", Http.payment(uetr(), A, B, "1.00", "RUB")))
        .as("the handshake refuses a client without a certificate").isInstanceOf(org.rialto.node.client.NodeLinkException.class);
    var tooPrecise = pay(uetr(), A, B, "1.001");
    assertThat(tooPrecise.status()).isEqualTo(400);
    assertThat(tooPrecise.body().get("reasonCode").asText()).isEqualTo("AM12");
    assertThat(pay("not-a-uuid", A, B, "1.00").status()).isEqualTo(400);
    assertThat(pay(uetr(), A, B, "-5").body().get("reasonCode").asText()).isEqualTo("AM01");
    assertThat(pay(uetr(), A, B, "1e400").status()).isEqualTo(400);
    assertThat(http.post(A, "/v1/payments", "{\"payments\":" + "[".repeat(5000) + "]".repeat(5000) + "}").status()).isEqualTo(400);
    // Wrong currency, unknown creditor: recorded rejections.
    assertThat(http.post(A, "/v1/payments", Http.payment(uetr(), A, B, "1.00", "IRR")).body().get("payments").get(0).get("reasonCode").asText()).isEqualTo("AM03");
    assertThat(pay(uetr(), A, "ZZZZRUMM", "1.00").body().get("payments").get(0).get("reasonCode").asText()).isEqualTo("RC01");
    // Debiting someone else's account: refused whole at the door (the certificate says who sends).
    var foreign = http.post(B, "/v1/payments", Http.payment(uetr(), A, B, "1.00", "RUB"));
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.body().get("reasonCode").asText()).isEqualTo("AG01");
    // Unknown participant calling (a certificate of this node's CA for a BIC that is no participant).
    assertThat(http.post("ZZZZRUMM", "/v1/payments", Http.payment(uetr(), "ZZZZRUMM", B, "1.00", "RUB")).status()).isEqualTo(422);
    assertThat(balance(A)).isEqualTo("1000.00");
    assertThat(balance(B)).isEqualTo("0.00");
  }

  @Test
  void paymentsArrivingWhileClosedQueueAndSettleAtOpeningWithTheNextValueDate() throws Exception {
    var calendar = new CalendarConfig("Europe/Moscow", List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        LocalTime.of(9, 0), LocalTime.of(18, 0), false, List.of(), false);
    clock.set(Instant.parse("2026-11-21T10:00:00Z")); // Saturday
    start(calendar);
    String p = uetr();
    assertThat(state(pay(p, A, B, "10.00"))).isEqualTo("QUEUED");
    assertThat(balance(B)).isEqualTo("0.00");
    clock.set(Instant.parse("2026-11-23T06:30:00Z")); // Monday 09:30 Moscow
    long deadline = System.currentTimeMillis() + 5_000;
    while (!stateOf(A, p).equals("SETTLED") && System.currentTimeMillis() < deadline) Thread.sleep(20);
    var settled = http.get(A, "/v1/payments/" + p).body();
    assertThat(settled.get("state").asText()).isEqualTo("SETTLED");
    assertThat(settled.get("valueDate").asText()).isEqualTo("2026-11-23");
  }

  static double metric(String scrape, String name, String... labels) {
    for (String line : scrape.split("\n")) {
      if (!line.startsWith(name + "{")) continue;
      boolean all = true;
      for (String l : labels) all &= line.contains(l);
      if (all) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
    return 0;
  }

  @Test
  void dayCloseProducesStatementsThatReconcileWithTheLedger() throws Exception {
    start(null);
    assertThat(state(pay(uetr(), A, B, "300.00"))).isEqualTo("SETTLED");
    assertThat(state(pay(uetr(), B, C, "120.50"))).isEqualTo("SETTLED");
    assertThat(new Http(node.operatorPort()).post(null, "/v1/admin/day-close", "{\"businessDate\":\"2026-11-23\"}").status())
        .as("only a signed-in operator closes the day").isEqualTo(401);
    assertThat(http.post(A, "/v1/admin/day-close", "{\"businessDate\":\"2026-11-23\"}").status())
        .as("the bank listener serves no operator route").isEqualTo(404);
    assertThat(operator(TestOperators.OPERATOR, "/v1/admin/day-close", "{\"businessDate\":\"2026-11-23\"}").status())
        .as("closing the day needs a supervisor").isEqualTo(403);
    var close = operator(TestOperators.SUPERVISOR, "/v1/admin/day-close", "{\"businessDate\":\"2026-11-23\"}");
    assertThat(close.status()).as(close.raw()).isEqualTo(200);
    assertThat(close.body().get("statements").asInt()).isEqualTo(4);
    assertThat(operator(TestOperators.SUPERVISOR, "/v1/admin/day-close", "{\"businessDate\":\"2026-11-23\"}").status()).isEqualTo(422);
    String statement = null;
    for (var m : http.get(B, "/v1/messages?after=0").body().get("messages")) {
      if (m.get("kind").asText().equals("camt.053")) statement = m.get("xml").asText();
    }
    assertThat(statement).isNotNull();
    var read = org.rialto.iso20022.Iso20022.read(statement.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(read.findings()).as(statement).isEmpty();
    // B: opened the day at 0, received 300.00, paid 120.50: closes at 179.50, as its account says.
    assertThat(statement).contains("<Cd>OPBD</Cd>").contains("<Cd>CLBD</Cd>").contains(">179.50<").contains(">300.00<").contains(">120.50<");
    assertThat(balance(B)).isEqualTo("179.50");
    // The next day opens where this one closed.
    assertThat(state(pay(uetr(), B, A, "9.50"))).isEqualTo("SETTLED");
    clock.set(java.time.Instant.parse("2026-11-24T09:00:00Z"));
    assertThat(state(pay(uetr(), B, A, "70.00"))).isEqualTo("SETTLED");
    assertThat(sessions.get(TestOperators.SUPERVISOR).post(null, "/v1/admin/day-close", "{\"businessDate\":\"2026-11-24\"}").status())
        .as("a session expires (8 hours)").isEqualTo(401);
    sessions.clear();
    assertThat(operator(TestOperators.SUPERVISOR, "/v1/admin/day-close", "{\"businessDate\":\"2026-11-24\"}").status()).isEqualTo(200);
    // Every operator action is in the hash-chained audit trail, and the chain verifies.
    var audit = node.store().read(c -> org.rialto.security.audit.AuditVerifier.verify(c, java.util.Optional.empty()));
    assertThat(audit).isInstanceOf(org.rialto.security.audit.AuditVerifier.Intact.class);
    assertThat(((org.rialto.security.audit.AuditVerifier.Intact) audit).entries()).isGreaterThanOrEqualTo(2 + 4 + 1);
    String second = null;
    for (var m : http.get(B, "/v1/messages?after=0").body().get("messages")) {
      if (m.get("kind").asText().equals("camt.053") && m.get("detail").asText().equals("2026-11-24")) second = m.get("xml").asText();
    }
    assertThat(second).contains(">179.50<").contains(">100.00<");
  }

  Http.Response payTo(String uetr, String debtor, String creditor, String amount, String creditorName) throws Exception {
    return http.post(debtor, "/v1/payments", "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + debtor
        + "\",\"creditorAgent\":\"" + creditor + "\",\"amount\":\"" + amount + "\",\"currency\":\"RUB\","
        + "\"debtor\":{\"name\":\"Volga Energy LLC\"},\"creditor\":{\"name\":\"" + creditorName + "\"}}");
  }

  final java.util.Map<String, Http> sessions = new java.util.HashMap<>();

  /** A POST by a signed-in operator (one session per operator per test). */
  Http.Response operator(String name, String path, String body) throws Exception {
    Http h = sessions.get(name);
    if (h == null) {
      h = Http.operator(node.operatorPort(), name);
      sessions.put(name, h);
    }
    return h.post(null, path, body);
  }

  @Test
  void aSanctionsHitIsHeldUntilTwoDifferentOperatorsReleaseItOrOneRejectsIt() throws Exception {
    start(null);
    // A name on the UN Security Council consolidated list, written as a payment would carry it.
    String held = uetr();
    assertThat(state(payTo(held, A, B, "10.00", "Mahfouz Ould al-Walid"))).isEqualTo("HELD");
    assertThat(balance(B)).isEqualTo("0.00");
    var cases = Http.operator(node.operatorPort(), TestOperators.VIEWER).get(null, "/v1/admin/cases").body();
    assertThat(cases.toString()).contains(held).contains("UN v");
    assertThat(operator(TestOperators.VIEWER, "/v1/admin/cases/" + held + "/release", "{\"reason\":\"looks fine\"}").status())
        .as("a viewer decides nothing").isEqualTo(403);
    assertThat(operator(TestOperators.OPERATOR, "/v1/admin/cases/" + held + "/release", "{\"reason\":\"false positive: a namesake\"}")
        .body().get("status").asText()).isEqualTo("awaiting-second-operator");
    assertThat(stateOf(A, held)).isEqualTo("HELD");
    assertThat(operator(TestOperators.OPERATOR, "/v1/admin/cases/" + held + "/release", "{\"reason\":\"again\"}").status())
        .as("the same person cannot confirm").isEqualTo(422);
    assertThat(operator(TestOperators.OPERATOR_2, "/v1/admin/cases/" + held + "/release", "{\"reason\":\"me too\"}").status())
        .as("confirming needs a supervisor").isEqualTo(422);
    assertThat(stateOf(A, held)).isEqualTo("HELD");
    assertThat(operator(TestOperators.SUPERVISOR, "/v1/admin/cases/" + held + "/release", "{\"reason\":\"confirmed namesake\"}")
        .body().get("status").asText()).isEqualTo("released");
    assertThat(stateOf(A, held)).isEqualTo("SETTLED");
    assertThat(balance(B)).isEqualTo("10.00");

    String rejected = uetr();
    assertThat(state(payTo(rejected, A, B, "20.00", "Mahfouz Ould al-Walid"))).isEqualTo("HELD");
    assertThat(operator(TestOperators.OPERATOR_2, "/v1/admin/cases/" + rejected + "/reject", "{\"reason\":\"true match\"}").status()).isEqualTo(200);
    var p = http.get(A, "/v1/payments/" + rejected).body();
    assertThat(p.get("state").asText()).isEqualTo("REJECTED");
    assertThat(p.get("reasonCode").asText()).isEqualTo("RR04");
    assertThat(balance(B)).isEqualTo("10.00");
    // Decisions are final: a decided case cannot be decided again.
    assertThat(operator(TestOperators.SUPERVISOR_2, "/v1/admin/cases/" + rejected + "/release", "{\"reason\":\"x\"}").status()).isEqualTo(422);
    // An ordinary name is not held.
    assertThat(state(payTo(uetr(), A, B, "1.00", "Kazan Grid JSC"))).isEqualTo("SETTLED");
  }

  @Test
  void metricsMoveWithTraffic() throws Exception {
    start(null);
    var scrape = new Http(node.operatorPort());
    String before = scrape.get(null, "/metrics").raw();
    double settledBefore = metric(before, "rialto_payments_total", "kind=\"domestic\"", "state=\"SETTLED\"");
    for (int i = 0; i < 5; i++) assertThat(state(pay(uetr(), A, B, "1.00"))).isEqualTo("SETTLED");
    assertThat(state(pay(uetr(), B, C, "100.00"))).isEqualTo("QUEUED");
    String after = scrape.get(null, "/metrics").raw();
    assertThat(metric(after, "rialto_payments_total", "kind=\"domestic\"", "state=\"SETTLED\"")).isEqualTo(settledBefore + 5);
    assertThat(metric(after, "rialto_queue_depth", "priority=\"NORMAL\"")).isEqualTo(1);
    assertThat(metric(after, "rialto_payment_final_seconds_count", "kind=\"domestic\"")).isGreaterThanOrEqualTo(5);
    assertThat(metric(after, "rialto_ledger_events_total")).isGreaterThan(metric(before, "rialto_ledger_events_total"));
    assertThat(metric(after, "rialto_writer_batch_commands_count")).isGreaterThan(metric(before, "rialto_writer_batch_commands_count"));
    assertThat(metric(after, "rialto_writer_batch_ledger_events_sum")).isGreaterThan(metric(before, "rialto_writer_batch_ledger_events_sum"));
    assertThat(metric(after, "rialto_store_commit_seconds_count")).isGreaterThan(metric(before, "rialto_store_commit_seconds_count"));
    assertThat(metric(after, "rialto_writer_turn_seconds_bucket", "le=\"+Inf\"")).isGreaterThanOrEqualTo(6);
    // A sanctions hit holds a payment: the case and its hit are counted.
    double holdsBefore = metric(after, "rialto_compliance_holds_total");
    assertThat(state(payTo(uetr(), A, B, "3.00", "Mahfouz Ould al-Walid"))).isEqualTo("HELD");
    String held = scrape.get(null, "/metrics").raw();
    assertThat(metric(held, "rialto_compliance_holds_total")).isEqualTo(holdsBefore + 1);
    assertThat(metric(held, "rialto_screening_hits_total", "source=\"sanctions\"")).isGreaterThanOrEqualTo(1);
    assertThat(metric(held, "rialto_payments_total", "kind=\"domestic\"", "state=\"HELD\"")).isEqualTo(1);
  }

  @Test
  void queuedPaymentPastItsRejectTimeIsRejected() throws Exception {
    start(null);
    String p = uetr();
    String body = "{\"uetr\":\"" + p + "\",\"debtorAgent\":\"" + B + "\",\"creditorAgent\":\"" + C
        + "\",\"amount\":\"5.00\",\"currency\":\"RUB\",\"rejectTime\":\"2026-11-23T09:00:01Z\"}";
    assertThat(state(http.post(B, "/v1/payments", body))).isEqualTo("QUEUED");
    clock.advanceMillis(2_000);
    long deadline = System.currentTimeMillis() + 5_000;
    while (!stateOf(B, p).equals("REJECTED") && System.currentTimeMillis() < deadline) Thread.sleep(20);
    var rejected = http.get(B, "/v1/payments/" + p).body();
    assertThat(rejected.get("state").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get("reasonCode").asText()).isEqualTo("AB03");
  }
}
