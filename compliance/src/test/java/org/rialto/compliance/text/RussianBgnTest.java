package org.rialto.compliance.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The written-out rules must give what ICU's Russian-Latin/BGN gives, char for char. */
class RussianBgnTest {
  private static final Transliterator ICU = Transliterator.getInstance("Russian-Latin/BGN");
  private static final char[] LETTERS = letters();

  private static char[] letters() {
    StringBuilder b = new StringBuilder("\u0401\u0451");
    for (char c = '\u0410'; c <= '\u044f'; c++) {
      b.append(c);
    }
    return b.toString().toCharArray();
  }

  private static void same(String word) {
    String latin = RussianBgn.transliterate(word);
    assertEquals(ICU.transliterate(word), latin, () -> "for " + word);
    // Production sends ICU's output on to Cyrillic-Latin when Cyrillic is left; never for these.
    assertFalse(latin.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC), latin);
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
    // Mostly lower case with a capital first letter (as names are written), some all upper, some mixed.
    for (int i = 0; i < 200_000; i++) {
      int n = 4 + r.nextInt(12);
      StringBuilder b = new StringBuilder(n);
      int style = r.nextInt(3);
      for (int k = 0; k < n; k++) {
        char c = LETTERS[r.nextInt(LETTERS.length)];
        char lower = Character.toLowerCase(c);
        char upper = Character.toUpperCase(c);
        b.append(style == 0 ? (k == 0 ? upper : lower) : style == 1 ? upper : c);
      }
      same(b.toString());
    }
  }

  @Test
  void realNamesAsIcu() {
    for (String w : new String[] {"Андрей", "Ёлкин", "Съезд", "Объект", "Тсой", "Шчука", "ОБЪЕДИНЕНИЕ", "Ульяна", "Майя",
        "Воробьёв", "Хрущёв", "ЦЕНТР", "Щукин", "Ющенко", "Эдуард", "Рэй", "Бойэр", "Кузьмич", "Муаммар", "Каддафи"}) {
      same(w);
    }
  }

  @Test
  void coversOnlyTheLettersOfIcusFilter() {
    assertTrue(RussianBgn.covers("Андрей"));
    assertFalse(RussianBgn.covers("Андрій"));
    assertFalse(RussianBgn.covers("Ан\u0301дрей"));
    assertFalse(RussianBgn.covers(""));
  }
}
