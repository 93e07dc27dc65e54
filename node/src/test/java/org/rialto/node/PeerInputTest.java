package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.DEALER;
import static org.rialto.node.Participants.IR_CB;
import static org.rialto.node.Participants.RU_CB;
import static org.rialto.node.Participants.TEHRAN;
import static org.rialto.node.Participants.VOLGA;

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
import org.rialto.node.peer.PeerMessage;
import org.rialto.node.peer.PeerReply;
import org.rialto.node.peer.PeerWire;

/**
 * A peer node is another central bank's system: its messages and answers are input like any
 * other, and none of them, however wrong, may stop this node or move money on a malformed word
 * (DESIGN invariant 7). The peer here is a bare HTTP server the test scripts.
 */
class PeerInputTest {
  static final String KAMA = "KAMARUMM";

  @TempDir Path dir;
  Node ru;
  Http http;
  HttpServer peer;
  /** The scripted IR node's side of the wire. */
  final PeerWire irWire = new PeerWire("IR-NODE", IR_CB, java.util.Map.of("RUB", 2, "IRR", 0), true);
  /** What the scripted IR node answers to each message it gets. */
  final AtomicReference<Function<PeerMessage, PeerReply>> answer = new AtomicReference<>();
  /** How the scripted IR node spoils its pacs.002 before sending it (identity for a proper one). */
  final AtomicReference<Function<String, String>> spoil = new AtomicReference<>(Function.identity());

