package org.rialto.iso20022;

/**
 * An instruction for the creditor agent or for the next agent: an optional code (e.g. HOLD,
 * PHOB, TELA) and optional free text. Rialto carries the FX quote in
 * {@code InstrForNxtAgt/InstrInf} as "/QUOTE/&lt;id&gt;" ({@link #quote}).
 */
public record Instruction(String code, String information) {
  /** Prefix of the instruction text that carries a Rialto FX quote id. */
  public static final String QUOTE_PREFIX = "/QUOTE/";

  public Instruction {
    if (code == null && information == null) throw new IllegalArgumentException("an instruction needs a code or a text");
    Check.code(code, "instruction code");
    Check.text(information, 140, "instruction information");
  }

  public static Instruction text(String information) {
    return new Instruction(null, information);
  }

  /** The instruction for the next agent that carries FX quote {@code quoteId}. */
  public static Instruction quote(String quoteId) {
    return new Instruction(null, QUOTE_PREFIX + Check.requiredText(quoteId, 140 - QUOTE_PREFIX.length(), "quote id"));
  }

  /** The quote id when this instruction carries one, else null. */
  public String quoteId() {
    if (information == null || !information.startsWith(QUOTE_PREFIX)) return null;
    String id = information.substring(QUOTE_PREFIX.length()).strip();
    return id.isEmpty() ? null : id;
  }
}
