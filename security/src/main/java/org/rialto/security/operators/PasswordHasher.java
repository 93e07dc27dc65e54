package org.rialto.security.operators;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.rialto.security.Crypto;

/**
 * Argon2id (RFC 9106) from Bouncy Castle, stored as a PHC string
 * {@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}, so parameters can be raised later and old
 * hashes still verify.
 *
 * <p>Parameters: m = 47,104 KiB (46 MiB), t = 1, p = 1, 16-byte salt, 32-byte hash: OWASP's
 * first Argon2id configuration. Memory is the cost an attacker with GPUs cannot cheaply
 * parallelise; one pass keeps a login around 0.1 s on one core, which the handful of operators of
 * a central bank's node never notice, while an offline guesser pays 46 MiB per guess. Bouncy
 * Castle computes lanes one after the other, so p &gt; 1 would buy no speed, only time.
 */
public final class PasswordHasher {
  public static final int MEMORY_KIB = 47_104;
  public static final int ITERATIONS = 1;
  public static final int PARALLELISM = 1;
  public static final int SALT_BYTES = 16;
  public static final int HASH_BYTES = 32;
  public static final int MIN_PASSWORD_CHARS = 12;
  public static final int MAX_PASSWORD_CHARS = 128;
  /** Refuse stored parameters that would let a damaged row burn the machine. */
  private static final int MAX_MEMORY_KIB = 1 << 20;
  private static final int MAX_ITERATIONS = 16;
  private static final Pattern PHC =
      Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,64})\\$([A-Za-z0-9+/]{16,128})");

  private PasswordHasher() {}

  public static String hash(char[] password) {
    requirePolicy(password);
    byte[] salt = Crypto.randomBytes(SALT_BYTES);
    byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    var b64 = java.util.Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
  }

  /** Constant-time comparison of the derived hash; false for a malformed stored hash. */
  public static boolean verify(char[] password, String phc) {
    if (password == null || password.length > MAX_PASSWORD_CHARS || phc == null) {
      return false;
    }
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) {
      return false;
    }
    int memory = Integer.parseInt(m.group(1));
    int iterations = Integer.parseInt(m.group(2));
    int parallelism = Integer.parseInt(m.group(3));
    if (memory < 8 * parallelism || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS || parallelism < 1) {
      return false;
    }
    var b64 = java.util.Base64.getDecoder();
    byte[] salt = b64.decode(m.group(4));
    byte[] expected = b64.decode(m.group(5));
    byte[] actual = derive(password, salt, memory, iterations, parallelism, expected.length);
    return Crypto.constantTimeEquals(actual, expected);
  }

  /** Spends the same time as a real check, so "no such operator" is not told apart by timing. */
  static void burn(char[] password) {
    derive(password == null ? new char[0] : password, new byte[SALT_BYTES], MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
  }

  public static void requirePolicy(char[] password) {
    if (password == null || password.length < MIN_PASSWORD_CHARS || password.length > MAX_PASSWORD_CHARS) {
      throw new IllegalArgumentException("an operator password has " + MIN_PASSWORD_CHARS + ".." + MAX_PASSWORD_CHARS + " characters");
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(params);
    byte[] pw = new String(password).getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[length];
    try {
      g.generateBytes(pw, out);
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
    return out;
  }
}
