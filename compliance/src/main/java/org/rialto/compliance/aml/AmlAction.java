package org.rialto.compliance.aml;

/** What a rule hit does to the payment. */
public enum AmlAction {
  /** The payment is held for an operator (it becomes a case). */
  HOLD,
  /** The payment proceeds; the hit is recorded for reporting and review. */
  FLAG;

  static AmlAction parse(String s) {
    return switch (s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "hold" -> HOLD;
      case "flag" -> FLAG;
      default -> throw new IllegalArgumentException("action must be 'hold' or 'flag', got '" + s + "'");
    };
  }
}
