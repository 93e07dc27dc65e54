package org.rialto.security.operators;

import java.time.Instant;

/**
 * Login decisions as pure functions of the account, the password and the time. The caller stores
 * the returned account (failed count, lock) whatever the outcome.
 */
public final class OperatorAuth {
  private OperatorAuth() {}

  public sealed interface Outcome {
    Operator operator();
  }

  public record LoggedIn(Operator operator) implements Outcome {}

  /** Why a login was refused; the message to show is deliberately the same for all but LOCKED. */
  public enum Refusal {
    BAD_PASSWORD,
    LOCKED,
    DISABLED
  }

  public record Refused(Operator operator, Refusal refusal, String message) implements Outcome {}

  public static Outcome login(Operator op, char[] password, Instant now, LoginPolicy policy) {
    if (op.disabled()) {
      PasswordHasher.burn(password);
      return new Refused(op, Refusal.DISABLED, "wrong operator name or password");
    }
    if (op.lockedAt(now)) {
      return new Refused(op, Refusal.LOCKED, "account locked until " + op.lockedUntil() + " after repeated failures");
    }
    if (PasswordHasher.verify(password, op.passwordHash())) {
      return new LoggedIn(new Operator(op.name(), op.role(), op.passwordHash(), 0, op.lockedUntil(), false));
    }
    int failed = op.failedAttempts() + 1;
    if (failed >= policy.maxFailedAttempts()) {
      Operator locked = new Operator(op.name(), op.role(), op.passwordHash(), 0, now.plus(policy.lockout()), false);
      return new Refused(locked, Refusal.LOCKED, "account locked until " + locked.lockedUntil() + " after " + failed + " failures");
    }
    return new Refused(new Operator(op.name(), op.role(), op.passwordHash(), failed, op.lockedUntil(), false),
        Refusal.BAD_PASSWORD, "wrong operator name or password");
  }
}
