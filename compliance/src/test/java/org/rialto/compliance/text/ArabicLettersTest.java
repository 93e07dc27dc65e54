package org.rialto.compliance.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The letter table must give what ICU's Arabic-Latin gives, char for char. */
class ArabicLettersTest {
  private static final Transliterator ICU = Transliterator.getInstance("Arabic-Latin");
  private static final char[] LETTERS = letters();

  private static char[] letters() {
    StringBuilder b = new StringBuilder();
    for (char c = '\u0600'; c <= '\u06ff'; c++) {
      if (ArabicLetters.covers(String.valueOf(c))) {
        b.append(c);
      }
    }
    return b.toString().toCharArray();
  }

  private static void same(String word) {
    assertEquals(ICU.transliterate(word), ArabicLetters.transliterate(word), () -> "for " + word);
  }

  @Test
  void theTableHoldsTheLettersOfNames() {
    // The Arabic alphabet (less the hamza seats, which decompose) and the Persian letters.
    assertTrue(LETTERS.length >= 34, () -> "only " + LETTERS.length + " letters");
    for (char c : "\u0627\u0628\u062a\u062b\u062c\u062d\u062e\u062f\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0639\u063a\u0641\u0642\u0644\u0645\u0646\u0647\u0648\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc".toCharArray()) {
      assertTrue(ArabicLetters.covers(String.valueOf(c)), () -> "letter " + Integer.toHexString(c));
    }
    assertFalse(ArabicLetters.covers("\u0622")); // alef with madda: decomposes
    assertFalse(ArabicLetters.covers("\u0645\u064e\u0627")); // a vowel mark: two-letter rules
    assertFalse(ArabicLetters.covers("\u062e\u0627\u0645\u0646\u0647\u200c\u0627\u06cc")); // a joiner
    assertFalse(ArabicLetters.covers(""));
  }

  @Test
  void everyWordOfUpToThreeLettersAsIcu() {
    for (char a : LETTERS) {
      same(String.valueOf(a));
      for (char b : LETTERS) {
        same("" + a + b);
        for (char c : LETTERS) {
          same("" + a + b + c);
        }
      }
    }
  }

  @Test
  void randomLongerWordsAsIcu() {
    Random r = new Random(20261124);
    for (int i = 0; i < 200_000; i++) {
      int n = 4 + r.nextInt(12);
      StringBuilder b = new StringBuilder(n);
      for (int k = 0; k < n; k++) {
        b.append(LETTERS[r.nextInt(LETTERS.length)]);
      }
      same(b.toString());
    }
  }

  @Test
  void realNamesAsIcu() {
    for (String w : new String[] {"محمد", "علی", "رضا", "فاطمه", "حسین", "خامنهای", "قذافی", "شرکت", "بازرگانی", "ژاله", "گل",
        "پور", "چمران", "عبدالله", "مصطفا"}) {
      same(w);
    }
  }
}
