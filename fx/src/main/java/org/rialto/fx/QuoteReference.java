package org.rialto.fx;

/**
 * How a pacs.008 carries the quote it uses: one {@code InstrForNxtAgt/InstrInf} element whose
 * whole text is {@code /QUOTE/<id>}, the id a canonical lower-case UUID (43 characters in all,
 * well within InstrInf's 140). Strict on purpose: a reference that is almost right is an error,
 * never guessed at.
 */
public final class QuoteReference {

  public static final String PREFIX = "/QUOTE/";

  public static final int ID_LENGTH = 36;

  public static final int LENGTH = PREFIX.length() + ID_LENGTH;

  private QuoteReference() {}

  /** {@code /QUOTE/<id>} for a valid id. */
  public static String format(String quoteId) {
    return PREFIX + requireId(quoteId);
  }

  /** Whether an InstrInf text is meant as a quote reference (it may still be malformed). */
  public static boolean isQuoteReference(String instructionInformation) {
    return instructionInformation != null && instructionInformation.startsWith(PREFIX);
  }

  /**
   * The quote id in an InstrInf text.
   *
   * @throws IllegalArgumentException naming exactly what is wrong
   */
  public static String parse(String instructionInformation) {
    if (instructionInformation == null) {
      throw new IllegalArgumentException("quote reference is missing");
    }
    if (!instructionInformation.startsWith(PREFIX)) {
      throw new IllegalArgumentException("quote reference must start with " + PREFIX + ": '"
          + shown(instructionInformation) + "'");
    }
    if (instructionInformation.length() != LENGTH) {
      throw new IllegalArgumentException("quote reference must be " + LENGTH + " characters ("
          + PREFIX + " and a " + ID_LENGTH + "-character UUID), got "
          + instructionInformation.length() + ": '" + shown(instructionInformation) + "'");
    }
    return requireId(instructionInformation.substring(PREFIX.length()));
  }

  /** Whether {@code id} is a canonical lower-case UUID ({@code 8-4-4-4-12} hex digits). */
  public static boolean isValidId(String id) {
    if (id == null || id.length() != ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < ID_LENGTH; i++) {
      char c = id.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  static String requireId(String id) {
    if (!isValidId(id)) {
      throw new IllegalArgumentException("quote id '" + shown(id) + "' is not a canonical "
          + "lower-case UUID (8-4-4-4-12 hex digits)");
    }
    return id;
  }

  /** Hostile input is echoed bounded and without control characters. */
  static String shown(String text) {
    if (text == null) {
      return "null";
    }
    String cut = text.length() > 64 ? text.substring(0, 64) + "..." : text;
    StringBuilder out = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.toString();
  }
}
