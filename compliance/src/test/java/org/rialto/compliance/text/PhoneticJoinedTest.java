package org.rialto.compliance.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The similarity of a word with two words joined, computed without joining them, is the joined string's, bit for bit. */
class PhoneticJoinedTest {
  private static final String SYMBOLS = "BCDFGHJKLMNPQRSTVWYZ0123456789?";

  @Test
  void joinedEqualsTheJoinedString() {
    Random r = new Random(31);
    double[] thresholds = {0.0, 0.5, 0.8, 0.9};
    int compared = 0;
    for (int i = 0; i < 200_000; i++) {
      String alphabet = r.nextBoolean() ? "BKS" : SYMBOLS;
      String joined = word(r, r.nextInt(i % 100 == 0 ? Phonetic.MAX_SYMBOLS + 8 : 14), alphabet);
      int split = joined.isEmpty() ? 0 : r.nextInt(joined.length() + 1);
      String a = r.nextInt(4) == 0 ? joined : word(r, r.nextInt(i % 100 == 1 ? Phonetic.MAX_SYMBOLS + 1 : 14), alphabet);
      double atLeast = thresholds[r.nextInt(thresholds.length)];
      String first = joined.substring(0, split);
      String second = joined.substring(split);
      double expected;
      try {
        expected = Phonetic.similarity(a, joined, atLeast);
      } catch (RuntimeException e) {
        continue; // lengths beyond the DP rows: the joined path defers to this same call
      }
      assertThat(Double.doubleToRawLongBits(Phonetic.similarityJoined(a, first, second, atLeast)))
          .as("%s / %s + %s at %s", a, first, second, atLeast)
          .isEqualTo(Double.doubleToRawLongBits(expected));
      compared++;
    }
    assertThat(compared).isGreaterThan(190_000);
  }

  private static String word(Random r, int length, String alphabet) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
