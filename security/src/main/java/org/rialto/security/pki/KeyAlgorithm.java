package org.rialto.security.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import org.rialto.security.Crypto;

/**
 * Key types a node's CA issues. The first three are usable by the JDK's TLS 1.3 and by the JWS
 * algorithm of the same family (ES256, EdDSA, PS256; an RSA key signs with PSS only, in TLS 1.3 as
 * in JWS). GOST R 34.10-2012 is a message-signing key only: the JDK's TLS has no GOST signature
 * scheme, so a GOST participant connects with a P-256 TLS certificate and signs with a separate
 * GOST certificate from the same CA (see {@link CaDirectory#issueParticipant}).
 */
public enum KeyAlgorithm {
  EC_P256("ec-p256", "SHA256withECDSA"),
  ED25519("ed25519", "Ed25519"),
  RSA_3072("rsa-pss", "SHA256withRSA"),
  GOST_2012_256("gost2012-256", null);

  /** The name on the command line ({@code rialto pki issue --algorithm}). */
  public final String cliName;
  /** How a CA of this key type signs certificates and CRLs; null when it cannot be a CA here. */
  public final String certificateSignature;

  KeyAlgorithm(String cliName, String certificateSignature) {
    this.cliName = cliName;
    this.certificateSignature = certificateSignature;
  }

  /** Whether the JDK's TLS 1.3 can authenticate with a key of this type. */
  public boolean tls() {
    return this != GOST_2012_256;
  }

  public static KeyAlgorithm byCliName(String name) {
    for (KeyAlgorithm a : values()) {
      if (a.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown key algorithm " + name + "; one of ec-p256, ed25519, rsa-pss, gost2012-256");
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
        case GOST_2012_256 -> {
          // TC26 parameter set A: the 256-bit curve of GOST R 34.10-2012 (RFC 7836).
          KeyPairGenerator g = KeyPairGenerator.getInstance("ECGOST3410-2012", Crypto.bc());
          g.initialize(new ECGenParameterSpec("Tc26-Gost-3410-12-256-paramSetA"), Crypto.random());
          yield g.generateKeyPair();
        }
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate " + this + " keys", e);
    }
  }

  public static KeyAlgorithm of(PublicKey key) {
    String alg = key.getAlgorithm();
    if (alg.startsWith("ECGOST3410-2012") || alg.equals("GOST3410-2012")) {
      return GOST_2012_256;
    }
    if (key instanceof ECPublicKey) {
      return EC_P256;
    }
    if (key instanceof RSAPublicKey) {
      return RSA_3072;
    }
    if (alg.equals("Ed25519") || alg.equals("EdDSA")) {
      return ED25519;
    }
    throw new IllegalArgumentException("unsupported key type " + alg);
  }
}
