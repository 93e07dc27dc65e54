package org.rialto.security.pki;

/** A peer certificate was refused; {@link #reason()} says why in a form code can act on. */
public final class CertificateRefusedException extends RuntimeException {
  private final CertificateVerifier.Reason reason;

  public CertificateRefusedException(CertificateVerifier.Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public CertificateVerifier.Reason reason() {
    return reason;
  }
}
