package org.rialto.compliance.text;

import java.text.Normalizer;

/**
 * Folds Latin-script text (including the accented output of ICU's transliterators) to lowercase
 * ASCII letters and digits. Every other character becomes a separator, except the marks that sit
 * inside a written word (apostrophes, the Arabic ʿayn and hamza signs, zero-width joiners), which
 * are dropped so that "O'Brien", "Naval'nyy" and "خامنه‌ای" stay one word.
 */
final class Fold {
  /** Marks a character that disappears without splitting the word. */
  static final String JOIN = "";
  /** Marks a character that separates words. */
  static final String SEPARATOR = " ";

  private static final int TABLE_SIZE = 0x2100;
  private static final String[] TABLE = buildTable();

  private Fold() {}

  /** The folded form of one character: lowercase ASCII, {@link #JOIN} or {@link #SEPARATOR}. */
  static String of(char c) {
    if (c < TABLE_SIZE) {
      return TABLE[c];
    }
    return JOIN_CHARS.indexOf(c) >= 0 ? JOIN : SEPARATOR;
  }

  // Apostrophes and letter-like modifiers that live inside words (U+02B9 is ICU's soft sign).
  private static final String JOIN_CHARS =
      "'`\u00b4\u2018\u2019\u201b\u2032\u02b9\u02ba\u02bb\u02bc\u02bd\u02be\u02bf\u02c8\u02ca\u02cb"
          + "\u00ad\u0640\u200b\u200c\u200d\u2060\ufeff\u0301\u0300\u0308";

  private static String[] buildTable() {
    String[] table = new String[TABLE_SIZE];
    for (int c = 0; c < TABLE_SIZE; c++) {
      table[c] = compute((char) c);
    }
    return table;
  }

  private static String compute(char c) {
    if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
      return String.valueOf(c);
    }
    if (c >= 'A' && c <= 'Z') {
      return String.valueOf((char) (c + ('a' - 'A')));
    }
    if (JOIN_CHARS.indexOf(c) >= 0) {
      return JOIN;
    }
    if (Character.getType(c) == Character.NON_SPACING_MARK
        || Character.getType(c) == Character.ENCLOSING_MARK
        || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
      return JOIN;
    }
    switch (c) {
      case '\u00df': return "ss"; // ß
      case '\u00e6': case '\u00c6': return "ae";
      case '\u0153': case '\u0152': return "oe";
      case '\u00f8': case '\u00d8': return "o";
      case '\u0142': case '\u0141': return "l";
      case '\u0111': case '\u0110': case '\u00f0': case '\u00d0': return "d";
      case '\u00fe': case '\u00de': return "th";
      case '\u0131': return "i";
      case '\u0138': return "k";
      case '\u014b': case '\u014a': return "n";
      case '\u0127': case '\u0126': return "h";
      case '\u0167': case '\u0166': return "t";
      case '\u0180': return "b";
      case '\u01e5': return "g";
      case '\u0268': return "i";
      case '\u0259': case '\u018f': return "e"; // schwa, as in Azerbaijani Latin
      // ICU renders the Arabic taa marbuta as t-with-diaeresis; in names it is a silent final -a/-eh.
      case '\u1e97': return "h";
      default: break;
    }
    if (Character.isDigit(c)) {
      return String.valueOf(Character.digit(c, 10));
    }
    if (!Character.isLetter(c)) {
      return SEPARATOR;
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(2);
    for (int i = 0; i < decomposed.length(); i++) {
      char d = decomposed.charAt(i);
      if (d >= 'a' && d <= 'z') {
        out.append(d);
      } else if (d >= 'A' && d <= 'Z') {
        out.append((char) (d + ('a' - 'A')));
      }
    }
    // A letter of another script that reached folding untransliterated separates words rather
    // than silently vanishing into its neighbours.
    return out.length() == 0 ? SEPARATOR : out.toString();
  }
}
