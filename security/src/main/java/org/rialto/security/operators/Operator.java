package org.rialto.security.operators;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** An operator account. Immutable: every change is a new value the store writes. */
public record Operator(String name, Role role, String passwordHash, int failedAttempts, Instant lockedUntil, boolean disabled) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

  public Operator {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("an operator name is 2..64 lower-case letters, digits, '.', '_' or '-', starting with a letter: " + name);
    }
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    if (failedAttempts < 0) {
      throw new IllegalArgumentException("failed attempts cannot be negative");
    }
  }

  public static Operator create(String name, Role role, char[] password) {
    return new Operator(name, role, PasswordHasher.hash(password), 0, Instant.EPOCH, false);
  }

  public boolean lockedAt(Instant now) {
    return now.isBefore(lockedUntil);
  }

  /** Throws unless this operator, as of now, holds at least {@code required}. */
  public void require(Role required) {
    if (disabled) {
      throw new AccessDeniedException("operator " + name + " is disabled");
    }
    if (!role.atLeast(required)) {
      throw new AccessDeniedException("operator " + name + " is " + role + "; this needs " + required + " or above");
    }
  }
}
