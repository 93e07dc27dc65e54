package org.rialto.compliance.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMatcherTest {
  private final NameMatcher m = NameMatcher.standard();

  private boolean match(String a, String b) {
    return m.score(a, b) >= NameMatcher.DEFAULT_THRESHOLD;
  }

  @Test
  void sameNameAcrossScriptsAndTransliterations() {
    assertThat(match("Andrei Rudenko", "Andrey Rudenko")).isTrue();
    assertThat(match("Андрей Руденко", "Andrei Rudenko")).isTrue();
    assertThat(match("Rudenko Andrei", "Andrey Rudenko")).isTrue(); // order free
    assertThat(match("Mohammad Javad Zarif", "محمد جواد ظریف")).isTrue();
    assertThat(match("Muhammad Jawad Zarif", "Мохаммад Джавад Зариф")).isTrue();
    assertThat(match("Yevgeny Prigozhin", "Евгений Пригожин")).isTrue();
    assertThat(match("Evgeniy Prigozhin", "Jewgeni Prigoschin")).isTrue();
    assertThat(match("Hossein Dehghan", "Хосейн Дехган")).isTrue();
    assertThat(match("Qasem Soleimani", "قاسم سلیمانی")).isTrue();
    assertThat(match("Aleksandr Lukashenko", "Alexander Lukashenko")).isTrue();
    assertThat(match("Ivan Petroff", "Ivan Petrov")).isTrue();
    assertThat(match("Khasan Dzhabrailov", "Hasan Jabrailov")).isTrue();
    assertThat(match("Muammar Gaddafi", "Moammar Qadhafi")).isTrue();
    assertThat(match("Abd al-Rahman Yasin", "Abdurrahman Yassin")).isTrue();
  }

  @Test
  void patronymicsAndMiddleNamesMissingOnOneSideStillMatch() {
    assertThat(match("Andrei Rudenko", "Andrey Viktorovich Rudenko")).isTrue();
    assertThat(match("Пригожин Евгений Викторович", "Yevgeny Prigozhin")).isTrue();
    assertThat(match("Saddam Hussein", "Saddam Hussein al-Tikriti")).isTrue();
  }

  @Test
  void organisationsWithLegalFormsInAnyScript() {
    assertThat(match("OOO Gazprom", "ПАО «Газпром»")).isTrue();
    assertThat(match("Sberbank PJSC", "ПАО Сбербанк")).isTrue();
    assertThat(match("Bank Melli Iran", "بانک ملی ایران")).isTrue();
    assertThat(match("Gazprom Neft", "Gazpromneft")).isTrue(); // one word or two
  }

  @Test
  void hardNegatives() {
    assertThat(match("Mohammad Rezaei", "Mohammad Rahimi")).isFalse(); // common first name, other surname
    assertThat(match("Andrei Rudenko", "Sergei Rudenko")).isFalse(); // same surname, other first name
    assertThat(match("Hasan Ali", "Husayn Ali")).isFalse(); // different names Arabic writes alike
    assertThat(match("Ali Karimi", "Ali Karim")).isFalse(); // nisba: another family name
    assertThat(match("Bank Melli Iran", "Bank Mellat")).isFalse();
    assertThat(match("Sberbank", "Sovcombank")).isFalse();
    assertThat(match("Tinkoff Bank", "Tinkoff Insurance")).isFalse(); // generic words differ
    assertThat(match("Ivan Petrovich Sidorov", "Petr Ivanovich Sidorov")).isFalse();
  }

  @Test
  void commonWordsAloneDoNotMakeAMatch() {
    assertThat(m.score("Mohammad Ali Rezaei", "Mohammad Ali Karimi")).isLessThan(0.5);
    assertThat(m.score("National Bank", "National Trading Bank of Iran")).isLessThan(NameMatcher.DEFAULT_THRESHOLD);
  }

  @Test
  void explainsWhichWordsPaired() {
    NameMatch match = m.match(m.prepare("Andrey Viktorovich Rudenko"), m.prepare("Rudenko Andrei"));
    assertThat(match.pairs()).extracting(TokenPair::queryWord).containsExactlyInAnyOrder("andrey", "rudenko");
    assertThat(match.pairs()).extracting(TokenPair::listWord).containsExactlyInAnyOrder("andrei", "rudenko");
    assertThat(match.unmatchedQuery()).containsExactly("viktorovich");
    assertThat(match.unmatchedList()).isEmpty();
  }

  @Test
  void scoresAreSymmetricAndBounded() {
    String[][] pairs = {{"Andrei Rudenko", "Андрей Руденко"}, {"Bank Melli", "Melli Bank PLC"}, {"A", "B C D"}, {"", "X"}};
    for (String[] p : pairs) {
      double ab = m.score(p[0], p[1]);
      assertThat(ab).isBetween(0.0, 1.0);
      assertThat(m.score(p[1], p[0])).isCloseTo(ab, org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(m.score("Vladimir Putin", "Vladimir Putin")).isEqualTo(1.0);
  }
}