  @BeforeEach
  void start() throws Exception {
    int peerPort;
    try (var s = new ServerSocket(0)) {
      peerPort = s.getLocalPort();
    }
    peer = TestPki.peerServer("IR-NODE", "RU-NODE", peerPort);
    peer.createContext("/peer/v1/messages", exchange -> {
      var request = irWire.request(exchange.getRequestBody().readAllBytes(), "RU-NODE");
      var replies = request.messages().stream().map(m -> answer.get().apply(m)).toList();
      String xml = new String(irWire.answer(request, replies, System.currentTimeMillis()), StandardCharsets.UTF_8);
      byte[] body = spoil.get().apply(xml).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", PeerWire.CONTENT_TYPE);
      exchange.getResponseHeaders().add("X-JWS-Signature", TestPki.signAsNode("IR-NODE", body));
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    peer.start();
    answer.set(m -> new PeerReply(m.uetr(), PeerReply.Status.PENDING, null));
    Files.writeString(dir.resolve("ru.yaml"), NodeYaml.config("RU-NODE", "RUB", 2, RU_CB, 0, dir.resolve("ru.db"),
        List.of(new NodeYaml.Participant(RU_CB, "Central Bank RU", "RU", "0"),
            new NodeYaml.Participant(VOLGA, "Volga Bank", "RU", "1000.00"),
            new NodeYaml.Participant(KAMA, "Kama Bank", "RU", "0"),
            new NodeYaml.Participant(DEALER, "Dealer", "RU", "5000.00")),
        List.of(new NodeYaml.Peer("IR-NODE", peerPort, "IRR", 0, List.of("IR"))), List.of(DEALER), 30));
    ru = Node.start(ConfigLoader.load(dir.resolve("ru.yaml")), new TestClock(Instant.now()));
    http = new Http(ru.port(), "RU-NODE");
  }

  @AfterEach
  void stop() throws Exception {
    if (http != null) http.close();
    if (ru != null) ru.close();
    if (peer != null) peer.stop(0);
  }

  /** The node still serves and still settles a domestic payment. */
  void assertHealthy() throws Exception {
    assertThat(http.get(VOLGA, "/health/ready").status()).isEqualTo(200);
    String uetr = UUID.randomUUID().toString();
    var r = http.post(VOLGA, "/v1/payments", Http.payment(uetr, VOLGA, KAMA, "1.00", "RUB"));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(r.body().get("payments").get(0).get("state").asText()).isEqualTo("SETTLED");
  }

  PeerMessage.Transfer transfer(String uetr, String creditor, String fxp, long sourceMinor, String sourceCurrency, long targetMinor,
      String targetCurrency) {
    return new PeerMessage.Transfer(uetr, "IR-NODE", "M1", "E1", TEHRAN, creditor, fxp, "Q1", sourceMinor, sourceCurrency,
        targetMinor, targetCurrency, "0.0019", System.currentTimeMillis() + 60_000, "Tehran Trading", "Volga", null, null, null);
  }

  /** The pacs.008 the IR node would send, as text to spoil. */
  String pacs008(PeerMessage.Transfer... transfers) {
    return new String(irWire.transfers("RU-NODE", List.of(transfers), System.currentTimeMillis()), StandardCharsets.UTF_8);
  }

  Http.Response fromPeer(PeerMessage.Transfer... transfers) throws Exception {
    return postAsPeer(pacs008(transfers));
  }

  Http.Response postAsPeer(String body) throws Exception {
    return postAsPeer("IR-NODE", body);
  }

  /** As node {@code node} over its own mutual-TLS, signing link (a node's CA made for the test). */
  Http.Response postAsPeer(String node, String body) throws Exception {
    try (var link = TestPki.peer(node, "RU-NODE", ru.port())) {
      var r = link.exchange(body.getBytes(StandardCharsets.UTF_8), PeerWire.CONTENT_TYPE);
      return new Http.Response(r.status(), null, r.text());
    }
  }

  /** Volga Bank pays Tehran 10.00 RUB on the quote: accepted, then forwarded to the scripted IR node. */
  void payTehran(String uetr, String quoteId) throws Exception {
    var r = http.post(VOLGA, "/v1/payments", "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + VOLGA + "\",\"creditorAgent\":\""
        + TEHRAN + "\",\"amount\":\"10.00\",\"currency\":\"RUB\",\"quoteId\":\"" + quoteId + "\"}");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
  }

  /** Polls Volga Bank's view of the payment until it is in {@code state} or the time is up (the caller asserts). */
  void awaitState(String uetr, String state, long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!http.get(VOLGA, "/v1/payments/" + uetr).body().get("state").asText().equals(state) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
  }

  /** The one transaction status of a pacs.002 answer. */
  static String txStatus(Http.Response r) {
    String raw = r.raw();
    int at = raw.indexOf("<TxSts>");
    return at < 0 ? null : raw.substring(at + 7, raw.indexOf("</TxSts>", at));
  }

  @Test
  void malformedTransfersFromAPeerAreRefusedAndTheNodeKeepsWorking() throws Exception {
    String good = pacs008(transfer(UUID.randomUUID().toString(), VOLGA, DEALER, 100, "IRR", 100, "RUB"));
    String[] hostile = {
      pacs008(transfer(UUID.randomUUID().toString(), VOLGA, DEALER, 100, "IRR", 0, "RUB")), // nothing to credit
      good.replace("<IntrBkSttlmAmt Ccy=\"RUB\">1.00<", "<IntrBkSttlmAmt Ccy=\"RUB\">-5<"),
      pacs008(transfer(UUID.randomUUID().toString(), VOLGA, DEALER, 0, "IRR", 100, "RUB")), // nothing debited over there
      pacs008(transfer(UUID.randomUUID().toString(), VOLGA, DEALER, 100, "RUB", 100, "RUB")), // no conversion at all
      pacs008(transfer(UUID.randomUUID().toString(), DEALER, DEALER, 100, "IRR", 100, "RUB")), // FX provider pays itself
      good.replaceAll("<UETR>[^<]*</UETR>", "<UETR>not-a-uuid</UETR>"),
      pacs008(transfer(UUID.randomUUID().toString(), "BADBIC", DEALER, 100, "IRR", 100, "RUB")),
      good.replace("<IntrBkSttlmAmt Ccy=\"RUB\">1.00<", "<IntrBkSttlmAmt Ccy=\"RUB\">1.001<"), // below RUB's minor unit
      good.replace("Ccy=\"RUB\"", "Ccy=\"KZT\""), // a currency no node here settles
      good.replaceAll("(?s)<IntrmyAgt1>.*?</IntrmyAgt1>", ""), // no FX provider
      good.replaceAll("(?s)<SttlmTmReq>.*?</SttlmTmReq>", ""), // no decision deadline
      good.replaceAll("(?s)<AppHdr.*?</AppHdr>", ""), // no business application header
      good.replace("<MsgDefIdr>pacs.008.001.08</MsgDefIdr>", "<MsgDefIdr>pacs.009.001.08</MsgDefIdr>"),
      good.replaceFirst("<Id>IR-NODE</Id>", "<Id>CN-NODE</Id>"), // claims to come from another node
      good.replaceFirst("<Id>RU-NODE</Id>", "<Id>XX-NODE</Id>"), // meant for another node
      good.substring(0, good.length() / 2), // cut off
      "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
      "[{\"kind\":\"transfer\"}]", // the old JSON wire
      "",
    };
    for (String body : hostile) {
      var r = postAsPeer(body);
      assertThat(r.status()).as(body + " -> " + r.raw()).isIn(200, 400);
      if (r.status() == 200) assertThat(txStatus(r)).as(body + " -> " + r.raw()).isEqualTo("RJCT");
      else assertThat(r.raw()).as("a clear reason").contains("FF01");
      assertHealthy();
    }
    // A message from a node that is not a peer is not even read: its CA is not pinned here, so it
    // has no identity on this door.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> postAsPeer("CN-NODE", good))
        .as("the handshake refuses a node whose CA is not pinned").isInstanceOf(org.rialto.node.client.NodeLinkException.class);
    assertThat(http.get(DEALER, "/v1/accounts/" + DEALER).body().get("balance").asText()).isEqualTo("5000.00");
    // A well-formed one still settles, once: the same pacs.008 again gets the same answer.
    String uetr = UUID.randomUUID().toString();
    String ok = pacs008(transfer(uetr, VOLGA, DEALER, 1_000_000, "IRR", 1_90, "RUB"));
    var first = postAsPeer(ok);
    assertThat(txStatus(first)).as(first.raw()).isEqualTo("ACSC");
    assertThat(first.raw()).contains("<OrgnlUETR>" + uetr + "</OrgnlUETR>").contains("<MsgDefIdr>pacs.002.001.10</MsgDefIdr>");
    assertThat(txStatus(postAsPeer(ok))).isEqualTo("ACSC");
    assertThat(http.get(DEALER, "/v1/accounts/" + DEALER).body().get("balance").asText()).isEqualTo("4998.10");
    // The same UETR for another payment is a duplicate, refused without touching the first.
    assertThat(txStatus(fromPeer(transfer(uetr, VOLGA, DEALER, 2_000_000, "IRR", 3_80, "RUB")))).isEqualTo("RJCT");
    assertThat(http.get(DEALER, "/v1/accounts/" + DEALER).body().get("balance").asText()).isEqualTo("4998.10");
    // pacs.028: the settled one is ACSC; one never received is PDNG/NOOR (send it again), deciding nothing.
    var status = postAsPeer(new String(irWire.statusRequests("RU-NODE", List.of(transfer(uetr, VOLGA, DEALER, 1, "IRR", 1, "RUB")),
        System.currentTimeMillis()), StandardCharsets.UTF_8));
    assertThat(txStatus(status)).as(status.raw()).isEqualTo("ACSC");
    String unknown = UUID.randomUUID().toString();
    status = postAsPeer(new String(irWire.statusRequests("RU-NODE", List.of(transfer(unknown, VOLGA, DEALER, 1, "IRR", 1, "RUB")),
        System.currentTimeMillis()), StandardCharsets.UTF_8));
    assertThat(txStatus(status)).as(status.raw()).isEqualTo("PDNG");
    assertThat(status.raw()).contains("<Cd>NOOR</Cd>");
    assertThat(http.get(VOLGA, "/v1/payments/" + unknown).status()).as("nothing recorded").isNotEqualTo(200);
    assertHealthy();
  }

  @Test
  void malformedAnswersFromAPeerDecideNothingAndTheNodeKeepsAsking() throws Exception {
    assertThat(http.post(DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}").status()).isEqualTo(201);
    var q = http.post(VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"10.00\"}").body().get("quotes").get(0);
    // The scripted peer first answers nonsense: a rejection without a reason, then no status at all.
    answer.set(m -> new PeerReply(m.uetr(), PeerReply.Status.PENDING, null));
    spoil.set(xml -> xml.replace("<TxSts>PDNG</TxSts>", "<TxSts>RJCT</TxSts>"));
    String uetr = UUID.randomUUID().toString();
    payTehran(uetr, q.get("quoteId").asText());
    Thread.sleep(1_500);
    assertHealthy();
    for (Function<String, String> nonsense : List.<Function<String, String>>of(
        xml -> xml.replace("<TxSts>PDNG</TxSts>", ""), // no status at all
        xml -> xml.replaceAll("<OrgnlUETR>[^<]*</OrgnlUETR>", "<OrgnlUETR>" + UUID.randomUUID() + "</OrgnlUETR>"), // about another payment
        xml -> xml.replace("<TxSts>PDNG</TxSts>", "<TxSts>ACSC</TxSts>").replace("<MsgDefIdr>pacs.002.001.10</MsgDefIdr>",
            "<MsgDefIdr>pacs.004.001.09</MsgDefIdr>"), // a settlement in a header that does not match
        xml -> xml.replace("<TxSts>PDNG</TxSts>", "<TxSts>ACSC</TxSts>").replaceFirst("<Id>IR-NODE</Id>", "<Id>CN-NODE</Id>"),
        xml -> "{\"status\":\"COMMITTED\"}")) {
      spoil.set(nonsense);
      Thread.sleep(700);
      assertHealthy();
    }
    var p = http.get(VOLGA, "/v1/payments/" + uetr).body();
    assertThat(p.get("state").asText()).as("nothing decided on a malformed answer").isEqualTo("RECEIVED");
    assertThat(http.get(VOLGA, "/v1/accounts/" + VOLGA).body().get("reserved").asText()).isEqualTo("10.00");
    // A proper answer decides it.
    spoil.set(Function.identity());
    answer.set(m -> new PeerReply(m.uetr(), PeerReply.Status.REJECTED, "AM04"));
    awaitState(uetr, "REJECTED", 15_000);
    p = http.get(VOLGA, "/v1/payments/" + uetr).body();
    assertThat(p.get("state").asText()).isEqualTo("REJECTED");
    assertThat(p.get("reasonCode").asText()).isEqualTo("AM04");
    assertThat(http.get(VOLGA, "/v1/accounts/" + VOLGA).body().get("reserved").asText()).isEqualTo("0.00");
    assertHealthy();
  }

  /**
   * A peer that answers a status request with "never received" (pacs.002 PDNG + NOOR) gets the
   * pacs.008 again, and its decision on that settles the payment: the sending node never decides
   * on a word that says nothing.
   */
  @Test
  void aTransferThePeerNeverReceivedIsForwardedAgain() throws Exception {
    assertThat(http.post(DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}").status()).isEqualTo(201);
    var q = http.post(VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"10.00\"}").body().get("quotes").get(0);
    var seen = new java.util.concurrent.CopyOnWriteArrayList<String>();
    answer.set(m -> {
      seen.add(m instanceof PeerMessage.Transfer ? "pacs.008" : "pacs.028");
      long forwarded = seen.stream().filter("pacs.008"::equals).count();
      if (m instanceof PeerMessage.StatusRequest) return new PeerReply(m.uetr(), PeerReply.Status.UNKNOWN, null);
      // The first forward is "lost" (answered pending, then forgotten); the second one is decided.
      return forwarded == 1 ? new PeerReply(m.uetr(), PeerReply.Status.PENDING, null) : new PeerReply(m.uetr(), PeerReply.Status.COMMITTED, null);
    });
    String uetr = UUID.randomUUID().toString();
    payTehran(uetr, q.get("quoteId").asText());
    awaitState(uetr, "SETTLED", 20_000);
    assertThat(http.get(VOLGA, "/v1/payments/" + uetr).body().get("state").asText()).as("%s", seen).isEqualTo("SETTLED");
    assertThat(seen).startsWith("pacs.008", "pacs.028", "pacs.008");
    assertThat(http.get(VOLGA, "/v1/accounts/" + VOLGA).body().get("reserved").asText()).isEqualTo("0.00");
    assertThat(http.get(DEALER, "/v1/accounts/" + DEALER).body().get("balance").asText()).isEqualTo("5010.00");
    assertHealthy();
  }

  /** Waits until the writer no longer holds the payment as a record (its turn is durable, its records dropped). */
  void awaitCompacted(String uetr) throws Exception {
    UUID id = UUID.fromString(uetr);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    // Each query is a writer turn, and a turn starts by compacting the durable ones.
    while (ru.engine().query(v -> v.payment(id).isPresent()).get(5, java.util.concurrent.TimeUnit.SECONDS)) {
      assertThat(System.nanoTime()).as("payment " + uetr + " compacted").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /**
   * A final cross-border payment leaves the writer's records with its cross-border record (the
   * index keeps its side and its peer): a repeat from the peer still gets the decision, another
   * payment under its UETR still DUPL, a late answer about an outgoing one still changes nothing,
   * and the start-up cross-check still tells a voided leg 1 from a domestic transfer, before and
   * after a restart.
   */
  @Test
  void finalCrossBorderPaymentsAnswerFromTheirCompactFormBeforeAndAfterARestart() throws Exception {
    // Incoming (this node receives leg 2), settled.
    String in = UUID.randomUUID().toString();
    String ok = pacs008(transfer(in, VOLGA, DEALER, 1_000_000, "IRR", 1_90, "RUB"));
    assertThat(txStatus(postAsPeer(ok))).isEqualTo("ACSC");
    // Outgoing (this node holds leg 1), rejected by the peer: leg 1 voided.
    assertThat(http.post(DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}").status()).isEqualTo(201);
    var q = http.post(VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"10.00\"}").body().get("quotes").get(0);
    answer.set(m -> new PeerReply(m.uetr(), PeerReply.Status.REJECTED, "AM04"));
    String out = UUID.randomUUID().toString();
    payTehran(out, q.get("quoteId").asText());
    awaitState(out, "REJECTED", 15_000);
    assertThat(http.get(VOLGA, "/v1/payments/" + out).body().get("state").asText()).isEqualTo("REJECTED");
    for (int round = 0; round < 2; round++) {
      awaitCompacted(in);
      awaitCompacted(out);
      String when = round == 0 ? "compacted" : "compacted, after a restart";
      assertThat(txStatus(postAsPeer(ok))).as(when).isEqualTo("ACSC");
      assertThat(txStatus(fromPeer(transfer(in, VOLGA, DEALER, 2_000_000, "IRR", 3_80, "RUB")))).as(when).isEqualTo("RJCT");
      var status = postAsPeer(new String(irWire.statusRequests("RU-NODE", List.of(transfer(in, VOLGA, DEALER, 1, "IRR", 1, "RUB")),
          System.currentTimeMillis()), StandardCharsets.UTF_8));
      assertThat(txStatus(status)).as(when).isEqualTo("ACSC");
      // This node forwarded nothing under the incoming payment's UETR: a peer asking about the
      // outgoing one's UETR as if it had sent it is told "never received".
      status = postAsPeer(new String(irWire.statusRequests("RU-NODE", List.of(transfer(out, VOLGA, DEALER, 1, "IRR", 1, "RUB")),
          System.currentTimeMillis()), StandardCharsets.UTF_8));
      assertThat(txStatus(status)).as(when).isEqualTo("PDNG");
      assertThat(http.get(DEALER, "/v1/accounts/" + DEALER).body().get("balance").asText()).as(when).isEqualTo("4998.10");
      assertThat(http.get(VOLGA, "/v1/accounts/" + VOLGA).body().get("reserved").asText()).as(when).isEqualTo("0.00");
      assertThat(http.get(VOLGA, "/v1/payments/" + out).body().get("state").asText()).as(when).isEqualTo("REJECTED");
      assertThat(http.get(VOLGA, "/v1/payments/" + in).body().get("state").asText()).as(when).isEqualTo("SETTLED");
      assertHealthy();
      if (round == 0) {
        // The start-up cross-check reads each final payment's side from its compact form: a
        // rejected outgoing payment has a voided leg 1 in the ledger, which a domestic one may not.
        http.close();
        ru.close();
        ru = Node.start(ConfigLoader.load(dir.resolve("ru.yaml")), new TestClock(Instant.now()));
        http = new Http(ru.port(), "RU-NODE");
      }
    }
  }
}
