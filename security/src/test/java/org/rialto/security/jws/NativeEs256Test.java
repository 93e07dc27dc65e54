package org.rialto.security.jws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.rialto.security.Crypto;
import org.rialto.security.pki.KeyAlgorithm;

/**
 * ES256 computed in native code (AWS-LC, when it loads) must be the JDK's ES256: the same
 * signature format, each accepting what the other signed and refusing what either refuses.
 */
class NativeEs256Test {
  static final byte[] BODY = "<Document><FIToFICstmrCdtTrf>...</FIToFICstmrCdtTrf></Document>\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void theNativeProviderIsUsedOnLinuxX8664() {
    // The build ships the linux-x86_64 library only; elsewhere the JDK's is the expected fallback.
    boolean supported = System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64");
    assertThat(JwsAlgorithm.es256Provider()).isEqualTo(supported ? "AmazonCorrettoCryptoProvider" : "SunEC");
  }

  @Test
  void eachVerifiesWhatTheOtherSignedAndBothRefuseATamperedBody() throws Exception {
    KeyPair keys = KeyAlgorithm.EC_P256.generate();
    byte[] tampered = BODY.clone();
    tampered[10] ^= 1;
    for (int round = 0; round < 20; round++) {
      Signature fast = JwsAlgorithm.ES256.signer(keys.getPrivate(), Crypto.random());
      fast.update(BODY);
      byte[] byFast = fast.sign();
      Signature jdk = JwsAlgorithm.ES256.newSignature();
      jdk.initSign(keys.getPrivate(), Crypto.random());
      jdk.update(BODY);
      byte[] byJdk = jdk.sign();
      assertThat(byFast).hasSize(64);
      assertThat(byJdk).hasSize(64);
      for (byte[] signature : new byte[][] {byFast, byJdk}) {
        assertThat(jdkVerifies(keys, BODY, signature)).isTrue();
        assertThat(fastVerifies(keys, BODY, signature)).isTrue();
        assertThat(jdkVerifies(keys, tampered, signature)).isFalse();
        assertThat(fastVerifies(keys, tampered, signature)).isFalse();
        byte[] flipped = signature.clone();
        flipped[40] ^= 0x10;
        assertThat(fastVerifies(keys, BODY, flipped)).isFalse();
      }
    }
  }

  @Test
  void anotherKeysSignatureIsRefused() throws Exception {
    KeyPair signer = KeyAlgorithm.EC_P256.generate();
    KeyPair other = KeyAlgorithm.EC_P256.generate();
    Signature s = JwsAlgorithm.ES256.signer(signer.getPrivate(), Crypto.random());
    s.update(BODY);
    byte[] signature = s.sign();
    assertThat(fastVerifies(signer, BODY, signature)).isTrue();
    assertThat(fastVerifies(other, BODY, signature)).isFalse();
    // r = 0 and s = 0 is no signature (ECDSA needs both in [1, n-1]).
    assertThat(fastVerifies(signer, BODY, new byte[64])).isFalse();
  }

  @Test
  void signingKeysKeptInNativeFormStayEachTheirOwn() throws Exception {
    // Keys read again from the same encoding are equal keys: they share the native form, and a
    // signature made through it is that key's; another key's signature never verifies with it.
    KeyPair a = KeyAlgorithm.EC_P256.generate();
    KeyPair b = KeyAlgorithm.EC_P256.generate();
    var factory = java.security.KeyFactory.getInstance("EC");
    var aAgain = factory.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(a.getPrivate().getEncoded()));
    for (int round = 0; round < 5; round++) {
      for (var key : new java.security.PrivateKey[] {a.getPrivate(), b.getPrivate(), aAgain}) {
        Signature s = JwsAlgorithm.ES256.signer(key, Crypto.random());
        s.update(BODY);
        byte[] signature = s.sign();
        KeyPair own = key == b.getPrivate() ? b : a;
        KeyPair notOwn = own == a ? b : a;
        assertThat(jdkVerifies(own, BODY, signature)).isTrue();
        assertThat(fastVerifies(own, BODY, signature)).isTrue();
        assertThat(jdkVerifies(notOwn, BODY, signature)).isFalse();
      }
    }
  }

  @Test
  void theNativeSigningKeysAreBounded() throws Exception {
    for (int i = 0; i < 80; i++) {
      KeyPair keys = KeyAlgorithm.EC_P256.generate();
      Signature s = JwsAlgorithm.ES256.signer(keys.getPrivate(), Crypto.random());
      s.update(BODY);
      // Past the bound a key is translated at each signature, and still signs as itself.
      assertThat(jdkVerifies(keys, BODY, s.sign())).isTrue();
    }
    assertThat(JwsAlgorithm.nativeSigningKeys()).isLessThanOrEqualTo(64);
  }

  private static boolean fastVerifies(KeyPair keys, byte[] body, byte[] signature) throws Exception {
    Signature v = JwsAlgorithm.ES256.verifier(keys.getPublic());
    v.update(body);
    try {
      return v.verify(signature);
    } catch (java.security.SignatureException e) {
      return false;
    }
  }

  private static boolean jdkVerifies(KeyPair keys, byte[] body, byte[] signature) throws Exception {
    Signature v = JwsAlgorithm.ES256.newSignature();
    v.initVerify(keys.getPublic());
    v.update(body);
    try {
      return v.verify(signature);
    } catch (java.security.SignatureException e) {
      return false;
    }
  }
}
