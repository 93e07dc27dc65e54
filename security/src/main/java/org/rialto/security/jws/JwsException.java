package org.rialto.security.jws;

/** A signature was refused; {@link #reason()} is stable for code, the message is for people. */
public final class JwsException extends RuntimeException {
  /** Why a signed message was refused. */
  public enum Reason {
    MALFORMED,
    UNKNOWN_ALGORITHM,
    ALGORITHM_NOT_ALLOWED,
    WRONG_KEY_FOR_ALGORITHM,
    B64_NOT_CRITICAL,
    BAD_SIGNATURE,
    /** The kid names neither the TLS certificate nor an acceptable signing certificate (x5c) of the same sender. */
    UNKNOWN_SIGNER,
    REPLAYED,
    OUTSIDE_WINDOW,
    REPLAY_GUARD_FULL
  }

  private final Reason reason;

  public JwsException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
