package org.rialto.iso20022;

/**
 * The ISO choice between a code from an external code list and a proprietary text (service
 * level, local instrument, category purpose, purpose, scheme names, reasons, ...). Exactly one is
 * non-null.
 */
public record CodeOrProprietary(String code, String proprietary) {
  public CodeOrProprietary {
    Check.oneOf(code, proprietary, "code or proprietary");
    Check.text(code, 35, "code");
    Check.text(proprietary, 35, "proprietary");
  }

  public static CodeOrProprietary code(String code) {
    return new CodeOrProprietary(code, null);
  }

  public static CodeOrProprietary proprietary(String text) {
    return new CodeOrProprietary(null, text);
  }

  /** The code, or the proprietary text when there is no code. */
  public String value() {
    return code != null ? code : proprietary;
  }
}
