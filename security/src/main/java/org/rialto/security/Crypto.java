package org.rialto.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Shared crypto plumbing. Bouncy Castle is used as an explicit provider instance, never
 * registered globally, so the JDK's own TLS stack keeps using the JDK providers.
 */
public final class Crypto {
  /** Built on first use: it registers hundreds of algorithms, a second of a node's start on a busy machine. */
  private static final class BcHolder {
    static final Provider BC = new BouncyCastleProvider();
  }

  /** Bouncy Castle, for what the JDK lacks (GOST R 34.10-2012). */
  public static Provider bc() {
    return BcHolder.BC;
  }
  private static final SecureRandom RANDOM = new SecureRandom();

  private Crypto() {}

  public static SecureRandom random() {
    return RANDOM;
  }

  public static byte[] randomBytes(int count) {
    if (count <= 0 || count > 1024) {
      throw new IllegalArgumentException("random byte count must be 1..1024, got " + count);
    }
    byte[] out = new byte[count];
    RANDOM.nextBytes(out);
    return out;
  }

  public static byte[] sha256(byte[] input) {
    return newSha256().digest(input);
  }

  /**
   * A fresh SHA-256 digest, cloned from one looked up once: the hot paths hash a few hundred bytes
   * per payment (content hashes, evidence, peer markers), and the provider lookup of
   * MessageDigest.getInstance costs more than hashing them.
   */
  public static MessageDigest newSha256() {
    try {
      return (MessageDigest) Sha256Holder.PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return lookUpSha256(); // a provider whose digest cannot be cloned: the lookup every time, as before
    }
  }

  private static final class Sha256Holder {
    static final MessageDigest PROTOTYPE = lookUpSha256();
  }

  private static MessageDigest lookUpSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /** Constant-time: the time taken does not depend on where the inputs first differ. */
  public static boolean constantTimeEquals(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  public static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] fromBase64Url(String text) {
    return Base64.getUrlDecoder().decode(text);
  }

  public static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }
}
