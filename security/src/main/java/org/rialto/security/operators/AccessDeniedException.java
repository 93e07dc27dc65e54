package org.rialto.security.operators;

/** An operator tried something their role, state or session does not allow. */
public final class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}
