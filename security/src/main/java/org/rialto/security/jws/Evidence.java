package org.rialto.security.jws;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.rialto.security.Crypto;

/**
 * An accepted signed message as kept for non-repudiation: who sent it, the exact body, the JWS
 * that covers it. Anyone holding the sender's certificate can re-verify it later.
 */
public record Evidence(
    String sender, String messageId, Instant receivedAt, Instant signedAt, String alg, String kid, String jws, byte[] body) {
  /** Bodies above this are refused at the gateway long before they get here. */
  public static final int MAX_BODY_BYTES = 8 << 20;

  public Evidence {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(jws, "jws");
    if (body == null || body.length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("evidence body must be 0.." + MAX_BODY_BYTES + " bytes");
    }
    body = body.clone();
  }

  public static Evidence of(String sender, DetachedJws.Header header, String jws, byte[] body, Instant receivedAt) {
    return new Evidence(sender, header.messageId(), receivedAt, header.issuedAt(), header.algorithm().joseName, header.kid(), jws, body);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * Records the message inside the caller's transaction. Returns false, writing nothing, when this
   * sender's message id is already recorded: the durable duplicate check, forever.
   */
  public boolean record(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM security_evidence WHERE sender = ? AND message_id = ?")) {
      q.setString(1, sender);
      q.setString(2, messageId);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO security_evidence (sender, message_id, received_micros, signed_micros, alg, kid, jws, body_sha256, body)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, sender);
      p.setString(2, messageId);
      p.setLong(3, micros(receivedAt));
      p.setLong(4, micros(signedAt));
      p.setString(5, alg);
      p.setString(6, kid);
      p.setString(7, jws);
      p.setBytes(8, Crypto.sha256(body));
      p.setBytes(9, body);
      if (p.executeUpdate() != 1) {
        throw new IllegalStateException("evidence insert wrote no row");
      }
    }
    return true;
  }

  public static Optional<Evidence> find(Connection c, String sender, String messageId) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(
        "SELECT received_micros, signed_micros, alg, kid, jws, body_sha256, body FROM security_evidence WHERE sender = ? AND message_id = ?")) {
      q.setString(1, sender);
      q.setString(2, messageId);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        byte[] body = rs.getBytes(7);
        if (!Arrays.equals(Crypto.sha256(body), rs.getBytes(6))) {
          throw new IllegalStateException("evidence of " + sender + "/" + messageId + " does not match its stored digest");
        }
        return Optional.of(new Evidence(sender, messageId, fromMicros(rs.getLong(1)), fromMicros(rs.getLong(2)),
            rs.getString(3), rs.getString(4), rs.getString(5), body));
      }
    }
  }

  static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  static Instant fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
