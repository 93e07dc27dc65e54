package org.rialto.security.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.rialto.security.Crypto;

/** A stored audit entry with its place in the chain. */
public record AuditRecord(long seq, long timeMicros, String actor, String action, String subject, String details, byte[] prevHash, byte[] hash) {
  public static final int HASH_BYTES = 32;
  /** The previous hash of entry 1. */
  public static final byte[] GENESIS = new byte[HASH_BYTES];
  private static final byte[] DOMAIN = "rialto-audit-v1".getBytes(StandardCharsets.US_ASCII);

  public Instant time() {
    return Instant.EPOCH.plus(timeMicros, ChronoUnit.MICROS);
  }

  /**
   * SHA-256 over a canonical, unambiguous encoding: a domain tag, seq and time as 8-byte
   * big-endian, each text field as 4-byte length then UTF-8, then the previous hash. Lengths make
   * "ab"+"c" differ from "a"+"bc"; seq inside the hash makes a moved row detectable on its own.
   */
  public static byte[] hash(long seq, long timeMicros, String actor, String action, String subject, String details, byte[] prevHash) {
    if (prevHash.length != HASH_BYTES) {
      throw new IllegalArgumentException("previous hash must be " + HASH_BYTES + " bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + details.length());
    out.writeBytes(DOMAIN);
    out.writeBytes(ByteBuffer.allocate(16).putLong(seq).putLong(timeMicros).array());
    for (String f : new String[] {actor, action, subject, details}) {
      byte[] b = f.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
      out.writeBytes(b);
    }
    out.writeBytes(prevHash);
    return Crypto.sha256(out.toByteArray());
  }
}
