package org.rialto.node.engine;

/** A request refused before it changed anything, with the ISO 20022 reason code to report. */
public final class RejectException extends RuntimeException {
  private final String reasonCode;

  public RejectException(String reasonCode, String message) {
    super(message, null, false, false);
    this.reasonCode = reasonCode;
  }

  public String reasonCode() {
    return reasonCode;
  }
}
