package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rialto.node.Participants.A;
import static org.rialto.node.Participants.B;
import static org.rialto.node.Participants.C;
import static org.rialto.node.Participants.RU_CB;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.client.BankClient;
import org.rialto.node.client.NodeLinkException;
import org.rialto.node.config.NodeConfig;
import org.rialto.security.Crypto;
import org.rialto.security.pki.Pem;

/**
 * Issue 7, every door of the bank and peer API through a real node over real TLS: who is calling
 * comes from the certificate alone, every message is verified against its detached JWS, and each
 * refusal says why and changes nothing (ledger, payments, inbox).
 */
class SecurityDoorsTest {
  static final String NODE = "RU-SEC";
  static final String PEER = "IR-SEC";
  static final String ROGUE = "XX-ROGUE";

  @TempDir Path dir;
  Node node;
  Http http;

  NodeConfig config() throws Exception {
    int unusedPort;
    try (var s = new ServerSocket(0)) {
      unusedPort = s.getLocalPort();
    }
    return new NodeConfig(NODE, new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve("n.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(A, "Bank A", "RU", "0", "1000.00"),
            new NodeConfig.ParticipantConfig(B, "Bank B", "RU", "0", "500.00"),
            new NodeConfig.ParticipantConfig(C, "Bank C", "RU", "0", "0")),
        List.of(new NodeConfig.PeerConfig(PEER, "https://127.0.0.1:" + unusedPort, new NodeConfig.CurrencyConfig("IRR", 0), List.of("IR"))),
        List.of(), null, null, null).withOperators(TestOperators.all()).withSecurity(TestPki.security(NODE, PEER));
  }

  @BeforeEach
  void start() throws Exception {
    node = Node.start(config(), new TestClock(Instant.parse("2026-11-23T09:00:00Z")));
    http = new Http(node.port(), NODE);
  }

  @AfterEach
  void stop() throws Exception {
    if (http != null) http.close();
    if (node != null) node.close();
  }

  static String uetr() {
    return UUID.randomUUID().toString();
  }

  static byte[] payment(String uetr, String debtor, String creditor, String amount) {
    return Http.payment(uetr, debtor, creditor, amount, "RUB").getBytes(StandardCharsets.UTF_8);
  }

  BankClient clientWith(Pem.KeyAndChain key) {
    return new BankClient(URI.create("https://127.0.0.1:" + node.port()), NODE, TestPki.caCertificate(NODE), key);
  }

  /**
   * Refused at the handshake (the verifier's alert) or, when the client did not even offer its
   * certificate because the node does not list that CA as acceptable, refused at the door for
   * having none. Either way, nothing gets in.
   */
  static void assertRefused(java.util.function.Supplier<BankClient.Response> call, String reason) {
    BankClient.Response r;
    try {
      r = call.get();
    } catch (NodeLinkException e) {
      return;
    }
    assertThat(r.status()).as(r.text()).isEqualTo(401);
    assertThat(r.text()).contains(reason);
  }

  String balance(String bic) throws Exception {
    return http.get(bic, "/v1/accounts/" + bic).body().get("balance").asText();
  }

  int messages(String bic) throws Exception {
    return http.get(bic, "/v1/messages?after=0&xml=false").body().get("messages").size();
  }

  /** The ledger, the payment and every bank's inbox are as they were. */
  void assertNothingChanged(String uetr, int messagesA, int messagesB) throws Exception {
    assertThat(balance(A)).isEqualTo("1000.00");
    assertThat(balance(B)).isEqualTo("500.00");
    assertThat(http.get(A, "/v1/payments/" + uetr).status()).as("no payment was recorded").isEqualTo(422);
    assertThat(http.get(B, "/v1/payments/" + uetr).status()).isEqualTo(422);
    assertThat(messages(A)).isEqualTo(messagesA);
    assertThat(messages(B)).isEqualTo(messagesB);
  }

