package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.RU_CB;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.client.BankClient;
import org.rialto.node.config.NodeConfig;
import org.rialto.security.Crypto;
import org.rialto.security.jws.DetachedJws;
import org.rialto.security.jws.JwsAlgorithm;
import org.rialto.security.pki.KeyAlgorithm;
import org.rialto.security.pki.Pem;

/**
 * Issue 7, pluggable signature algorithms through a real node: banks with an Ed25519, an RSA-PSS
 * and a GOST R 34.10-2012 certificate each pay, and each answer (signed by a node whose own key is
 * Ed25519) is verified by the client; a signature whose algorithm does not fit the key, or is not
 * in the node's jwsAlgorithms, is refused and changes nothing.
 */
class SignatureAlgorithmsTest {
  static final String NODE = "RU-ALG";
  static final String ED = "EDDDRUMM";
  static final String RSA = "RSAARUMM";
  static final String GOST = "GOSTRUMM";
  static final String EC = "ECCCRUMM";

  @TempDir Path dir;

  NodeConfig config(String node, List<String> algorithms) {
    TestPki.ca(node, KeyAlgorithm.ED25519);
    return new NodeConfig(node, new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve(node + ".db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(ED, "Ed Bank", "RU", "0", "100.00"),
            new NodeConfig.ParticipantConfig(RSA, "Rsa Bank", "RU", "0", "100.00"),
            new NodeConfig.ParticipantConfig(GOST, "Gost Bank", "RU", "0", "100.00"),
            new NodeConfig.ParticipantConfig(EC, "Ec Bank", "RU", "0", "0")),
        List.of(), List.of(), null, null, null).withSecurity(TestPki.security(node).withJwsAlgorithms(algorithms));
  }

  static byte[] payment(String debtor, String creditor, String amount) {
    return Http.payment(UUID.randomUUID().toString(), debtor, creditor, amount, "RUB").getBytes(StandardCharsets.UTF_8);
  }

  static String alg(String jws) {
    String header = new String(Crypto.fromBase64Url(jws.substring(0, jws.indexOf('.'))), StandardCharsets.UTF_8);
    return header.replaceAll(".*\"alg\":\"([^\"]+)\".*", "$1");
  }

  BankClient client(Node node, String nodeId, Pem.ParticipantKeys keys) {
    return new BankClient(URI.create("https://127.0.0.1:" + node.port()), nodeId, TestPki.caCertificate(nodeId), keys);
  }

