package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.config.ConfigLoader;
import org.rialto.node.engine.PeerProtocol;
import org.rialto.node.peer.PeerMessage;

/**
 * A peer node is another central bank's system: its messages and answers are input like any
 * other, and none of them, however wrong, may stop this node or move money on a malformed word
 * (DESIGN invariant 7). The peer here is a bare HTTP server the test scripts.
 */
class PeerInputTest {
  static final String VOLGA = "VOLGRUMM";
  static final String KAMA = "KAMARUMM";
  static final String DEALER = "DLRXRUMM";
  static final String TEHRAN = "TEHRIRTH";

  @TempDir Path dir;
  Node ru;
  Http http;
  HttpServer peer;
  /** What the scripted IR node answers to each message it gets. */
  final AtomicReference<Function<PeerMessage, String>> answer = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    int peerPort;
    try (var s = new ServerSocket(0)) {
      peerPort = s.getLocalPort();
    }
    peer = HttpServer.create(new InetSocketAddress("127.0.0.1", peerPort), 0);
    peer.createContext("/peer/v1/messages", exchange -> {
      var messages = PeerProtocol.decodeMessages(exchange.getRequestBody().readAllBytes());
      var replies = new StringBuilder("[");
      for (var m : messages) replies.append(replies.length() > 1 ? "," : "").append(answer.get().apply(m));
      byte[] body = replies.append("]").toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    peer.start();
    answer.set(m -> "{\"uetr\":\"" + m.uetr() + "\",\"status\":\"PENDING\",\"reasonCode\":null}");
    Files.writeString(dir.resolve("ru.yaml"), NodeYaml.config("RU-NODE", "RUB", 2, "CBRURUMM", 0, dir.resolve("ru.db"),
        List.of(new NodeYaml.Participant("CBRURUMM", "Central Bank RU", "RU", "0"),
            new NodeYaml.Participant(VOLGA, "Volga Bank", "RU", "1000.00"),
            new NodeYaml.Participant(KAMA, "Kama Bank", "RU", "0"),
            new NodeYaml.Participant(DEALER, "Dealer", "RU", "5000.00")),
        List.of(new NodeYaml.Peer("IR-NODE", peerPort, "IRR", 0, List.of("IR"))), List.of(DEALER), 30));
    ru = Node.start(ConfigLoader.load(dir.resolve("ru.yaml")), new TestClock(Instant.now()));
    http = new Http(ru.port());
  }

  @AfterEach
  void stop() throws Exception {
    if (ru != null) ru.close();
    if (peer != null) peer.stop(0);
  }

  /** The node still serves and still settles a domestic payment. */
  void assertHealthy() throws Exception {
    assertThat(http.get(null, "/health/ready").status()).isEqualTo(200);
    String uetr = UUID.randomUUID().toString();
    var r = http.post(VOLGA, "/v1/payments", Http.payment(uetr, VOLGA, KAMA, "1.00", "RUB"));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(r.body().get("payments").get(0).get("state").asText()).isEqualTo("SETTLED");
  }

  String transfer(String uetr, String creditor, String fxp, long sourceMinor, String sourceCurrency, long targetMinor,
      String targetCurrency) {
    return "{\"kind\":\"transfer\",\"uetr\":\"" + uetr + "\",\"fromNode\":\"IR-NODE\",\"msgId\":\"M1\",\"endToEndId\":\"E1\","
        + "\"debtorAgent\":\"" + TEHRAN + "\",\"creditorAgent\":\"" + creditor + "\",\"fxp\":\"" + fxp + "\",\"quoteId\":\"Q1\","
        + "\"sourceAmountMinor\":" + sourceMinor + ",\"sourceCurrency\":\"" + sourceCurrency + "\",\"targetAmountMinor\":"
        + targetMinor + ",\"targetCurrency\":\"" + targetCurrency + "\",\"rate\":\"0.0019\",\"expiresAtMillis\":"
        + (System.currentTimeMillis() + 60_000) + ",\"debtorName\":\"Tehran Trading\",\"creditorName\":\"Volga\",\"remittance\":null}";
  }

  Http.Response fromPeer(String... messages) throws Exception {
    return postAsPeer("[" + String.join(",", messages) + "]");
  }

  Http.Response postAsPeer(String body) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + ru.port() + "/peer/v1/messages"))
        .header("Content-Type", "application/json").header("X-Rialto-Node", "IR-NODE")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    var r = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    return new Http.Response(r.statusCode(), null, r.body());
  }

  @Test
  void malformedTransfersFromAPeerAreRefusedAndTheNodeKeepsWorking() throws Exception {
    String[] hostile = {
      transfer(UUID.randomUUID().toString(), VOLGA, DEALER, 100, "IRR", 0, "RUB"), // nothing to credit
      transfer(UUID.randomUUID().toString(), VOLGA, DEALER, 100, "IRR", -5, "RUB"),
      transfer(UUID.randomUUID().toString(), VOLGA, DEALER, 0, "IRR", 100, "RUB"), // nothing debited over there
      transfer(UUID.randomUUID().toString(), VOLGA, DEALER, 100, "RUB", 100, "RUB"), // no conversion at all
      transfer(UUID.randomUUID().toString(), DEALER, DEALER, 100, "IRR", 100, "RUB"), // FX provider pays itself
      transfer("not-a-uuid", VOLGA, DEALER, 100, "IRR", 100, "RUB"),
      transfer(UUID.randomUUID().toString(), "bad bic", DEALER, 100, "IRR", 100, "RUB"),
    };
    for (String t : hostile) {
      var r = fromPeer(t);
      assertThat(r.status()).as(t + " -> " + r.raw()).isIn(200, 400);
      if (r.status() == 200) assertThat(r.raw()).as(t).contains("REJECTED");
      assertHealthy();
    }
    assertThat(http.get(DEALER, "/v1/accounts/" + DEALER).body().get("balance").asText()).isEqualTo("5000.00");
    // A well-formed one still settles.
    String good = UUID.randomUUID().toString();
    var ok = fromPeer(transfer(good, VOLGA, DEALER, 1_000_000, "IRR", 1_90, "RUB"));
    assertThat(ok.raw()).contains("COMMITTED");
    assertThat(http.get(DEALER, "/v1/accounts/" + DEALER).body().get("balance").asText()).isEqualTo("4998.10");
  }

  @Test
  void malformedAnswersFromAPeerDecideNothingAndTheNodeKeepsAsking() throws Exception {
    assertThat(http.post(DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}").status()).isEqualTo(201);
    var q = http.post(VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"10.00\"}").body().get("quotes").get(0);
    // The scripted peer first answers nonsense: a rejection without a reason, then no status at all.
    answer.set(m -> "{\"uetr\":\"" + m.uetr() + "\",\"status\":\"REJECTED\",\"reasonCode\":null}");
    String uetr = UUID.randomUUID().toString();
    var r = http.post(VOLGA, "/v1/payments", "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + VOLGA + "\",\"creditorAgent\":\""
        + TEHRAN + "\",\"amount\":\"10.00\",\"currency\":\"RUB\",\"quoteId\":\"" + q.get("quoteId").asText() + "\"}");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    Thread.sleep(1_500);
    assertHealthy();
    answer.set(m -> "{\"uetr\":\"" + m.uetr() + "\",\"status\":null,\"reasonCode\":null}");
    Thread.sleep(1_500);
    assertHealthy();
    var p = http.get(VOLGA, "/v1/payments/" + uetr).body();
    assertThat(p.get("state").asText()).as("nothing decided on a malformed answer").isEqualTo("RECEIVED");
    assertThat(http.get(VOLGA, "/v1/accounts/" + VOLGA).body().get("reserved").asText()).isEqualTo("10.00");
    // A proper answer decides it.
    answer.set(m -> "{\"uetr\":\"" + m.uetr() + "\",\"status\":\"REJECTED\",\"reasonCode\":\"AM04\"}");
    long deadline = System.currentTimeMillis() + 15_000;
    while (!http.get(VOLGA, "/v1/payments/" + uetr).body().get("state").asText().equals("REJECTED")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    p = http.get(VOLGA, "/v1/payments/" + uetr).body();
    assertThat(p.get("state").asText()).isEqualTo("REJECTED");
    assertThat(p.get("reasonCode").asText()).isEqualTo("AM04");
    assertThat(http.get(VOLGA, "/v1/accounts/" + VOLGA).body().get("reserved").asText()).isEqualTo("0.00");
    assertHealthy();
  }
}