  @Test
  void aBankIsWhoItsCertificateSaysAndNothingElse() throws Exception {
    int ma = messages(A);
    int mb = messages(B);
    String u = uetr();
    // No certificate: refused, whatever the body claims.
    assertRefused(() -> http.client(null).post("/v1/payments", payment(u, A, B, "10.00"), "application/json"), "NO_CERTIFICATE");
    assertRefused(() -> http.client(null).get("/v1/accounts/" + A), "NO_CERTIFICATE");
    // A certificate for A's BIC from a CA this node does not pin: the handshake itself fails.
    try (var rogue = clientWith(TestPki.issue(ROGUE, A, 30, Instant.now()))) {
      assertRefused(() -> rogue.post("/v1/payments", payment(u, A, B, "10.00"), "application/json"), "NO_CERTIFICATE");
    }
    // An expired certificate of this node's CA.
    try (var expired = clientWith(TestPki.issue(NODE, A, 1, Instant.now().minus(Duration.ofDays(3))))) {
      assertThatThrownBy(() -> expired.get("/v1/accounts/" + A)).isInstanceOf(NodeLinkException.class);
    }
    // Bank B debiting A's account, with B's own valid certificate: refused whole.
    var foreign = http.client(B).post("/v1/payments", payment(u, A, B, "10.00"), "application/json");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.text()).contains("AG01").contains("may only debit its own account");
    // The X-Rialto-Participant header is no identity: B naming itself A changes nothing.
    var claimed = http.client(B).send("POST", "/v1/payments", new String(payment(u, A, B, "10.00"), StandardCharsets.UTF_8),
        java.util.Map.of("X-Rialto-Participant", A));
    assertThat(claimed.status()).isEqualTo(403);
    assertNothingChanged(u, ma, mb);
  }

  @Test
  void aBankReadsOnlyItsOwnPaymentsMessagesAndStatements() throws Exception {
    String u = uetr();
    var paid = http.client(B).post("/v1/payments", payment(u, B, C, "20.00"), "application/json");
    assertThat(paid.status()).as(paid.text()).isEqualTo(200);
    assertThat(http.get(B, "/v1/payments/" + u).body().get("state").asText()).isEqualTo("SETTLED");
    var readByA = http.get(A, "/v1/payments/" + u);
    assertThat(readByA.status()).isEqualTo(422);
    assertThat(readByA.body().get("reasonCode").asText()).isEqualTo("NOOR");
    var accountOfB = http.get(A, "/v1/accounts/" + B);
    assertThat(accountOfB.status()).isEqualTo(422);
    assertThat(accountOfB.body().get("reasonCode").asText()).isEqualTo("AG01");
    assertThat(http.get(A, "/v1/messages?after=0").raw()).doesNotContain(u);
    assertThat(http.get(C, "/v1/messages?after=0").raw()).contains(u);
    // Statements are messages: each bank gets its own camt.053 and no one else's.
    var close = Http.operator(node.operatorPort(), TestOperators.SUPERVISOR).post(null, "/v1/admin/day-close",
        "{\"businessDate\":\"2026-11-23\"}");
    assertThat(close.status()).as(close.raw()).isEqualTo(200);
    for (String bank : List.of(A, B, C)) {
      int statements = 0;
      for (var m : http.get(bank, "/v1/messages?after=0").body().get("messages")) {
        if (!m.get("kind").asText().equals("camt.053")) continue;
        statements++;
        assertThat(m.get("xml").asText()).as(bank + "'s statement is of its own account")
            .contains("<Acct><Id><Othr><Id>RUB-" + bank + "</Id>");
      }
      assertThat(statements).as(bank).isEqualTo(1);
    }
  }

  @Test
  void aRevokedCertificateIsRefusedWithoutARestart() throws Exception {
    var key = TestPki.issue(NODE, C, 30, Instant.now());
    try (var bank = clientWith(key)) {
      assertThat(bank.get("/v1/accounts/" + C).status()).isEqualTo(200);
      TestPki.ca(NODE).revokeSerial(key.chain()[0].getSerialNumber().longValueExact(), Instant.now());
      // The node re-reads crl.pem at most every half second; the kept-alive connection is judged per request.
      Thread.sleep(700);
      var refused = bank.get("/v1/accounts/" + C);
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.text()).contains("REVOKED");
    }
    try (var again = clientWith(key)) {
      assertThatThrownBy(() -> again.get("/v1/accounts/" + C)).as("a new connection fails the handshake")
          .isInstanceOf(NodeLinkException.class);
    }
  }

  @Test
  void everyMessageIsVerifiedAgainstItsSignatureAndAcceptedOnce() throws Exception {
    int ma = messages(A);
    int mb = messages(B);
    BankClient a = http.client(A);
    String u = uetr();
    byte[] body = payment(u, A, B, "10.00");
    // Unsigned.
    var unsigned = a.sendSigned("POST", "/v1/payments", body, "application/json", null);
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.text()).contains("X-JWS-Signature");
    // The body changed after signing (10.00 became 99.00).
    String jws = a.sign(body);
    var changed = a.sendSigned("POST", "/v1/payments", payment(u, A, B, "99.00"), "application/json", jws);
    assertThat(changed.status()).isEqualTo(401);
    assertThat(changed.text()).contains("BAD_SIGNATURE");
    // Signed by another bank's key while connected as A.
    var byB = a.sendSigned("POST", "/v1/payments", body, "application/json", http.client(B).sign(body));
    assertThat(byB.status()).isEqualTo(401);
    // An algorithm this node does not allow, and one that does not exist.
    for (String alg : List.of("PS256", "none", "HS256")) {
      String header = "{\"alg\":\"" + alg + "\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"1\",\"iat\":"
          + Instant.now().getEpochSecond() + ",\"mid\":\"" + uetr() + "\"}";
      String forged = Crypto.base64Url(header.getBytes(StandardCharsets.UTF_8)) + ".." + Crypto.base64Url(new byte[64]);
      var r = a.sendSigned("POST", "/v1/payments", body, "application/json", forged);
      assertThat(r.status()).as(alg).isEqualTo(401);
      assertThat(r.text()).as(alg).containsAnyOf("ALGORITHM_NOT_ALLOWED", "UNKNOWN_ALGORITHM");
    }
    assertNothingChanged(u, ma, mb);
    // Accepted once, with its evidence kept; the same signed message again is a replay.
    var first = a.sendSigned("POST", "/v1/payments", body, "application/json", jws);
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(balance(A)).isEqualTo("990.00");
    var replay = a.sendSigned("POST", "/v1/payments", body, "application/json", jws);
    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.text()).contains("REPLAYED");
    String mid = org.rialto.security.jws.DetachedJws.verify(jws, body, TestPki.bankKey(NODE, A).chain()[0].getPublicKey(),
        java.util.EnumSet.allOf(org.rialto.security.jws.JwsAlgorithm.class)).messageId();
    var evidence = node.store().read(c -> org.rialto.security.jws.Evidence.find(c, A, mid)).orElseThrow();
    assertThat(evidence.jws()).isEqualTo(jws);
    assertThat(evidence.body()).isEqualTo(body);
    // And after a restart too: the replay window is rebuilt from the evidence.
    http.close();
    node.close();
    node = Node.start(config(), new TestClock(Instant.parse("2026-11-23T09:00:00Z")));
    http = new Http(node.port(), NODE);
    var afterRestart = http.client(A).sendSigned("POST", "/v1/payments", body, "application/json", jws);
    assertThat(afterRestart.status()).isEqualTo(409);
    assertThat(balance(A)).isEqualTo("990.00");
  }

  @Test
  void thePeerDoorTakesOnlyAPinnedPeerNode() throws Exception {
    byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
    // A node whose CA is not pinned here: refused at the handshake.
    try (var rogue = TestPki.peer(ROGUE, NODE, node.port())) {
      assertRefused(() -> rogue.exchange(body, "application/json"), "NO_CERTIFICATE");
    }
    // A bank certificate on the peer door, and a peer node's certificate on the bank door.
    var bankAsPeer = http.client(A).post("/peer/v1/messages", body, "application/json");
    assertThat(bankAsPeer.status()).isEqualTo(403);
    var peerKey = TestPki.nodeKey(PEER);
    try (var peerAsBank = clientWith(peerKey)) {
      var r = peerAsBank.post("/v1/payments", payment(uetr(), A, B, "1.00"), "application/json");
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.text()).contains("not a participant");
    }
    // The pinned peer itself gets through the door (an empty batch has nothing to decide).
    try (var peer = TestPki.peer(PEER, NODE, node.port())) {
      assertThat(peer.exchange(body, "application/json").status()).isNotIn(401, 403);
    }
    assertThat(balance(A)).isEqualTo("1000.00");
  }
}
