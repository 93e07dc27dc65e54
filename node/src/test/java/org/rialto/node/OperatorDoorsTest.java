package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.A;
import static org.rialto.node.Participants.B;
import static org.rialto.node.Participants.RU_CB;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.config.NodeConfig;

/**
 * Every door of the operator listener, tried the wrong way: no session, a name in a header, a
 * wrong password until the account locks, a role too low, one person trying both halves of a
 * four-eyes action, a console form without its CSRF token. Each is refused and changes nothing.
 */
class OperatorDoorsTest {
  @TempDir Path dir;
  Node node;
  Http bank;
  Http door;
  final HttpClient client = TestPki.operatorClient().followRedirects(HttpClient.Redirect.NEVER).build();
  TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z"));

  NodeConfig config;

  @BeforeEach
  void start() throws Exception {
    // A peer that never answers: enough for a quote book over RUB and IRR (FX providers need two currencies).
    var peer = new NodeConfig.PeerConfig("IR-NODE", "https://127.0.0.1:9", new NodeConfig.CurrencyConfig("IRR", 0), List.of("IR"));
    config = new NodeConfig("RU-TEST", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve("node.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(A, "Bank A", "RU", "0", "1000.00"),
            new NodeConfig.ParticipantConfig(B, "Bank B", "RU", "0", "0")),
        List.of(peer), List.of(RU_CB), null, null, new NodeConfig.ScreeningConfig(List.of("UN"), null)).withOperators(TestOperators.all())
        .withSecurity(TestPki.security("RU-TEST", "IR-NODE"));
    node = Node.start(config, clock);
    bank = new Http(node.port(), "RU-TEST");
    door = new Http(node.operatorPort());
  }

  @AfterEach
  void stop() throws Exception {
    if (bank != null) bank.close();
    if (node != null) node.close();
  }

  String creditLine(String bic) throws Exception {
    return bank.get(bic, "/v1/accounts/" + bic).body().get("creditLine").asText();
  }

  String held() throws Exception {
    String uetr = UUID.randomUUID().toString();
    var r = bank.post(A, "/v1/payments", "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + A + "\",\"creditorAgent\":\"" + B
        + "\",\"amount\":\"10.00\",\"currency\":\"RUB\",\"debtor\":{\"name\":\"Volga Energy LLC\"},"
        + "\"creditor\":{\"name\":\"Mahfouz Ould al-Walid\"}}");
    assertThat(r.body().get("payments").get(0).get("state").asText()).isEqualTo("HELD");
    return uetr;
  }

  String stateOf(String uetr) throws Exception {
    return bank.get(A, "/v1/payments/" + uetr).body().get("state").asText();
  }

