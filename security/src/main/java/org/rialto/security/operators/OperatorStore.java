package org.rialto.security.operators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Operators and sessions in the store; every method runs inside the caller's transaction. */
public final class OperatorStore {
  private OperatorStore() {}

  public static void insert(Connection c, Operator op) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO security_operator (name, role, password_hash, failed_attempts, locked_until_micros, disabled) VALUES (?, ?, ?, ?, ?, ?)")) {
      bind(p, op);
      p.executeUpdate();
    }
  }

  public static void update(Connection c, Operator op) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE security_operator SET role = ?, password_hash = ?, failed_attempts = ?, locked_until_micros = ?, disabled = ? WHERE name = ?")) {
      p.setString(1, op.role().name());
      p.setString(2, op.passwordHash());
      p.setInt(3, op.failedAttempts());
      p.setLong(4, micros(op.lockedUntil()));
      p.setInt(5, op.disabled() ? 1 : 0);
      p.setString(6, op.name());
      if (p.executeUpdate() != 1) {
        throw new IllegalStateException("operator " + op.name() + " does not exist");
      }
    }
  }

  public static Optional<Operator> find(Connection c, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT name, role, password_hash, failed_attempts, locked_until_micros, disabled FROM security_operator WHERE name = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Operator(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4),
            fromMicros(rs.getLong(5)), rs.getInt(6) != 0));
      }
    }
  }

  public static void insertSession(Connection c, Session s) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO security_session (token_sha256, operator, csrf_sha256, created_micros, expires_micros) VALUES (?, ?, ?, ?, ?)")) {
      p.setBytes(1, s.tokenSha256());
      p.setString(2, s.operator());
      p.setBytes(3, s.csrfSha256());
      p.setLong(4, micros(s.createdAt()));
      p.setLong(5, micros(s.expiresAt()));
      p.executeUpdate();
    }
  }

  public static Optional<Session> findSession(Connection c, byte[] tokenSha256) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT operator, csrf_sha256, created_micros, expires_micros FROM security_session WHERE token_sha256 = ?")) {
      p.setBytes(1, tokenSha256);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Session(tokenSha256, rs.getString(1), rs.getBytes(2), fromMicros(rs.getLong(3)), fromMicros(rs.getLong(4))));
      }
    }
  }

  public static void deleteSession(Connection c, byte[] tokenSha256) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM security_session WHERE token_sha256 = ?")) {
      p.setBytes(1, tokenSha256);
      p.executeUpdate();
    }
  }

  /** Removes sessions that expired before {@code now}; returns how many. */
  public static int deleteExpiredSessions(Connection c, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM security_session WHERE expires_micros <= ?")) {
      p.setLong(1, micros(now));
      return p.executeUpdate();
    }
  }

  private static void bind(PreparedStatement p, Operator op) throws SQLException {
    p.setString(1, op.name());
    p.setString(2, op.role().name());
    p.setString(3, op.passwordHash());
    p.setInt(4, op.failedAttempts());
    p.setLong(5, micros(op.lockedUntil()));
    p.setInt(6, op.disabled() ? 1 : 0);
  }

  static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  static Instant fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
