package org.rialto.compliance.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameNormalizerTest {
  private final NameNormalizer n = NameNormalizer.standard();

  private List<String> words(String raw) {
    return n.normalize(raw).tokens().stream().map(NameToken::text).toList();
  }

  private String canonical(String word) {
    NormalizedName name = n.normalize(word);
    assertThat(name.tokens()).hasSize(1);
    return name.tokens().get(0).canonical();
  }

  @Test
  void foldsCaseDiacriticsAndCompatibilityForms() {
    assertThat(words("ＭÜLLER  Jürgen")).containsExactly("muller", "jurgen"); // full-width M, umlauts
    assertThat(words("José Martí-Pérez")).containsExactly("jose", "marti", "perez");
    assertThat(words("O'Brien")).containsExactly("obrien");
    assertThat(words("Hüseyn Əliyev")).containsExactly("huseyn", "eliyev");
  }

  @Test
  void transliteratesCyrillicWithBgnPcgn() {
    assertThat(words("Андрей Руденко")).containsExactly("andrey", "rudenko");
    assertThat(words("Евгений Пригожин")).containsExactly("yevgeniy", "prigozhin");
    assertThat(words("Роснефть")).containsExactly("rosneft"); // soft sign dropped
    assertThat(words("Щербаков")).containsExactly("shcherbakov");
  }

  @Test
  void bgnMiddleDotKeepsAWordWhole() {
    // BGN/PCGN writes т·с, ы·а, й·у, ГЭ as "G·E"; the dot is not a word break, and Latin spellings omit it.
    assertThat(words("Детский Мир")).containsExactly("detskiy", "mir");
    assertThat(words("Братская ГЭС")).containsExactly("bratskaya", "ges");
    assertThat(words("Советский банк")).containsExactly("sovetskiy", "bank");
    assertThat(words("Детский")).isEqualTo(words("Detskiy"));
  }

  @Test
  void transliteratesArabicAndPersianScriptAndMarksAbjadWords() {
    NormalizedName name = n.normalize("محمد جواد ظریف");
    assertThat(name.tokens()).hasSize(3);
    assertThat(name.tokens()).allMatch(NameToken::abjad);
    assertThat(name.tokens().get(0).canonical()).isEqualTo("muhammad");
    assertThat(name.tokens().get(1).canonical()).isEqualTo("javad");
    assertThat(name.tokens().get(2).skeleton()).isEqualTo(n.normalize("Zarif").tokens().get(0).skeleton());
  }

  @Test
  void variantTableJoinsSpellingsAcrossScripts() {
    for (String w : List.of("Mohammad", "Muhammad", "Mohammed", "Mokhammed", "Мухаммад", "محمد", "Magomed")) {
      assertThat(canonical(w)).as(w).isEqualTo("muhammad");
    }
    for (String w : List.of("Hossein", "Husayn", "Hussein", "Хусейн", "حسین", "حسين")) {
      assertThat(canonical(w)).as(w).isEqualTo("husayn");
    }
    assertThat(canonical("Hasan")).isEqualTo("hasan");
    assertThat(canonical("حسن")).isEqualTo("hasan");
    for (String w : List.of("Andrei", "Andrey", "Андрей")) {
      assertThat(canonical(w)).as(w).isEqualTo("andrey");
    }
    for (String w : List.of("Yevgeny", "Evgeniy", "Евгений")) {
      assertThat(canonical(w)).as(w).isEqualTo("yevgeniy");
    }
    assertThat(canonical("Aleksandr")).isEqualTo(canonical("Alexander"));
  }

  @Test
  void phoneticSkeletonAbsorbsTransliterationSystems() {
    // Kh/H, Dzh/J, -off/-ov, w/v, ts/z.
    assertThat(skeleton("Khodorkovsky")).isEqualTo(skeleton("Hodorkovsky"));
    assertThat(skeleton("Dzhabrailov")).isEqualTo(skeleton("Jabrailov"));
    assertThat(skeleton("Petroff")).isEqualTo(skeleton("Petrov"));
    assertThat(skeleton("Yousef")).isEqualTo(skeleton("يوسف"));
  }

  private String skeleton(String w) {
    return n.normalize(w).tokens().get(0).skeleton();
  }

  @Test
  void removesLegalFormsHonorificsAndConnectorsInAnyScript() {
    assertThat(words("OOO Romashka")).containsExactly("romashka");
    assertThat(n.normalize("ООО «Ромашка»").legalForm()).isTrue();
    assertThat(words("ООО «Ромашка»")).containsExactly("romashka");
    assertThat(words("ПАО Сбербанк")).containsExactly("sberbank");
    assertThat(words("Gazprom PJSC")).containsExactly("gazprom");
    assertThat(words("ANGLO-CARIBBEAN CO., LTD.")).containsExactly("anglo", "caribbean");
    assertThat(words("Limited Liability Company Vostok")).containsExactly("vostok");
    assertThat(words("شرکت ملی نفت ایران")).hasSize(3);
    assertThat(words("Haji Mohammad Yusuf")).containsExactly("mohammad", "yusuf");
    assertThat(words("Dr. Ayman al-Zawahiri")).containsExactly("ayman", "alzawahiri");
    assertThat(words("Osama bin Laden")).containsExactly("osama", "laden");
    assertThat(words("Bank Melli")).containsExactly("bank", "melli"); // Bank is weighed down, not removed
    assertThat(words("Co.")).containsExactly("co"); // a name of stop words only keeps them
  }

  @Test
  void arabicHonorificAndNameThatFoldAlikeStayApart() {
    assertThat(words("سید علی")).hasSize(1); // Seyyed removed
    assertThat(words("سعيد علي")).hasSize(2); // Saʿid is a name
  }

  @Test
  void gluesArabicNameParticlesWrittenApartOrTogether() {
    assertThat(words("Abd al-Rahman")).containsExactly("abdalrahman");
    assertThat(canonical("Abd al-Rahman")).isEqualTo(canonical("Abdurrahman")).isEqualTo(canonical("عبد الرحمن"));
    assertThat(words("Rahmat Ullah")).containsExactly("rahmatullah");
    NameToken tikriti = n.normalize("al-Tikriti").tokens().get(0);
    assertThat(tikriti.core()).isEqualTo("tikriti");
    assertThat(n.normalize("التكريتي").tokens().get(0).core()).isEqualTo("tkryty");
  }

  @Test
  void dropsAnAcronymOfThePrecedingWords() {
    assertThat(words("National Iranian Oil Company (NIOC)")).containsExactly("national", "iranian", "oil");
  }

  @Test
  void marksPatronymicsInThreeWordNames() {
    NormalizedName name = n.normalize("Andrey Viktorovich Rudenko");
    assertThat(name.tokens().get(1).patronymic()).isTrue();
    assertThat(n.normalize("Roman Abramovich").tokens().get(1).patronymic()).isFalse();
  }

  @Test
  void boundsInputAndSaysSo() {
    String longName = "Ivan ".repeat(200);
    NormalizedName name = n.normalize(longName);
    assertThat(name.truncated()).isTrue();
    assertThat(name.tokens()).hasSizeLessThanOrEqualTo(NameNormalizer.MAX_TOKENS);
    assertThat(n.normalize("   ").isEmpty()).isTrue();
    assertThat(n.normalize(null).isEmpty()).isTrue();
    assertThat(n.normalize("x".repeat(300)).tokens().get(0).text()).hasSize(NameNormalizer.MAX_TOKEN_CHARS);
  }

  @Test
  void theTransliterationMemoChangesNoResult() {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (var list : java.util.List.of(org.rialto.compliance.lists.BuiltinLists.un(), org.rialto.compliance.lists.BuiltinLists.ofac())) {
      for (var e : list.entries()) {
        for (var n : e.names()) {
          if (!n.name().chars().allMatch(c -> c < 0x80)) {
            names.add(n.name());
          }
        }
      }
    }
    assertThat(names).hasSizeGreaterThan(300);
    // Names of the screening bench: Russian and Persian names on no list, list names in Cyrillic and Arabic script.
    for (String q : org.rialto.compliance.bench.ScreeningBenchmark.queries(
        java.util.List.of(org.rialto.compliance.lists.BuiltinLists.un()), 4000, 5, java.util.Set.of())) {
      if (!q.chars().allMatch(c -> c < 0x80)) {
        names.add(q);
      }
    }
    names.addAll(java.util.List.of("Андрей Викторович Руденко", "ООО «Ромашка»", "محمدرضا نقدی", "خامنه‌ای", "Ёлкин Эдуард"));
    assertThat(names).hasSizeGreaterThan(1500);
    // Twice: the first pass fills the memo, the second reads it.
    for (int pass = 0; pass < 2; pass++) {
      for (String name : names) {
        Transliteration.Folded plain = Transliteration.toFoldedLatin(name, false);
        Transliteration.Folded memo = Transliteration.toFoldedLatin(name, true);
        assertThat(memo.text()).as(name).isEqualTo(plain.text());
        assertThat(memo.abjad()).as(name).isEqualTo(plain.abjad());
      }
    }
  }

  @Test
  void anAsciiNameFoldsCharByChar() {
    for (char c = 0; c < 0x80; c++) {
      String raw = "A" + c + "z" + c;
      StringBuilder expected = new StringBuilder();
      for (int i = 0; i < raw.length(); i++) {
        expected.append(Fold.of(raw.charAt(i)));
      }
      Transliteration.Folded folded = Transliteration.toFoldedLatin(raw);
      assertThat(folded.text()).as("char %d", (int) c).isEqualTo(expected.toString());
      assertThat(folded.abjad()).isNull();
    }
  }
}
