package org.rialto.security.jws;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Signature;
import java.math.BigInteger;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;
import org.rialto.security.Crypto;

/**
 * The signature algorithms a Rialto message may carry. Each name is the JOSE "alg" value.
 *
 * <p>GOST R 34.10-2012 has no registered JOSE name; we use {@code "GOST3410-2012-256"} (signature
 * with the 256-bit key over a Streebog-256 digest, Bouncy Castle's
 * {@code GOST3411-2012-256withECGOST3410-2012-256}), a private name as RFC 7518 section 3.1 allows
 * for names agreed between the parties.
 */
public enum JwsAlgorithm {
  /** ECDSA P-256 with SHA-256, signature as R||S (RFC 7518 section 3.4). */
  ES256("ES256"),
  /** Ed25519 (RFC 8037). */
  EDDSA("EdDSA"),
  /** RSASSA-PSS with SHA-256, MGF1 SHA-256, 32-byte salt (RFC 7518 section 3.5). */
  PS256("PS256"),
  /** GOST R 34.10-2012, 256-bit key, Streebog-256 digest (Bouncy Castle). */
  GOST3410_2012_256("GOST3410-2012-256");

  public final String joseName;
  private static final BigInteger P256_ORDER =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  JwsAlgorithm(String joseName) {
    this.joseName = joseName;
  }

  public static Optional<JwsAlgorithm> byJoseName(String name) {
    for (JwsAlgorithm a : values()) {
      if (a.joseName.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code key} (public or private) is a key of this algorithm's family and size. */
  public boolean fits(Key key) {
    String alg = key.getAlgorithm();
    return switch (this) {
      // P-256 only: other 256-bit curves (secp256k1, brainpool) are not ES256.
      case ES256 -> key instanceof ECKey ec && alg.equals("EC") && P256_ORDER.equals(ec.getParams().getOrder());
      case EDDSA -> key instanceof EdECKey ed ? ed.getParams().getName().equals("Ed25519") : alg.equals("Ed25519");
      case PS256 -> key instanceof RSAKey rsa && rsa.getModulus().bitLength() >= 2048;
      case GOST3410_2012_256 -> alg.startsWith("ECGOST3410-2012") || alg.equals("GOST3410-2012");
    };
  }

  Signature newSignature() throws GeneralSecurityException {
    return switch (this) {
      case ES256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
      case EDDSA -> Signature.getInstance("Ed25519");
      case PS256 -> {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        yield s;
      }
      case GOST3410_2012_256 -> Signature.getInstance("GOST3411-2012-256WITHECGOST3410-2012-256", Crypto.bc());
    };
  }
}
