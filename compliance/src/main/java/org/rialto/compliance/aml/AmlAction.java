package org.rialto.compliance.aml;

/** What a rule hit does to the payment. */
public enum AmlAction {
  /** The payment is held for an operator (it becomes a case). */
  HOLD,
  /** The payment proceeds; the hit is recorded for reporting and review. */
  FLAG,
  /** The payment is rejected at once with the hit's ISO 20022 reason code (RR01..RR04). */
  REJECT;

  static AmlAction parse(String s) {
    return switch (s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "hold" -> HOLD;
      case "flag" -> FLAG;
      case "reject" -> REJECT;
      default -> throw new IllegalArgumentException("action must be 'hold', 'flag' or 'reject', got '" + s + "'");
    };
  }
}
