package org.rialto.compliance.text;

/**
 * ICU's "Russian-Latin/BGN" transliterator, rule for rule, for words made only of the letters its
 * filter accepts (Ё, А-я, ё): the same output, char for char, at a fraction of the cost. ICU
 * interprets its rule sets generically (a few microseconds a word, most of the preparation of a
 * Cyrillic name when the word is new); these two passes are fixed, short and context-light, so
 * they are written out here. {@code RussianBgnTest} holds them equal to ICU on every word of up to
 * three letters and on random and real words; anything else goes to ICU.
 *
 * <p>ICU's rule sets (ICU4J 7x, {@code Russian-Latin/BGN}: NFC, pass 1, pass 2): pass 1 handles
 * the vowel contexts (е and ё after a vowel, й, ъ or ь read ye; ы after a vowel and э after a
 * consonant get a separating middle dot); pass 2 maps letter by letter (е and ё at the start of a
 * word read ye, the case of digraphs follows the next letter, тс and шч get a middle dot, й and ы
 * before а, у, ы or э get one). Each pass reads its left context from what it has already written
 * and its right context from the text not yet rewritten, as ICU does.
 */
final class RussianBgn {
  private static final char DOT = '\u00b7';
  private static final String UPPER_VOWELS = "\u0401\u0410\u0415\u0418\u041e\u0423\u042b\u042d\u042e\u042f";
  private static final String LOWER_VOWELS = "\u0430\u0435\u0438\u043e\u0443\u044b\u044d\u044e\u044f\u0451";
  /** А У Ы Э а у ы э: the letters after which й and Ы take a middle dot. */
  private static final String DOT_AFTER_Y = "\u0410\u0423\u042b\u042d\u0430\u0443\u044b\u044d";
  /** а у ы э: the letters after which ы takes a middle dot. */
  private static final String DOT_AFTER_LOWER_Y = "\u0430\u0443\u044b\u044d";
  /** Out of ICU's ante-context: matched only by negated sets, like its ETHER. */
  private static final char NONE = '\uffff';

  private RussianBgn() {}

