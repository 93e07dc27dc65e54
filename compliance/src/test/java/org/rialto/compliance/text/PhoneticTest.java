package org.rialto.compliance.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rialto.compliance.lists.BuiltinLists;
import org.rialto.compliance.lists.EntryName;
import org.rialto.compliance.lists.ListEntry;
import org.rialto.compliance.lists.SanctionsList;

class PhoneticTest {
  private static void assertOnePassEqualsTwo(String word) {
    String[] both = new String[2];
    Phonetic.skeletonAndVowelKey(word, both);
    assertThat(both[0]).as("skeleton of '%s'", word).isEqualTo(Phonetic.skeleton(word));
    assertThat(both[1]).as("vowel key of '%s'", word).isEqualTo(Phonetic.vowelKey(word));
  }

  @Test
  void oneReadingGivesTheSkeletonAndTheVowelKeyOfTwo() {
    // Every rule's case: digraphs, the German runs, -off/-eff, x as two symbols, w as v in the
    // vowel key only, repeats across dropped vowels, boundaries, digits, and words at and past
    // the length where one reading takes over from two (23 and 24 chars).
    for (String w : List.of("schtscherbakov", "shchukin", "schmidt", "tschaikowsky", "tchaikovsky", "tsoy",
        "kuznetsov", "dzhugashvili", "djamal", "petroff", "oeff", "eff", "off", "maxim", "xxx", "lawrow",
        "wawa", "moammar", "abbas", "muammar", "m|mr", "|a|", "a", "e", "o", "w", "x", "h", "007bond",
        "aaaaaaaaaaaaaaaaaaaaaaa", "xxxxxxxxxxxxxxxxxxxxxxx", "xxxxxxxxxxxxxxxxxxxxxxxx",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv")) {
      assertOnePassEqualsTwo(w);
    }
    Random random = new Random(12);
    String alphabet = "abcdefghijklmnopqrstuvwxyz0|aeoshctzdjfw";
    for (int k = 0; k < 200_000; k++) {
      int length = 1 + random.nextInt(30);
      StringBuilder b = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (random.nextInt(8) == 0) {
        b.append(random.nextBoolean() ? "off" : "eff");
      }
      assertOnePassEqualsTwo(b.toString());
    }
  }

  @Test
  void oneReadingGivesTheSkeletonAndTheVowelKeyOfEveryListWord() {
    List<String> words = new ArrayList<>();
    for (SanctionsList list : List.of(BuiltinLists.un(), BuiltinLists.ofac())) {
      for (ListEntry e : list.entries()) {
        for (EntryName name : e.names()) {
          for (String w : Transliteration.toFoldedLatin(name.name()).text().split(" ")) {
            if (!w.isEmpty()) {
              words.add(w);
            }
          }
        }
      }
    }
    assertThat(words).hasSizeGreaterThan(50_000);
    for (String w : words) {
      assertOnePassEqualsTwo(w);
    }
  }
}
