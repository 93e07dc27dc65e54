package org.rialto.compliance.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;
import org.rialto.compliance.lists.BuiltinLists;
import org.rialto.compliance.lists.EntryName;
import org.rialto.compliance.lists.ListEntry;

/** The allocation-free Jaro-Winkler gives exactly the library's value, bit for bit. */
class JaroWinklerTest {
  private static final JaroWinklerSimilarity LIBRARY = new JaroWinklerSimilarity();

  @Test
  void equalsTheLibraryOnListWordsAndRandomWords() {
    NameMatcher m = NameMatcher.standard();
    List<String> words = new ArrayList<>();
    for (ListEntry e : BuiltinLists.un().entries()) {
      for (EntryName n : e.names()) {
        PreparedName p = m.prepare(n.name());
        for (int t = 0; t < p.size(); t++) {
          words.add(p.token(t).vowelKey());
        }
      }
    }
    Random r = new Random(17);
    for (int i = 0; i < 2_000; i++) {
      words.add(randomWord(r, 1 + r.nextInt(12), "abcdefgh"));
      words.add(randomWord(r, 60 + r.nextInt(10), "ab"));
    }
    int compared = 0;
    for (int i = 0; i < 150_000; i++) {
      String a = words.get(r.nextInt(words.size()));
      String b = r.nextInt(4) == 0 ? mutate(a, r) : words.get(r.nextInt(words.size()));
      double expected = LIBRARY.apply(a, b);
      assertThat(JaroWinkler.similarity(a, b)).as("%s / %s", a, b).isEqualTo(expected);
      compared++;
    }
    assertThat(compared).isEqualTo(150_000);
    assertThat(JaroWinkler.similarity("", "")).isEqualTo(LIBRARY.apply("", ""));
    assertThat(JaroWinkler.similarity("", "a")).isEqualTo(LIBRARY.apply("", "a"));
  }

  private static String randomWord(Random r, int length, String alphabet) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static String mutate(String a, Random r) {
    if (a.length() < 2) {
      return a + "x";
    }
    int at = r.nextInt(a.length() - 1);
    char[] c = a.toCharArray();
    char t = c[at];
    c[at] = c[at + 1];
    c[at + 1] = t;
    return new String(c);
  }
}