  /** Whether every char of {@code s} is one the fast path handles (ICU's filter of the transliterator). */
  static boolean covers(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '\u0401' || c >= '\u0410' && c <= '\u044f' || c == '\u0451')) {
        return false;
      }
    }
    return true;
  }

  /** What ICU's Russian-Latin/BGN makes of {@code s}; {@code s} must be {@link #covers covered}. */
  static String transliterate(String s) {
    if (!covers(s)) {
      throw new IllegalArgumentException("not a word of Russian letters only");
    }
    return pass2(pass1(s));
  }

  private static String pass1(String s) {
    StringBuilder out = new StringBuilder(s.length() + 4);
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      char prev = out.length() == 0 ? NONE : out.charAt(out.length() - 1);
      char next = i + 1 < n ? s.charAt(i + 1) : NONE;
      boolean prevUpperVowel = UPPER_VOWELS.indexOf(prev) >= 0;
      switch (c) {
        case '\u044b' -> { // ы
          if (LOWER_VOWELS.indexOf(prev) >= 0) {
            out.append(DOT).append('y');
          } else if (prevUpperVowel) {
            out.append(DOT).append(next != NONE && Character.isLowerCase(next) ? 'y' : 'Y');
          } else {
            out.append(c);
          }
        }
        case '\u042b' -> { // Ы
          if (prevUpperVowel) {
            out.append(DOT).append(next != NONE && Character.isLowerCase(next) ? 'y' : 'Y');
          } else {
            out.append(c);
          }
        }
        case '\u042d', '\u044d' -> { // Э э
          if (casedConsonant(prev)) {
            out.append(DOT).append(c == '\u042d' ? 'E' : 'e');
          } else {
            out.append(c);
          }
        }
        case '\u0415', '\u0401' -> { // Е Ё
          if (prevUpperVowel || prev == '\u0419' || prev == '\u042a' || prev == '\u042c') {
            boolean upperNext = next != NONE && Character.isUpperCase(next);
            out.append('Y').append(c == '\u0415' ? (upperNext ? "E" : "e") : (upperNext ? "\u00cb" : "\u00eb"));
          } else {
            out.append(c);
          }
        }
        case '\u0435', '\u0451' -> { // е ё
          if (prevUpperVowel || LOWER_VOWELS.indexOf(prev) >= 0 || "\u0419\u042a\u042c\u0439\u044a\u044c".indexOf(prev) >= 0) {
            out.append('y').append(c == '\u0435' ? 'e' : '\u00eb');
          } else {
            out.append(c);
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** ICU's {@code [[[:Uppercase:]-[vowels]][[:Lowercase:]-[vowels]]]-[Йй]}. */
  private static boolean casedConsonant(char prev) {
    if (prev == NONE || UPPER_VOWELS.indexOf(prev) >= 0 || LOWER_VOWELS.indexOf(prev) >= 0
        || prev == '\u0419' || prev == '\u0439') {
      return false;
    }
    return Character.isUpperCase(prev) || Character.isLowerCase(prev);
  }

  /** ICU's {@code [^[:L:][:M:][:N:]]} as a left context (out of the text counts as matching). */
  private static boolean wordStart(char prev) {
    if (prev == NONE) {
      return true;
    }
    int type = Character.getType(prev);
    return !(Character.isLetter(prev) || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER);
  }

  private static String pass2(String t) {
    StringBuilder out = new StringBuilder(t.length() + 8);
    int n = t.length();
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      char prev = out.length() == 0 ? NONE : out.charAt(out.length() - 1);
      char next = i + 1 < n ? t.charAt(i + 1) : NONE;
      boolean lowerNext = next != NONE && Character.isLowerCase(next);
      int used = 1;
      switch (c) {
        case '\u0410' -> out.append('A');
        case '\u0430' -> out.append('a');
        case '\u0411' -> out.append('B');
        case '\u0431' -> out.append('b');
        case '\u0412' -> out.append('V');
        case '\u0432' -> out.append('v');
        case '\u0413' -> out.append('G');
        case '\u0433' -> out.append('g');
        case '\u0414' -> out.append('D');
        case '\u0434' -> out.append('d');
        case '\u0415' -> { // Е
          if (wordStart(prev)) {
            out.append(next != NONE && Character.isUpperCase(next) ? "YE" : "Ye");
          } else {
            out.append('E');
          }
        }
        case '\u0435' -> out.append(wordStart(prev) ? "ye" : "e");
        case '\u0401' -> { // Ё: [·]?[:Uppercase:] or [·]?[:Lowercase:] after it, at a word's start
          char after = next == DOT && i + 2 < n ? t.charAt(i + 2) : NONE;
          boolean upper = after != NONE && Character.isUpperCase(after) || next != NONE && Character.isUpperCase(next);
          boolean lower = after != NONE && Character.isLowerCase(after) || next != NONE && Character.isLowerCase(next);
          if (wordStart(prev) && upper) {
            out.append("Y\u00cb");
          } else if (wordStart(prev) && lower) {
            out.append("Y\u00eb");
          } else {
            out.append('\u00cb');
          }
        }
        case '\u0451' -> out.append(wordStart(prev) ? "y\u00eb" : "\u00eb");
        case '\u0416' -> out.append(lowerNext ? "Zh" : "ZH");
        case '\u0436' -> out.append("zh");
        case '\u0417' -> out.append('Z');
        case '\u0437' -> out.append('z');
        case '\u0418' -> out.append('I');
        case '\u0438' -> out.append('i');
        case '\u0419' -> out.append(DOT_AFTER_Y.indexOf(next) >= 0 && next != NONE ? "Y\u00b7" : "Y");
        case '\u0439' -> out.append(DOT_AFTER_Y.indexOf(next) >= 0 && next != NONE ? "y\u00b7" : "y");
        case '\u041a' -> out.append('K');
        case '\u043a' -> out.append('k');
        case '\u041b' -> out.append('L');
        case '\u043b' -> out.append('l');
        case '\u041c' -> out.append('M');
        case '\u043c' -> out.append('m');
        case '\u041d' -> out.append('N');
        case '\u043d' -> out.append('n');
        case '\u041e' -> out.append('O');
        case '\u043e' -> out.append('o');
        case '\u041f' -> out.append('P');
        case '\u043f' -> out.append('p');
        case '\u0420' -> out.append('R');
        case '\u0440' -> out.append('r');
        case '\u0421' -> out.append('S');
        case '\u0441' -> out.append('s');
        case '\u0422' -> { // Т
          if (next == '\u0421') {
            out.append("T\u00b7S");
            used = 2;
          } else if (next == '\u0441') {
            out.append("T\u00b7s");
            used = 2;
          } else {
            out.append('T');
          }
        }
        case '\u0442' -> { // т
          if (next == '\u0441') {
            out.append("t\u00b7s");
            used = 2;
          } else {
            out.append('t');
          }
        }
        case '\u0423' -> out.append('U');
        case '\u0443' -> out.append('u');
        case '\u0424' -> out.append('F');
        case '\u0444' -> out.append('f');
        case '\u0425' -> out.append(lowerNext ? "Kh" : "KH");
        case '\u0445' -> out.append("kh");
        case '\u0426' -> out.append(lowerNext ? "Ts" : "TS");
        case '\u0446' -> out.append("ts");
        case '\u0427' -> out.append(lowerNext ? "Ch" : "CH");
        case '\u0447' -> out.append("ch");
        case '\u0428' -> { // Ш
          if (next == '\u0427') {
            out.append("SH\u00b7CH");
            used = 2;
          } else if (next == '\u0447') {
            out.append("Sh\u00b7ch");
            used = 2;
          } else {
            out.append(lowerNext ? "Sh" : "SH");
          }
        }
        case '\u0448' -> { // ш
          if (next == '\u0447') {
            out.append("sh\u00b7ch");
            used = 2;
          } else {
            out.append("sh");
          }
        }
        case '\u0429' -> out.append(lowerNext ? "Shch" : "SHCH");
        case '\u0449' -> out.append("shch");
        case '\u042a', '\u044a' -> out.append('\u02ba');
        case '\u042b' -> out.append(DOT_AFTER_Y.indexOf(next) >= 0 && next != NONE ? "Y\u00b7" : "Y");
        case '\u044b' -> out.append(DOT_AFTER_LOWER_Y.indexOf(next) >= 0 && next != NONE ? "y\u00b7" : "y");
        case '\u042c', '\u044c' -> out.append('\u02b9');
        case '\u042d' -> out.append('E');
        case '\u044d' -> out.append('e');
        case '\u042e' -> out.append(lowerNext ? "Yu" : "YU");
        case '\u044e' -> out.append("yu");
        case '\u042f' -> out.append(lowerNext ? "Ya" : "YA");
        case '\u044f' -> out.append("ya");
        default -> out.append(c); // pass 1's Latin letters and dots: no rule of pass 2 reads them
      }
      i += used;
    }
    return out.toString();
  }
}
