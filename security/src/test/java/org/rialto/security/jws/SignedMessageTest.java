package org.rialto.security.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.security.Crypto;
import org.rialto.security.db.TestDb;
import org.rialto.security.pki.KeyAlgorithm;

class SignedMessageTest {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final Set<JwsAlgorithm> ALL = EnumSet.allOf(JwsAlgorithm.class);
  static final byte[] BODY = "<Document><FIToFICstmrCdtTrf>...</FIToFICstmrCdtTrf></Document>\n".getBytes(StandardCharsets.UTF_8);

  // Key generation (RSA above all) is the slow part; one fresh pair per algorithm and call site.
  static final java.util.Map<String, KeyPair> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

  static KeyPair keys(JwsAlgorithm a) throws Exception {
    return keys(a, "");
  }

  static KeyPair keys(JwsAlgorithm a, String which) throws Exception {
    KeyPair k = KEYS.get(a + which);
    if (k == null) {
      k = generate(a);
      KEYS.put(a + which, k);
    }
    return k;
  }

  static KeyPair generate(JwsAlgorithm a) throws Exception {
    return switch (a) {
      case ES256 -> KeyAlgorithm.EC_P256.generate();
      case EDDSA -> KeyAlgorithm.ED25519.generate();
      case PS256 -> {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        yield g.generateKeyPair();
      }
      case GOST3410_2012_256 -> {
        KeyPairGenerator g = KeyPairGenerator.getInstance("ECGOST3410-2012", Crypto.bc());
        g.initialize(new ECGenParameterSpec("Tc26-Gost-3410-12-256-paramSetA"));
        yield g.generateKeyPair();
      }
    };
  }

  @Test
  void everyAlgorithmSignsAndVerifiesTheExactBytes() throws Exception {
    for (JwsAlgorithm a : JwsAlgorithm.values()) {
      KeyPair k = keys(a);
      String jws = DetachedJws.sign(BODY, k.getPrivate(), a, "SABRRUMM-7", "MSG-" + a, NOW);
      assertThat(jws).contains("..");
      String header = new String(Crypto.fromBase64Url(jws.substring(0, jws.indexOf('.'))), StandardCharsets.UTF_8);
      assertThat(header).contains("\"alg\":\"" + a.joseName + "\"").contains("\"b64\":false").contains("\"crit\":[\"b64\"]");
      DetachedJws.Header h = DetachedJws.verify(jws, BODY, k.getPublic(), ALL);
      assertThat(h).isEqualTo(new DetachedJws.Header(a, "SABRRUMM-7", "MSG-" + a, NOW));
      // Body changed after signing: one byte.
      byte[] changed = BODY.clone();
      changed[10] ^= 1;
      assertThatThrownBy(() -> DetachedJws.verify(jws, changed, k.getPublic(), ALL))
          .isInstanceOf(JwsException.class).extracting("reason").isEqualTo(JwsException.Reason.BAD_SIGNATURE);
    }
  }

