package org.rialto.compliance.text;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * ICU's "Arabic-Latin" for words made only of plain letters: a table of what ICU makes of each
 * letter on its own, concatenated. For these letters ICU's rules are one letter to one fixed
 * string (no context, no two-letter key: those start with a vowel mark, a digit or a decomposing
 * letter, none of which is here), its NFKD leaves them alone, and no output starts with a
 * combining mark, so its closing NFC cannot join two letters' outputs. The table is read from
 * ICU itself at class load; {@code ArabicLettersTest} holds the concatenation equal to ICU on
 * every word of up to three of these letters and on random longer words. Anything else (vowel
 * marks, hamza seats, joiners, digits) goes to ICU.
 */
final class ArabicLetters {
  private static final char FIRST = '\u0621';
  private static final char LAST = '\u06cc';
  /** Per letter from {@link #FIRST}: ICU's output, or null when the letter goes to ICU. */
  private static final String[] TABLE = build();

  private ArabicLetters() {}

  private static String[] build() {
    Transliterator icu = Transliterator.getInstance("Arabic-Latin");
    Normalizer2 nfkd = Normalizer2.getNFKDInstance();
    String[] table = new String[LAST - FIRST + 1];
    for (char c = FIRST; c <= LAST; c++) {
      boolean plain = c <= '\u064a' || "\u067e\u0686\u0698\u06a9\u06af\u06cc".indexOf(c) >= 0;
      String s = String.valueOf(c);
      if (!plain || !Character.isLetter(c) || !nfkd.normalize(s).equals(s)) {
        continue;
      }
      String latin = icu.transliterate(s);
      if (!latin.isEmpty() && Character.getType(latin.charAt(0)) != Character.NON_SPACING_MARK
          && Character.getType(latin.charAt(0)) != Character.COMBINING_SPACING_MARK
          && Character.getType(latin.charAt(0)) != Character.ENCLOSING_MARK) {
        table[c - FIRST] = latin;
      }
    }
    return table;
  }

  /** Whether every char of {@code s} is a letter of the table. */
  static boolean covers(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < FIRST || c > LAST || TABLE[c - FIRST] == null) {
        return false;
      }
    }
    return true;
  }

  /** What ICU's Arabic-Latin makes of {@code s}; {@code s} must be {@link #covers covered}. */
  static String transliterate(String s) {
    if (!covers(s)) {
      throw new IllegalArgumentException("not a word of plain Arabic-script letters only");
    }
    StringBuilder out = new StringBuilder(s.length() * 2);
    for (int i = 0; i < s.length(); i++) {
      out.append(TABLE[s.charAt(i) - FIRST]);
    }
    return out.toString();
  }
}
