package org.rialto.security.jws;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.math.BigInteger;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  /** ES256 as the JCA names it: ECDSA over SHA-256 with the signature as R||S, as JOSE wants it. */
  private static final String ES256_JCA = "SHA256withECDSAinP1363Format";

  /**
   * Where ES256 is computed: Amazon Corretto Crypto Provider (AWS-LC's P-256, native code) when
   * its library loads on this platform and passes its self-tests, else null and the JDK's SunEC.
   * Every bank and peer message is signed once and verified once, and the JDK's P-256 costs
   * 135-270 us to sign and 400-900 us to verify on the project's machine (its multiplication by
   * the sender's key has no precomputed table), AWS-LC's 45-60 us either way: the same algorithm
   * and the same bytes on the wire (a signature made by either verifies with the other; tested).
   * {@code -Drialto.jws.nativeEs256=false} keeps the JDK's.
   */
  private static final class NativeEs256 {
    static final Provider PROVIDER = load();

    private static Provider load() {
      if (!Boolean.parseBoolean(System.getProperty("rialto.jws.nativeEs256", "true"))) return null;
      try {
        var accp = com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
        accp.assertHealthy();
        Signature.getInstance(ES256_JCA, accp);
        return accp;
      } catch (RuntimeException | LinkageError | GeneralSecurityException e) {
        // No native library for this platform, or a self-test failed: the JDK's, slower and as safe.
        return null;
      }
    }
  }

  /** Who computes ES256 here: "AmazonCorrettoCryptoProvider" (native) or "SunEC" (the JDK's). */
  public static String es256Provider() {
    return NativeEs256.PROVIDER != null ? NativeEs256.PROVIDER.getName() : "SunEC";
  }

  /**
   * Signing keys in AWS-LC's form, by the key they were read from. Given the JDK's key object, the
   * native provider translates it at every {@code initSign} (its PKCS#8 encoding parsed into a new
   * native key): 18 us of a 35 us signature of a 2 kB body, measured, and every answer of the
   * node is signed with the same key. Public keys are not kept: their translation costs about 1 us.
   * Bounded: a process signs with a handful of keys (its node's, or the banks' of a bench), and
   * past the bound a key is translated at each signature as before.
   */
  private static final int MAX_NATIVE_SIGNING_KEYS = 64;
  private static final ConcurrentHashMap<PrivateKey, PrivateKey> NATIVE_SIGNING_KEYS = new ConcurrentHashMap<>();

  private static PrivateKey nativeSigningKey(PrivateKey key) throws GeneralSecurityException {
    PrivateKey cached = NATIVE_SIGNING_KEYS.get(key);
    if (cached != null) return cached;
    KeyFactory factory;
    try {
      factory = KeyFactory.getInstance("EC", NativeEs256.PROVIDER);
    } catch (java.security.NoSuchAlgorithmException e) {
      return key; // the provider translates it at initSign, as it did before this cache
    }
    var translated = (PrivateKey) factory.translateKey(key);
    if (NATIVE_SIGNING_KEYS.size() < MAX_NATIVE_SIGNING_KEYS) NATIVE_SIGNING_KEYS.putIfAbsent(key, translated);
    return translated;
  }

  /** How many signing keys are kept in native form (for the test of the bound). */
  static int nativeSigningKeys() {
    return NATIVE_SIGNING_KEYS.size();
  }

  /** A signature ready to sign with {@code key}. */
  Signature signer(PrivateKey key, SecureRandom random) throws GeneralSecurityException {
    if (this == ES256 && NativeEs256.PROVIDER != null) {
      try {
        Signature s = Signature.getInstance(ES256_JCA, NativeEs256.PROVIDER);
        s.initSign(nativeSigningKey(key), random);
        return s;
      } catch (InvalidKeyException e) {
        // A key object the native provider cannot take (it reads keys through their encoding): the JDK's.
      }
    }
    Signature s = newSignature();
    s.initSign(key, random);
    return s;
  }

  /** A signature ready to verify with {@code key}. */
  Signature verifier(PublicKey key) throws GeneralSecurityException {
    if (this == ES256 && NativeEs256.PROVIDER != null) {
      try {
        Signature s = Signature.getInstance(ES256_JCA, NativeEs256.PROVIDER);
        s.initVerify(key);
        return s;
      } catch (InvalidKeyException e) {
        // As for signing: the JDK's takes any key object.
      }
    }
    Signature s = newSignature();
    s.initVerify(key);
    return s;
  }

  /** The JDK's (or Bouncy Castle's, for GOST) implementation. */
  Signature newSignature() throws GeneralSecurityException {
    return switch (this) {
      case ES256 -> Signature.getInstance(ES256_JCA);
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
