package org.rialto.node.operators;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.engine.NodeUnavailableException;
import org.rialto.node.engine.RejectException;
import org.rialto.security.operators.AccessDeniedException;
import org.rialto.security.operators.LoginPolicy;
import org.rialto.security.operators.Operator;
import org.rialto.security.operators.OperatorStore;
import org.rialto.security.operators.PasswordHasher;
import org.rialto.security.operators.Role;
import org.rialto.security.operators.Session;
import org.rialto.store.Store;

/**
 * Operator sign-in for the node's operator listener: password logins with lockout, sessions with
 * expiry, logout, and operator accounts. Password hashing (Argon2id, 46 MiB) runs on the caller's
 * thread, at most {@link #MAX_CONCURRENT_HASHES} at a time; every change (failed count, lock,
 * session, account) is written by the node's writer with an audit entry, in one transaction.
 */
public final class OperatorAccess {
  /** Argon2id takes 46 MiB per hash: two at a time bounds memory whatever the login rate. */
  public static final int MAX_CONCURRENT_HASHES = 2;
  public static final long HASH_WAIT_MILLIS = 10_000;
  public static final long ANSWER_TIMEOUT_MILLIS = 30_000;
  public static final int MAX_OPERATORS_LISTED = 1_000;

  private final Store store;
  private final NodeEngine engine;
  private final LoginPolicy policy;
  private final Clock clock;
  private final Semaphore hashing = new Semaphore(MAX_CONCURRENT_HASHES, true);

  public OperatorAccess(Store store, NodeEngine engine, LoginPolicy policy, Clock clock) {
    this.store = store;
    this.engine = engine;
    this.policy = policy;
    this.clock = clock;
  }

  public LoginPolicy policy() {
    return policy;
  }