  @Test
  void gostSignatureVerifiesWithTheKeyFromItsCertificate() throws Exception {
    var ca = org.rialto.security.pki.NodeCa.create("ru", KeyAlgorithm.EC_P256, NOW.minus(Duration.ofDays(1)), 30);
    KeyPair gost = keys(JwsAlgorithm.GOST3410_2012_256);
    var cert = ca.issueSigning("SABRRUMM", gost.getPublic(), 2, NOW, 10);
    cert.verify(ca.certificate().getPublicKey());
    assertThat(cert.getKeyUsage()[1]).as("nonRepudiation").isTrue();
    var key = org.rialto.security.pki.SigningKeys.publicKey(cert);
    String jws = DetachedJws.sign(BODY, gost.getPrivate(), JwsAlgorithm.GOST3410_2012_256, "SABRRUMM-2", "G1", NOW);
    assertThat(DetachedJws.verify(jws, BODY, key, ALL).algorithm()).isEqualTo(JwsAlgorithm.GOST3410_2012_256);
    assertThatThrownBy(() -> DetachedJws.verify(jws, BODY, key, EnumSet.of(JwsAlgorithm.ES256, JwsAlgorithm.EDDSA)))
        .extracting("reason").isEqualTo(JwsException.Reason.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void theHeaderIsTheJsonOfItsFieldsWhateverCharactersTheIdsHold() throws Exception {
    KeyPair k = keys(JwsAlgorithm.ES256);
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String id : new String[] {"kid-1", "a\"b\\c", "tab\tnl\nnul\u0000\u001f", "\u0416\u00e9\uD83D\uDE00", "</x>"}) {
      String jws = DetachedJws.sign(BODY, k.getPrivate(), JwsAlgorithm.ES256, id, id + "-m", NOW);
      var expected = json.createObjectNode();
      expected.put("alg", "ES256");
      expected.put("b64", false);
      expected.putArray("crit").add("b64");
      expected.put("kid", id);
      expected.put("iat", NOW.getEpochSecond());
      expected.put("mid", id + "-m");
      byte[] header = Crypto.fromBase64Url(jws.substring(0, jws.indexOf("..")));
      // Both read back from text, so a number is the same node type on both sides.
      assertThat(json.readTree(header)).as(id).isEqualTo(json.readTree(expected.toString()));
      DetachedJws.Header h = DetachedJws.verify(jws, BODY, k.getPublic(), ALL);
      assertThat(h.kid()).isEqualTo(id);
      assertThat(h.messageId()).isEqualTo(id + "-m");
      assertThat(h.issuedAt()).isEqualTo(NOW);
    }
  }

  @Test
  void anotherSignersKeyIsRefused() throws Exception {
    String jws = DetachedJws.sign(BODY, keys(JwsAlgorithm.ES256).getPrivate(), JwsAlgorithm.ES256, "k", "m", NOW);
    assertThatThrownBy(() -> DetachedJws.verify(jws, BODY, keys(JwsAlgorithm.ES256, "other").getPublic(), ALL))
        .extracting("reason").isEqualTo(JwsException.Reason.BAD_SIGNATURE);
  }

  @Test
  void wrongAlgorithmForTheKeyIsRefused() throws Exception {
    KeyPair ec = keys(JwsAlgorithm.ES256);
    KeyPair ed = keys(JwsAlgorithm.EDDSA);
    String jws = DetachedJws.sign(BODY, ec.getPrivate(), JwsAlgorithm.ES256, "k", "m", NOW);
    assertThatThrownBy(() -> DetachedJws.verify(jws, BODY, ed.getPublic(), ALL))
        .extracting("reason").isEqualTo(JwsException.Reason.WRONG_KEY_FOR_ALGORITHM);
    assertThatThrownBy(() -> DetachedJws.sign(BODY, ed.getPrivate(), JwsAlgorithm.ES256, "k", "m", NOW))
        .extracting("reason").isEqualTo(JwsException.Reason.WRONG_KEY_FOR_ALGORITHM);
    KeyPairGenerator k1 = KeyPairGenerator.getInstance("EC", Crypto.bc()); // the JDK dropped secp256k1
    k1.initialize(new ECGenParameterSpec("secp256k1"));
    assertThatThrownBy(() -> DetachedJws.sign(BODY, k1.generateKeyPair().getPrivate(), JwsAlgorithm.ES256, "k", "m", NOW))
        .extracting("reason").isEqualTo(JwsException.Reason.WRONG_KEY_FOR_ALGORITHM);
    assertThatThrownBy(() -> DetachedJws.sign(BODY, KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPrivate(), JwsAlgorithm.EDDSA, "k", "m", NOW))
        .extracting("reason").isEqualTo(JwsException.Reason.WRONG_KEY_FOR_ALGORITHM);
    assertThatThrownBy(() -> DetachedJws.verify(jws, BODY, ec.getPublic(), EnumSet.of(JwsAlgorithm.EDDSA)))
        .extracting("reason").isEqualTo(JwsException.Reason.ALGORITHM_NOT_ALLOWED);
  }

  static String forge(String headerJson, String signature) {
    return Crypto.base64Url(headerJson.getBytes(StandardCharsets.UTF_8)) + ".." + signature;
  }

  @Test
  void unknownAlgorithmNoneAndMissingCritAreRefused() throws Exception {
    KeyPair ec = keys(JwsAlgorithm.ES256);
    assertThatThrownBy(() -> DetachedJws.verify(forge("{\"alg\":\"none\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"k\",\"iat\":1,\"mid\":\"m\"}", ""), BODY, ec.getPublic(), ALL))
        .isInstanceOf(JwsException.class);
    assertThatThrownBy(() -> DetachedJws.verify(forge("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"k\",\"iat\":1,\"mid\":\"m\"}", "AAAA"), BODY, ec.getPublic(), ALL))
        .extracting("reason").isEqualTo(JwsException.Reason.UNKNOWN_ALGORITHM);
    // b64=false without crit: a verifier that ignores b64 would read another payload.
    assertThatThrownBy(() -> DetachedJws.verify(forge("{\"alg\":\"ES256\",\"b64\":false,\"kid\":\"k\",\"iat\":1,\"mid\":\"m\"}", "AAAA"), BODY, ec.getPublic(), ALL))
        .extracting("reason").isEqualTo(JwsException.Reason.B64_NOT_CRITICAL);
    assertThatThrownBy(() -> DetachedJws.verify(forge("{\"alg\":\"ES256\",\"crit\":[\"b64\"],\"kid\":\"k\",\"iat\":1,\"mid\":\"m\"}", "AAAA"), BODY, ec.getPublic(), ALL))
        .extracting("reason").isEqualTo(JwsException.Reason.B64_NOT_CRITICAL);
    assertThatThrownBy(() -> DetachedJws.verify(forge("{\"alg\":\"ES256\",\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"k\",\"iat\":1,\"mid\":\"m\"}", "AAAA"), BODY, ec.getPublic(), ALL))
        .extracting("reason").isEqualTo(JwsException.Reason.MALFORMED);
    assertThatThrownBy(() -> DetachedJws.verify("abc.def.ghi", BODY, ec.getPublic(), ALL))
        .extracting("reason").isEqualTo(JwsException.Reason.MALFORMED);
  }

  @Test
  void replayedAndStaleMessagesAreRefused() {
    ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(5), 3);
    guard.accept("SABRRUMM", "M1", NOW, NOW);
    assertThatThrownBy(() -> guard.accept("SABRRUMM", "M1", NOW, NOW.plusSeconds(1)))
        .extracting("reason").isEqualTo(JwsException.Reason.REPLAYED);
    guard.accept("BKMTIRTH", "M1", NOW, NOW); // another sender may use the same id
    assertThatThrownBy(() -> guard.accept("SABRRUMM", "M2", NOW.minus(Duration.ofMinutes(6)), NOW))
        .extracting("reason").isEqualTo(JwsException.Reason.OUTSIDE_WINDOW);
    assertThatThrownBy(() -> guard.accept("SABRRUMM", "M3", NOW.plus(Duration.ofMinutes(6)), NOW))
        .extracting("reason").isEqualTo(JwsException.Reason.OUTSIDE_WINDOW);
    guard.accept("SABRRUMM", "M4", NOW, NOW);
    assertThatThrownBy(() -> guard.accept("SABRRUMM", "M5", NOW, NOW))
        .extracting("reason").isEqualTo(JwsException.Reason.REPLAY_GUARD_FULL);
    // Once the window has passed, ids are forgotten and their replays fail the window check.
    Instant later = NOW.plus(Duration.ofMinutes(6));
    guard.accept("SABRRUMM", "M6", later, later);
    assertThat(guard.size()).isEqualTo(1);
    assertThatThrownBy(() -> guard.accept("SABRRUMM", "M1", NOW, later))
        .extracting("reason").isEqualTo(JwsException.Reason.OUTSIDE_WINDOW);
  }

  @Test
  void acceptedMessagesAreKeptAsEvidenceOnceForever(@TempDir Path tmp) throws Exception {
    String url = TestDb.create(tmp);
    KeyPair k = keys(JwsAlgorithm.ES256);
    String jws = DetachedJws.sign(BODY, k.getPrivate(), JwsAlgorithm.ES256, "SABRRUMM-7", "M1", NOW);
    DetachedJws.Header h = DetachedJws.verify(jws, BODY, k.getPublic(), ALL);
    try (Connection c = TestDb.connect(url)) {
      assertThat(Evidence.of("SABRRUMM", h, jws, BODY, NOW).record(c)).isTrue();
      assertThat(Evidence.of("SABRRUMM", h, jws, BODY, NOW.plusSeconds(1)).record(c)).isFalse();
      c.commit();
      Evidence e = Evidence.find(c, "SABRRUMM", "M1").orElseThrow();
      // Non-repudiation: the stored evidence re-verifies with the sender's key alone.
      assertThat(DetachedJws.verify(e.jws(), e.body(), k.getPublic(), ALL).messageId()).isEqualTo("M1");
    }
  }
}
