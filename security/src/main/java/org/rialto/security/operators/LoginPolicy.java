package org.rialto.security.operators;

import java.time.Duration;

/** How many wrong passwords lock an account and for how long; how long a session lives. */
public record LoginPolicy(int maxFailedAttempts, Duration lockout, Duration sessionTtl) {
  /** Five tries then 15 minutes: slows a guesser to 480 tries a day without locking out a typo. */
  public static final LoginPolicy DEFAULT = new LoginPolicy(5, Duration.ofMinutes(15), Duration.ofHours(8));

  public LoginPolicy {
    if (maxFailedAttempts < 1 || maxFailedAttempts > 100) {
      throw new IllegalArgumentException("maxFailedAttempts must be 1..100");
    }
    if (lockout.isNegative() || lockout.isZero() || sessionTtl.isNegative() || sessionTtl.isZero() || sessionTtl.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("lockout must be positive and a session lives at most one day");
    }
  }
}
