package org.rialto.security.operators;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.rialto.security.audit.AuditEntry;
import org.rialto.security.audit.AuditLog;

/**
 * Login, session checks and logout against the store, each inside the caller's transaction, each
 * leaving an audit entry for logins and logouts. Time is passed in.
 */
public final class OperatorService {
  private final LoginPolicy policy;

  public OperatorService(LoginPolicy policy) {
    this.policy = policy;
  }

  /** Logs in; on success returns the new session (with its two secrets), otherwise throws. */
  public Session.Issued login(Connection c, String name, char[] password, Instant now) throws SQLException {
    Optional<Operator> found = name == null || name.length() > 64 ? Optional.empty() : OperatorStore.find(c, name);
    if (found.isEmpty()) {
      PasswordHasher.burn(password);
      throw new AccessDeniedException("wrong operator name or password");
    }
    OperatorAuth.Outcome outcome = OperatorAuth.login(found.get(), password, now, policy);
    OperatorStore.update(c, outcome.operator());
    switch (outcome) {
      case OperatorAuth.LoggedIn in -> {
        Session.Issued issued = Session.issue(in.operator().name(), now, policy);
        OperatorStore.insertSession(c, issued.session());
        AuditLog.append(c, new AuditEntry(now, name, "operator.login", name, "{}"));
        return issued;
      }
      case OperatorAuth.Refused r -> {
        AuditLog.append(c, new AuditEntry(now, name, "operator.login.refused", name, "{\"reason\":\"" + r.refusal() + "\"}"));
        throw new AccessDeniedException(r.message());
      }
    }
  }

  /** The operator behind a session token, as of now; throws when the session is unknown or expired. */
  public Operator authenticate(Connection c, String token, Instant now) throws SQLException {
    Session s = session(c, token, now);
    Operator op = OperatorStore.find(c, s.operator()).orElseThrow(() -> new AccessDeniedException("operator of this session no longer exists"));
    if (op.disabled()) {
      throw new AccessDeniedException("operator " + op.name() + " is disabled");
    }
    return op;
  }

  /** For state-changing console requests: a valid session AND its CSRF token. */
  public Operator authenticateChange(Connection c, String token, String csrfToken, Instant now) throws SQLException {
    Session s = session(c, token, now);
    s.requireCsrf(csrfToken);
    return authenticate(c, token, now);
  }

  public void logout(Connection c, String token, Instant now) throws SQLException {
    Session s = session(c, token, now);
    OperatorStore.deleteSession(c, s.tokenSha256());
    AuditLog.append(c, new AuditEntry(now, s.operator(), "operator.logout", s.operator(), "{}"));
  }

  private static Session session(Connection c, String token, Instant now) throws SQLException {
    Session s = OperatorStore.findSession(c, Session.digest(token)).orElseThrow(() -> new AccessDeniedException("no such session: log in again"));
    if (s.expiredAt(now)) {
      throw new AccessDeniedException("session expired at " + s.expiresAt() + ": log in again");
    }
    return s;
  }
}