  /**
   * Logs an operator in. Unknown names, wrong passwords and disabled accounts get the same answer;
   * a locked account is told until when. Every attempt leaves an audit entry.
   *
   * @throws AccessDeniedException when refused
   */
  public Session.Issued login(String name, char[] password) {
    if (name == null || name.isEmpty() || name.length() > 64 || password == null || password.length > PasswordHasher.MAX_PASSWORD_CHARS) {
      throw new AccessDeniedException("wrong operator name or password");
    }
    Optional<Operator> found = store.read(c -> OperatorStore.find(c, name));
    Instant now = clock.instant();
    if (found.isEmpty()) {
      // Same time spent as for a real account, so names cannot be told apart by timing.
      hashed(() -> PasswordHasher.verify(password, "$argon2id$v=19$m=" + PasswordHasher.MEMORY_KIB
          + ",t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
      throw new AccessDeniedException("wrong operator name or password");
    }
    Operator op = found.get();
    if (op.disabled()) {
      recordRefusal(name, "DISABLED");
      throw new AccessDeniedException("wrong operator name or password");
    }
    if (op.lockedAt(now)) {
      recordRefusal(name, "LOCKED");
      throw new AccessDeniedException("account locked until " + op.lockedUntil() + " after repeated failures");
    }
    boolean ok = hashed(() -> PasswordHasher.verify(password, op.passwordHash()));
    Session.Issued issued = ok ? Session.issue(name, now, policy) : null;
    String outcome = await(engine.operators(t -> {
      if (!t.claim("operator:" + name)) throw new RejectException("NARR", "another sign-in of " + name + " is in progress: retry");
      Instant at = Instant.ofEpochMilli(t.nowMillis());
      Operator current = store.read(c -> OperatorStore.find(c, name)).orElse(null);
      if (current == null || current.disabled()) return "refused";
      if (current.lockedAt(at)) {
        t.audit(name, "operator.login.refused", name, "{\"reason\":\"LOCKED\"}");
        return "locked:" + current.lockedUntil();
      }
      if (ok) {
        Operator reset = new Operator(current.name(), current.role(), current.passwordHash(), 0, current.lockedUntil(), false);
        t.sql(c -> {
          OperatorStore.update(c, reset);
          OperatorStore.insertSession(c, issued.session());
          OperatorStore.deleteExpiredSessions(c, at);
        });
        t.audit(name, "operator.login", name, "{}");
        return "ok";
      }
      int failed = current.failedAttempts() + 1;
      boolean lock = failed >= policy.maxFailedAttempts();
      Operator after = lock
          ? new Operator(current.name(), current.role(), current.passwordHash(), 0, at.plus(policy.lockout()), false)
          : new Operator(current.name(), current.role(), current.passwordHash(), failed, current.lockedUntil(), false);
      t.sql(c -> OperatorStore.update(c, after));
      t.audit(name, "operator.login.refused", name, "{\"reason\":\"BAD_PASSWORD\",\"failedAttempts\":" + failed
          + (lock ? ",\"lockedUntil\":\"" + after.lockedUntil() + "\"" : "") + "}");
      return lock ? "locked:" + after.lockedUntil() : "refused";
    }));
    if (outcome.equals("ok")) return issued;
    if (outcome.startsWith("locked:")) {
      throw new AccessDeniedException("account locked until " + outcome.substring(7) + " after repeated failures");
    }
    throw new AccessDeniedException("wrong operator name or password");
  }

  private void recordRefusal(String name, String reason) {
    await(engine.operators(t -> {
      t.audit(name, "operator.login.refused", name, "{\"reason\":\"" + reason + "\"}");
      return null;
    }));
  }

  /**
   * The operator behind a session token, as the account is now.
   *
   * @throws AccessDeniedException for an unknown, expired or malformed token or a disabled account
   */
  public Principal authenticate(String token, boolean viaCookie) {
    byte[] digest = Session.digest(token);
    Instant now = clock.instant();
    record Found(Session session, Operator operator) {}
    Found f = store.read(c -> {
      Session s = OperatorStore.findSession(c, digest).orElse(null);
      if (s == null) return null;
      return new Found(s, OperatorStore.find(c, s.operator()).orElse(null));
    });
    if (f == null) throw new AccessDeniedException("no such session: sign in again");
    if (f.session().expiredAt(now)) throw new AccessDeniedException("session expired at " + f.session().expiresAt() + ": sign in again");
    if (f.operator() == null || f.operator().disabled()) throw new AccessDeniedException("this operator account is disabled");
    return new Principal(f.operator(), f.session(), viaCookie);
  }

  public void logout(Principal p) {
    byte[] digest = p.session().tokenSha256();
    await(engine.operators(t -> {
      t.sql(c -> OperatorStore.deleteSession(c, digest));
      t.audit(p.name(), "operator.logout", p.name(), "{}");
      return null;
    }));
  }

  /** Creates an operator account; the actor needs the administrator role (or is "config"). */
  public void addOperator(String actor, String name, Role role, char[] password) {
    PasswordHasher.requirePolicy(password);
    Operator op = hashed(() -> Operator.create(name, role, password));
    addOperator(actor, op);
  }

  /** Creates an account from a stored Argon2id hash (configuration bootstrap); refuses an existing name. */
  public void addOperator(String actor, Operator op) {
    await(engine.operators(t -> {
      if (!t.claim("operator:" + op.name())) throw new RejectException("NARR", "operator " + op.name() + " is being changed: retry");
      if (store.read(c -> OperatorStore.find(c, op.name())).isPresent()) {
        throw new RejectException("DUPL", "operator " + op.name() + " exists");
      }
      t.sql(c -> OperatorStore.insert(c, op));
      t.audit(actor, "operator.add", op.name(), "{\"role\":\"" + op.role() + "\"}");
      return null;
    }));
  }

  public boolean exists(String name) {
    return store.read(c -> OperatorStore.find(c, name)).isPresent();
  }

  /** Accounts without their hashes, for the console and the API. */
  public record Account(String name, Role role, int failedAttempts, Instant lockedUntil, boolean disabled) {}

  public List<Account> accounts() {
    return store.read(OperatorAccess::readAccounts);
  }

  private static List<Account> readAccounts(Connection c) throws SQLException {
    var out = new ArrayList<Account>();
    try (var ps = c.prepareStatement("SELECT name, role, failed_attempts, locked_until_micros, disabled FROM security_operator ORDER BY name")) {
      ps.setMaxRows(MAX_OPERATORS_LISTED);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getInt(3),
              Instant.EPOCH.plus(rs.getLong(4), java.time.temporal.ChronoUnit.MICROS), rs.getInt(5) != 0));
        }
      }
    }
    return out;
  }

  private interface Hashing<T> {
    T run();
  }

  private <T> T hashed(Hashing<T> work) {
    try {
      if (!hashing.tryAcquire(HASH_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw new NodeUnavailableException("too many sign-ins at once: retry in a moment");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnavailableException("interrupted");
    }
    try {
      return work.run();
    } finally {
      hashing.release();
    }
  }

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(ANSWER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new NodeUnavailableException("no answer from the node within " + ANSWER_TIMEOUT_MILLIS + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnavailableException("interrupted");
    }
  }
}
