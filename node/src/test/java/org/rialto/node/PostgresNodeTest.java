package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.A;
import static org.rialto.node.Participants.B;
import static org.rialto.node.Participants.C;
import static org.rialto.node.Participants.RU_CB;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rialto.node.config.NodeConfig;
import org.rialto.store.LocalPostgres;

/**
 * The node on PostgreSQL (the HA option): the same migrations, the pipelined writer's group
 * commits, a restart that rebuilds the same state, and a day closed by the writer at midnight
 * (24/7 calendar), all against a real server (embedded, or RIALTO_PG_URL).
 */
class PostgresNodeTest {
  static LocalPostgres postgres;
  String url;
  Node node;
  Http http;
  final TestClock clock = new TestClock(Instant.parse("2026-11-23T22:00:00Z"));

  @BeforeAll
  static void server() {
    postgres = LocalPostgres.start();
  }

  @AfterAll
  static void stopServer() {
    if (postgres != null) postgres.close();
  }

  @AfterEach
  void stop() throws Exception {
    if (node != null) node.close();
  }

  NodeConfig config() {
    return new NodeConfig("RU-PG", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(url), null,
        List.of(
            new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(A, "Bank A", "RU", "0", "1000.00"),
            new NodeConfig.ParticipantConfig(B, "Bank B", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(C, "Bank C", "RU", "0", "0")),
        List.of(), List.of(), null, null, new NodeConfig.ScreeningConfig(List.of(), null)).withSecurity(TestPki.security("RU-PG"));
  }

  void start() throws Exception {
    node = Node.start(config(), clock);
    http = new Http(node.port(), "RU-PG");
  }

  String pay(String uetr, String debtor, String creditor, String amount) throws Exception {
    var r = http.post(debtor, "/v1/payments", Http.payment(uetr, debtor, creditor, amount, "RUB"));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("payments").get(0).get("state").asText();
  }

  String stateOf(String bic, String uetr) throws Exception {
    return http.get(bic, "/v1/payments/" + uetr).body().get("state").asText();
  }

  String balance(String bic) throws Exception {
    return http.get(bic, "/v1/accounts/" + bic).body().get("balance").asText();
  }

  @Test
  void settlesQueuesSurvivesRestartAndClosesTheDayOnPostgres() throws Exception {
    url = postgres.createDatabase("rialto_node_pg");
    start();
    String settled = UUID.randomUUID().toString();
    assertThat(pay(settled, A, B, "100.00")).isEqualTo("SETTLED");
    String queued = UUID.randomUUID().toString();
    assertThat(pay(queued, B, C, "300.00")).isEqualTo("QUEUED");
    // Many small payments from several threads at once: the writer applies turns while earlier
    // ones commit, and every answer given is on disk.
    var futures = new ArrayList<CompletableFuture<String>>();
    var uetrs = new ArrayList<String>();
    for (int i = 0; i < 200; i++) {
      String u = UUID.randomUUID().toString();
      uetrs.add(u);
      futures.add(CompletableFuture.supplyAsync(() -> {
        try {
          return pay(u, A, C, "1.00");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (var f : futures) assertThat(f.get()).isEqualTo("SETTLED");

    node.close();
    node = null;
    start();
    assertThat(stateOf(A, settled)).isEqualTo("SETTLED");
    assertThat(stateOf(B, queued)).isEqualTo("QUEUED");
    for (String u : uetrs) assertThat(stateOf(A, u)).isEqualTo("SETTLED");
    assertThat(balance(A)).isEqualTo("700.00");
    assertThat(balance(C)).isEqualTo("200.00");
    // Liquidity arrives: the queued payment settles from the queue.
    assertThat(pay(UUID.randomUUID().toString(), A, B, "250.00")).isEqualTo("SETTLED");
    long deadline = System.currentTimeMillis() + 10_000;
    while (!stateOf(B, queued).equals("SETTLED") && System.currentTimeMillis() < deadline) Thread.sleep(20);
    assertThat(stateOf(B, queued)).isEqualTo("SETTLED");

    // Midnight UTC ends the 24/7 node's business day: the writer closes it once.
    clock.set(Instant.parse("2026-11-24T00:00:01Z"));
    List<String> dates = new ArrayList<>();
    deadline = System.currentTimeMillis() + 10_000;
    while (dates.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      dates.clear();
      for (var m : http.get(C, "/v1/messages?after=0&xml=false").body().get("messages")) {
        if (m.get("kind").asText().equals("camt.053")) dates.add(m.get("detail").asText());
      }
    }
    assertThat(dates).containsExactly("2026-11-23");
    assertThat(node.engine().query(v -> v.verifyInvariants()).get()).isNotNull();
  }
}