  @Test
  void withoutASessionNothingIsServedAndANamedHeaderIsIgnored() throws Exception {
    String held = held();
    assertThat(door.get(null, "/v1/admin/accounts").status()).isEqualTo(401);
    assertThat(bank.get(A, "/v1/admin/accounts").status()).as("no operator route on the bank listener").isEqualTo(404);
    var named = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.operatorPort() + "/v1/admin/cases/" + held + "/release"))
        .header("X-Rialto-Operator", "alice").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"trust me\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(named.statusCode()).isEqualTo(401);
    var forged = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.operatorPort() + "/v1/admin/accounts"))
        .header("Authorization", "Bearer not-a-session-token").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(401);
    var page = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.operatorPort() + "/console/payments")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).startsWith("/console/login");
    assertThat(stateOf(held)).isEqualTo("HELD");
    // Signing out ends the session for good.
    var viewer = Http.operator(node.operatorPort(), TestOperators.VIEWER);
    assertThat(viewer.get(null, "/v1/admin/accounts").status()).isEqualTo(200);
    assertThat(viewer.delete("/v1/admin/session").status()).isEqualTo(200);
    assertThat(viewer.get(null, "/v1/admin/accounts").status()).isEqualTo(401);
  }

  @Test
  void wrongPasswordsLockTheAccount() throws Exception {
    String body = "{\"name\":\"" + TestOperators.OPERATOR + "\",\"password\":\"wrong password, twelve+\"}";
    for (int i = 0; i < 4; i++) {
      var r = door.post(null, "/v1/admin/session", body);
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.body().get("error").asText()).contains("wrong operator name or password");
    }
    var fifth = door.post(null, "/v1/admin/session", body);
    assertThat(fifth.body().get("error").asText()).contains("locked until");
    var right = door.post(null, "/v1/admin/session", "{\"name\":\"" + TestOperators.OPERATOR + "\",\"password\":\"" + TestOperators.PASSWORD + "\"}");
    assertThat(right.status()).as("locked even with the right password").isEqualTo(403);
    assertThat(right.body().get("error").asText()).contains("locked until");
    // An unknown name is answered like a wrong password.
    assertThat(door.post(null, "/v1/admin/session", "{\"name\":\"nobody\",\"password\":\"whatever password\"}").body()
        .get("error").asText()).contains("wrong operator name or password");
    // The lock ends after 15 minutes.
    clock.set(Instant.parse("2026-11-23T09:16:00Z"));
    assertThat(door.post(null, "/v1/admin/session", "{\"name\":\"" + TestOperators.OPERATOR + "\",\"password\":\"" + TestOperators.PASSWORD + "\"}")
        .status()).isEqualTo(201);
    var audit = Http.operator(node.operatorPort(), TestOperators.VIEWER);
    assertThat(audit.get(null, "/v1/admin/whoami").body().get("role").asText()).isEqualTo("VIEWER");
    long refused = node.store().read(c -> {
      try (var ps = c.prepareStatement("SELECT COUNT(*) FROM security_audit WHERE action = 'operator.login.refused'")) {
        var rs = ps.executeQuery();
        rs.next();
        return rs.getLong(1);
      }
    });
    assertThat(refused).isEqualTo(6);
  }

  @Test
  void rolesAndFourEyesAreEnforced() throws Exception {
    String held = held();
    var viewer = Http.operator(node.operatorPort(), TestOperators.VIEWER);
    var otto = Http.operator(node.operatorPort(), TestOperators.OPERATOR);
    var sam = Http.operator(node.operatorPort(), TestOperators.SUPERVISOR);
    var sara = Http.operator(node.operatorPort(), TestOperators.SUPERVISOR_2);
    var ada = Http.operator(node.operatorPort(), TestOperators.ADMINISTRATOR);

    assertThat(viewer.post(null, "/v1/admin/cases/" + held + "/reject", "{\"reason\":\"no\"}").status()).isEqualTo(403);
    assertThat(otto.post(null, "/v1/admin/cases/" + held + "/release", "{\"reason\":\"namesake\"}").body().get("status").asText())
        .isEqualTo("awaiting-second-operator");
    assertThat(otto.post(null, "/v1/admin/cases/" + held + "/release", "{\"reason\":\"again\"}").status())
        .as("one person cannot release alone").isEqualTo(422);
    assertThat(stateOf(held)).isEqualTo("HELD");

    // Credit line: an operator may not propose; the proposer may not approve; another supervisor may.
    assertThat(otto.put(null, "/v1/admin/participants/" + A + "/credit-line", "{\"creditLine\":\"500.00\"}").status()).isEqualTo(403);
    var proposed = sam.put(null, "/v1/admin/participants/" + A + "/credit-line", "{\"creditLine\":\"500.00\"}");
    assertThat(proposed.status()).isEqualTo(202);
    String id = proposed.body().get("id").asText();
    assertThat(viewer.get(null, "/v1/admin/changes").raw()).contains(id, "PENDING", "\\\"fromMinor\\\":0");
    assertThat(creditLine(A)).isEqualTo("0.00");
    var own = sam.post(null, "/v1/admin/changes/" + id + "/approve", "{}");
    assertThat(own.status()).isEqualTo(422);
    assertThat(own.body().get("error").asText()).contains("cannot also complete it");
    assertThat(otto.post(null, "/v1/admin/changes/" + id + "/approve", "{}").status()).as("role too low").isEqualTo(422);
    assertThat(creditLine(A)).isEqualTo("0.00");
    assertThat(sara.post(null, "/v1/admin/changes/" + id + "/approve", "{}").body().get("state").asText()).isEqualTo("COMPLETED");
    assertThat(creditLine(A)).isEqualTo("500.00");
    assertThat(ada.post(null, "/v1/admin/changes/" + id + "/approve", "{}").status()).as("decided once").isEqualTo(422);

    // Turned down: nothing applied, and it stays turned down.
    String second = sam.put(null, "/v1/admin/participants/" + A + "/credit-line", "{\"creditLine\":\"9000.00\"}").body().get("id").asText();
    assertThat(sara.post(null, "/v1/admin/changes/" + second + "/reject", "{}").body().get("state").asText()).isEqualTo("REJECTED");
    assertThat(ada.post(null, "/v1/admin/changes/" + second + "/approve", "{}").status()).isEqualTo(422);
    assertThat(creditLine(A)).isEqualTo("500.00");

    // A new participant needs an administrator's approval.
    String add = sam.post(null, "/v1/admin/participants", "{\"bic\":\"NEWBRUMM\",\"name\":\"New Bank\",\"country\":\"RU\"}")
        .body().get("id").asText();
    assertThat(sara.post(null, "/v1/admin/changes/" + add + "/approve", "{}").status()).isEqualTo(422);
    assertThat(bank.get("NEWBRUMM", "/v1/accounts/NEWBRUMM").status()).isEqualTo(422);
    assertThat(ada.post(null, "/v1/admin/changes/" + add + "/approve", "{}").status()).isEqualTo(200);
    assertThat(bank.get("NEWBRUMM", "/v1/accounts/NEWBRUMM").body().get("balance").asText()).isEqualTo("0.00");

    // Operators: only an administrator creates them.
    String newcomer = "{\"name\":\"nina.new\",\"role\":\"OPERATOR\",\"password\":\"a long enough password\"}";
    assertThat(sam.post(null, "/v1/admin/operators", newcomer).status()).isEqualTo(403);
    assertThat(ada.post(null, "/v1/admin/operators", newcomer).status()).isEqualTo(201);
    assertThat(door.post(null, "/v1/admin/session", "{\"name\":\"nina.new\",\"password\":\"a long enough password\"}").status())
        .isEqualTo(201);
    // The console's operator page is for administrators only.
    assertThat(ada.get(null, "/console/operators").raw()).contains("nina.new", "ada.admin", "Create an operator");
    var forbidden = sam.get(null, "/console/operators");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.raw()).doesNotContain("nina.new");

    // Both names of every four-eyes action are in the trail, and the trail verifies.
    var trail = node.store().read(c -> org.rialto.security.audit.AuditVerifier.verify(c, java.util.Optional.empty()));
    assertThat(trail).isInstanceOf(org.rialto.security.audit.AuditVerifier.Intact.class);
    String audit = ada.get(null, "/v1/admin/changes?status=all").raw();
    assertThat(audit).contains(TestOperators.SUPERVISOR, TestOperators.SUPERVISOR_2, TestOperators.ADMINISTRATOR);
  }

  @Test
  void anFxProviderIsAddedByTwoPeopleAndSurvivesARestart() throws Exception {
    String rate = "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}";
    assertThat(bank.post(A, "/v1/fx/rates", rate).status()).as("not a provider yet").isGreaterThanOrEqualTo(400);
    var sam = Http.operator(node.operatorPort(), TestOperators.SUPERVISOR);
    var sara = Http.operator(node.operatorPort(), TestOperators.SUPERVISOR_2);
    var ada = Http.operator(node.operatorPort(), TestOperators.ADMINISTRATOR);
    assertThat(Http.operator(node.operatorPort(), TestOperators.OPERATOR).post(null, "/v1/admin/fx-providers", "{\"bic\":\"" + A + "\"}")
        .status()).isEqualTo(403);
    var proposed = sam.post(null, "/v1/admin/fx-providers", "{\"bic\":\"" + A + "\"}");
    assertThat(proposed.status()).isEqualTo(202);
    String id = proposed.body().get("id").asText();
    assertThat(sam.post(null, "/v1/admin/changes/" + id + "/approve", "{}").status()).isEqualTo(422);
    assertThat(sara.post(null, "/v1/admin/changes/" + id + "/approve", "{}").status()).as("needs an administrator").isEqualTo(422);
    assertThat(bank.post(A, "/v1/fx/rates", rate).status()).isGreaterThanOrEqualTo(400);
    assertThat(ada.post(null, "/v1/admin/changes/" + id + "/approve", "{}").status()).isEqualTo(200);
    assertThat(bank.post(A, "/v1/fx/rates", rate).status()).isEqualTo(201);
    assertThat(sam.post(null, "/v1/admin/fx-providers", "{\"bic\":\"" + A + "\"}").status()).as("already one").isEqualTo(422);
    node.close();
    node = Node.start(config, clock);
    bank = new Http(node.port(), "RU-TEST");
    assertThat(bank.post(A, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"521.0\"}").status())
        .as("still a provider after a restart (the FX journal)").isEqualTo(201);
  }

  @Test
  void aConsoleFormWithoutItsCsrfTokenIsRefused() throws Exception {
    var login = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.operatorPort() + "/console/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("name=" + TestOperators.SUPERVISOR + "&password="
            + URLEncoder.encode(TestOperators.PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(303);
    var cookies = login.headers().allValues("Set-Cookie");
    assertThat(cookies).allMatch(c -> c.contains("HttpOnly") && c.contains("SameSite=Strict"));
    String session = cookie(cookies, "rialto_session_RU-TEST");
    String csrf = cookie(cookies, "rialto_csrf_RU-TEST");
    String cookieHeader = "rialto_session_RU-TEST=" + session + "; rialto_csrf_RU-TEST=" + csrf;

    for (String form : List.of("bic=" + A + "&creditLine=700.00", "bic=" + A + "&creditLine=700.00&csrf=forged-token-value")) {
      var r = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.operatorPort() + "/console/credit-line"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookieHeader)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(form).isEqualTo(403);
      assertThat(r.body()).contains("CSRF");
    }
    var viewer = Http.operator(node.operatorPort(), TestOperators.VIEWER);
    assertThat(viewer.get(null, "/v1/admin/changes").body()).isEmpty();
    // With the token the same form is accepted (and only proposes: four eyes still apply).
    var ok = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.operatorPort() + "/console/credit-line"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookieHeader)
        .POST(HttpRequest.BodyPublishers.ofString("bic=" + A + "&creditLine=700.00&csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(viewer.get(null, "/v1/admin/changes").body()).hasSize(1);
    assertThat(creditLine(A)).isEqualTo("0.00");
  }

  static String cookie(List<String> setCookies, String name) {
    for (String c : setCookies) {
      if (c.startsWith(name + "=")) return c.substring(name.length() + 1, c.indexOf(';'));
    }
    throw new AssertionError("no cookie " + name + " in " + setCookies);
  }
}
