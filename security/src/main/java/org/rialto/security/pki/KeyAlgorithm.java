package org.rialto.security.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.rialto.security.Crypto;

/**
 * Key types a node's CA issues. All three are usable by the JDK's TLS 1.3 and by the JWS
 * algorithms of the same family (ES256, EdDSA, PS256).
 */
public enum KeyAlgorithm {
  EC_P256("SHA256withECDSA"),
  ED25519("Ed25519"),
  RSA_3072("SHA256withRSA");

  /** How a CA of this key type signs certificates and CRLs. */
  public final String certificateSignature;

  KeyAlgorithm(String certificateSignature) {
    this.certificateSignature = certificateSignature;
  }

  public KeyPair generate() {
    try {
      return switch (this) {
        case EC_P256 -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec("secp256r1"), Crypto.random());
          yield g.generateKeyPair();
        }
        case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        case RSA_3072 -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
          g.initialize(3072, Crypto.random());
          yield g.generateKeyPair();
        }
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + this + " keys", e);
    }
  }

  public static KeyAlgorithm of(PublicKey key) {
    if (key instanceof ECPublicKey) {
      return EC_P256;
    }
    if (key instanceof RSAPublicKey) {
      return RSA_3072;
    }
    if (key.getAlgorithm().equals("Ed25519") || key.getAlgorithm().equals("EdDSA")) {
      return ED25519;
    }
    throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
  }
}