  String balance(BankClient bank, String bic) {
    var r = bank.get("/v1/accounts/" + bic);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.text().replaceAll(".*\"balance\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void ed25519RsaPssAndGostBanksPayAndVerifyTheNodesSignedAnswers() throws Exception {
    TestPki.ca(NODE, KeyAlgorithm.ED25519);
    var ed = TestPki.issue(NODE, ED, KeyAlgorithm.ED25519);
    var rsa = TestPki.issue(NODE, RSA, KeyAlgorithm.RSA_3072);
    var gost = TestPki.issue(NODE, GOST, KeyAlgorithm.GOST_2012_256);
    assertThat(ed.signing()).isNull();
    assertThat(gost.signing()).as("a GOST participant has a separate signing key").isNotNull();
    assertThat(gost.signing().key().getAlgorithm()).startsWith("ECGOST3410-2012");
    assertThat(gost.tls().key().getAlgorithm()).isEqualTo("EC");
    try (Node node = Node.start(config(NODE, List.of("ES256", "EdDSA", "PS256", "GOST3410-2012-256")), new TestClock(Instant.parse("2026-11-23T09:00:00Z")));
        var edBank = client(node, NODE, ed); var rsaBank = client(node, NODE, rsa); var gostBank = client(node, NODE, gost)) {
      var cases = List.of(new Object[] {edBank, ED, "EdDSA"}, new Object[] {rsaBank, RSA, "PS256"}, new Object[] {gostBank, GOST, "GOST3410-2012-256"});
      for (Object[] c : cases) {
        BankClient bank = (BankClient) c[0];
        byte[] body = payment((String) c[1], EC, "10.00");
        String jws = bank.sign(body);
        assertThat(alg(jws)).isEqualTo(c[2]);
        var paid = bank.sendSigned("POST", "/v1/payments", body, "application/json", jws);
        assertThat(paid.status()).as(c[1] + ": " + paid.text()).isEqualTo(200);
        assertThat(paid.text()).contains("SETTLED");
        // The client verified the answer before returning it; the node's key is Ed25519.
        assertThat(alg(paid.jws())).isEqualTo("EdDSA");
        assertThat(balance(bank, (String) c[1])).isEqualTo("90.00");
      }
      // The GOST signature carries its certificate; the node kept it as evidence.
      long gostEvidence = node.store().read(conn -> {
        try (var ps = conn.prepareStatement("SELECT count(*) FROM security_evidence WHERE sender = ? AND alg = ?")) {
          ps.setString(1, GOST);
          ps.setString(2, "GOST3410-2012-256");
          try (var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        }
      });
      assertThat(gostEvidence).isGreaterThanOrEqualTo(1);

      // Refusals, each changing nothing.
      byte[] body = payment(ED, EC, "50.00");
      // The header says ES256 but the sender's certificate key is Ed25519 (signed with another bank's P-256 key under ED's kid).
      var ecKey = TestPki.issue(NODE, EC, KeyAlgorithm.EC_P256).tls();
      String kid = ed.tls().chain()[0].getSerialNumber().toString();
      String mismatched = DetachedJws.sign(body, ecKey.key(), JwsAlgorithm.ES256, kid, UUID.randomUUID().toString(), Instant.now());
      var wrongKey = edBank.sendSigned("POST", "/v1/payments", body, "application/json", mismatched);
      assertThat(wrongKey.status()).isEqualTo(401);
      assertThat(wrongKey.text()).contains("WRONG_KEY_FOR_ALGORITHM");
      // A GOST signature without its certificate names no key the node knows.
      String bare = DetachedJws.sign(body, gost.signing().key(), JwsAlgorithm.GOST3410_2012_256,
          gost.signing().chain()[0].getSerialNumber().toString(), UUID.randomUUID().toString(), Instant.now());
      var noCert = gostBank.sendSigned("POST", "/v1/payments", payment(GOST, EC, "50.00"), "application/json", bare);
      assertThat(noCert.status()).isEqualTo(401);
      assertThat(noCert.text()).contains("UNKNOWN_SIGNER");
      // Another participant's GOST signing certificate, presented over ED's TLS link.
      byte[] edBody = payment(ED, EC, "50.00");
      String foreign = DetachedJws.sign(edBody, gost.signing().key(), JwsAlgorithm.GOST3410_2012_256,
          gost.signing().chain()[0].getSerialNumber().toString(), UUID.randomUUID().toString(), Instant.now(), gost.signing().chain()[0]);
      var impostor = edBank.sendSigned("POST", "/v1/payments", edBody, "application/json", foreign);
      assertThat(impostor.status()).isEqualTo(401);
      assertThat(impostor.text()).contains("UNKNOWN_SIGNER").contains(GOST);
      assertThat(balance(edBank, ED)).isEqualTo("90.00");
      assertThat(balance(gostBank, GOST)).isEqualTo("90.00");
    }
  }

  @Test
  void aNodeRefusesAlgorithmsItsConfigurationDoesNotList() throws Exception {
    String node = "RU-ALG2";
    TestPki.ca(node, KeyAlgorithm.ED25519);
    var rsa = TestPki.issue(node, RSA, KeyAlgorithm.RSA_3072);
    var gost = TestPki.issue(node, GOST, KeyAlgorithm.GOST_2012_256);
    var ed = TestPki.issue(node, ED, KeyAlgorithm.ED25519);
    // Only ES256 and EdDSA (the default): RSA-PSS and GOST are national options a node turns on.
    try (Node n = Node.start(config(node, List.of("ES256", "EdDSA")), new TestClock(Instant.parse("2026-11-23T09:00:00Z")));
        var rsaBank = client(n, node, rsa); var gostBank = client(n, node, gost); var edBank = client(n, node, ed)) {
      var byRsa = rsaBank.post("/v1/payments", payment(RSA, EC, "10.00"), "application/json");
      assertThat(byRsa.status()).as(byRsa.text()).isEqualTo(401);
      assertThat(byRsa.text()).contains("ALGORITHM_NOT_ALLOWED").contains("PS256");
      var byGost = gostBank.post("/v1/payments", payment(GOST, EC, "10.00"), "application/json");
      assertThat(byGost.status()).isEqualTo(401);
      assertThat(byGost.text()).contains("ALGORITHM_NOT_ALLOWED").contains("GOST3410-2012-256");
      var byEd = edBank.post("/v1/payments", payment(ED, EC, "10.00"), "application/json");
      assertThat(byEd.status()).as(byEd.text()).isEqualTo(200);
      assertThat(balance(rsaBank, RSA)).isEqualTo("100.00");
      assertThat(balance(gostBank, GOST)).isEqualTo("100.00");
    }
  }
}
