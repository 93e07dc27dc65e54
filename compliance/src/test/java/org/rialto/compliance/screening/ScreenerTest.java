package org.rialto.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rialto.compliance.bench.ScreeningBenchmark;
import org.rialto.compliance.lists.BuiltinLists;
import org.rialto.compliance.lists.EntryName;
import org.rialto.compliance.lists.ImportFormat;
import org.rialto.compliance.lists.ListEntry;
import org.rialto.compliance.lists.ListImporter;
import org.rialto.compliance.lists.SanctionsList;
import org.rialto.compliance.match.NameMatcher;
import org.rialto.compliance.match.PreparedName;

class ScreenerTest {
  private static final Screener UN = Screener.build(List.of(BuiltinLists.un()), Map.of(), NameMatcher.DEFAULT_THRESHOLD);

  private static SanctionsList national(String csv) {
    return ListImporter.importList("RU", 1, ImportFormat.CSV,
        List.of(new ListImporter.SourceBytes("ru.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))), Instant.EPOCH);
  }

  private static final SanctionsList RU = national("""
      id,type,name,aliases,birth_dates,countries,programs
      RU-1,person,Andrey Viktorovich Rudenko,,1971-05-02,RU,TEST
      RU-2,organisation,OOO Romashka,ООО Ромашка,,RU,TEST
      """);

  @Test
  void aHitExplainsListVersionEntryNameWordsAndScore() {
    ScreeningResult r = UN.screen(List.of(Party.of(PartyRole.CREDITOR, "قاسم سلیمانی")));
    assertThat(r.clear()).isFalse();
    assertThat(r.listsUsed()).extracting(v -> v.label()).containsExactly("UN v1");
    ScreeningHit hit = r.hits().stream().filter(h -> h.entryId().equals("110408")).findFirst().orElseThrow();
    assertThat(hit.role()).isEqualTo(PartyRole.CREDITOR);
    assertThat(hit.listName()).isEqualTo("UN");
    assertThat(hit.listVersion()).isEqualTo(1);
    assertThat(hit.entryReference()).isEqualTo("IRi.039");
    assertThat(hit.primaryName()).isEqualTo("QASEM SOLEIMANI");
    assertThat(hit.matchedName()).isNotBlank();
    assertThat(hit.matchedTokens()).hasSize(2);
    assertThat(hit.score()).isGreaterThanOrEqualTo(hit.threshold());
    assertThat(hit.explain()).contains("UN v1", "110408", "IRi.039", "score");
  }

  @Test
  void clearNamesAreClearAndRecordTheVersionsUsed() {
    ScreeningResult r = UN.screen(List.of(Party.of(PartyRole.DEBTOR, "Ivan Petrov"), Party.of(PartyRole.CREDITOR, "Romashka LLC")));
    assertThat(r.clear()).isTrue();
    assertThat(r.listsUsed()).hasSize(1);
  }

  @Test
  void everyPartyRoleIsScreened() {
    Screener s = Screener.build(List.of(RU), Map.of(), 0.8);
    List<Party> parties = List.of(
        Party.of(PartyRole.DEBTOR, "Pyotr Ivanov"),
        Party.of(PartyRole.ULTIMATE_DEBTOR, "Руденко Андрей Викторович"),
        Party.of(PartyRole.CREDITOR, "Acme"),
        Party.of(PartyRole.CREDITOR_AGENT, "Romashka OOO"));
    assertThat(s.screen(parties).hits()).extracting(ScreeningHit::role)
        .containsExactlyInAnyOrder(PartyRole.ULTIMATE_DEBTOR, PartyRole.CREDITOR_AGENT);
  }

  @Test
  void thresholdsArePerList() {
    String query = "Andrei Rudenko"; // patronymic missing: a good but not perfect match
    double score = Screener.build(List.of(RU), Map.of(), 0.8).screenName(query).hits().get(0).score();
    assertThat(score).isLessThan(1.0);
    assertThat(Screener.build(List.of(RU), Map.of("RU", 0.99), 0.8).screenName(query).clear()).isTrue();
    assertThat(Screener.build(List.of(RU), Map.of("RU", score - 0.01), 0.8).screenName(query).clear()).isFalse();
  }

  @Test
  void dateOfBirthAndCountryAreSupportingEvidence() {
    Screener s = Screener.build(List.of(RU), Map.of(), 0.8);
    double plain = s.screenName("Andrei Rudenko").hits().get(0).score();
    ScreeningHit same = s.screen(List.of(new Party(PartyRole.DEBTOR, "Andrei Rudenko", "RU", LocalDate.of(1971, 5, 2)))).hits().get(0);
    assertThat(same.score()).isGreaterThan(plain);
    assertThat(same.evidence()).anyMatch(e -> e.contains("date of birth")).anyMatch(e -> e.contains("country RU"));
    ScreeningResult other = s.screen(List.of(new Party(PartyRole.DEBTOR, "Andrei Rudenko", null, LocalDate.of(1990, 1, 1))));
    assertThat(other.hits()).allMatch(h -> h.score() < plain);
  }

  @Test
  void aNameBeyondTheLimitsMakesTheScreeningIncomplete() {
    ScreeningResult r = UN.screenName("Ivan ".repeat(150) + "Qasem Soleimani");
    assertThat(r.incomplete()).isNotEmpty();
    assertThat(r.clear()).isFalse();
  }

  @Test
  void theCacheGivesTheSameResults() {
    Screener cached = UN.withCache(1000);
    for (String name : List.of("Qasem Soleimani", "Ivan Petrov", "Saddam Hussein", "Saddam Hussein")) {
      assertThat(cached.screenName(name).hits()).extracting(ScreeningHit::entryId)
          .containsExactlyElementsOf(UN.screenName(name).hits().stream().map(ScreeningHit::entryId).toList());
    }
  }

  /**
   * The blocking index and its gates lose few matches: for new names with typos and
   * transliteration swaps (mutated list names) and random names, the index finds nearly every
   * list name that a full scan over all names scores at or above the threshold.
   */
  @Test
  void indexFindsWhatAFullScanFinds() {
    ListIndex index = UN.indexes().get(0);
    NameMatcher m = NameMatcher.standard();
    List<PreparedName> all = new ArrayList<>();
    for (int i = 0; i < index.nameCount(); i++) {
      all.add(index.name(i));
    }
    List<String> queries = ScreeningBenchmark.queries(List.of(BuiltinLists.un()), 150, 7, Set.of(), ScreeningBenchmark.Mix.NEAR_HITS);
    int found = 0;
    int expected = 0;
    for (String q : queries) {
      PreparedName query = m.prepare(q);
      Set<Integer> byIndex = new HashSet<>();
      index.search(query).forEach(c -> byIndex.add(c.nameId()));
      for (int i = 0; i < all.size(); i++) {
        if (m.score(query, all.get(i)) >= NameMatcher.DEFAULT_THRESHOLD) {
          expected++;
          if (byIndex.contains(i)) {
            found++;
          }
        }
      }
    }
    assertThat(expected).isGreaterThan(30);
    assertThat(found / (double) expected).as("%d of %d full-scan matches found by the index", found, expected)
        .isGreaterThanOrEqualTo(0.95);
  }

  /**
   * Spellings of one name across scripts and transliteration systems (the positive pairs of the
   * labelled set) must survive blocking: screening the first name of each pair against a list
   * holding the second finds it.
   */
  /**
   * Recall of the index on the lists themselves: every primary name and alias of the UN list and
   * the OFAC extract, screened as written, finds its own entry. Speed work on the index (blocking,
   * gates, bounds) must never trade this away.
   */
  @Test
  void everyListedNameAndAliasFindsItsOwnEntry() {
    List<SanctionsList> lists = List.of(BuiltinLists.un(), BuiltinLists.ofac());
    Screener both = Screener.build(lists, Map.of(), NameMatcher.DEFAULT_THRESHOLD);
    NameMatcher m = NameMatcher.standard();
    List<String> lost = new ArrayList<>();
    int screened = 0;
    for (SanctionsList list : lists) {
      for (ListEntry e : list.entries()) {
        for (EntryName n : e.names()) {
          if (m.prepare(n.name()).isEmpty()) {
            continue; // nothing screenable (the index holds no such name either)
          }
          screened++;
          boolean found = both.screenName(n.name()).hits().stream()
              .anyMatch(h -> h.listName().equals(list.version().listName()) && h.entryId().equals(e.id()));
          if (!found) {
            lost.add(list.version().listName() + ":" + e.id() + " " + n.name());
          }
        }
      }
    }
    assertThat(screened).isGreaterThan(27_000);
    assertThat(lost).as("list names that do not find their own entry").isEmpty();
  }

  /**
   * Names the index found before it chose deciding words by the length of their posting lists and
   * let a query make candidates through its own rarest words only; each was lost by a wrong step
   * on the way (a query word hitting only a non-deciding list word, a keyless word, a bound of
   * gate 0 that missed a second list word under one query word). Typos, Cyrillic and Arabic script
   * of Latin names, words of common given names around one rare word.
   */
  @Test
  void namesFoundThroughCommonAndRareWordsAlike() {
    Screener both = Screener.build(List.of(BuiltinLists.un(), BuiltinLists.ofac()), Map.of(), NameMatcher.DEFAULT_THRESHOLD);
    String[][] cases = {
        {"Fathi Ahmtd HAMMAD", "OFAC", "9659"},
        {"Hussein MHAMMAD", "OFAC", "18688"},
        {"Hussein MHAMMAD", "UN", "6908491"},
        {"мобин петроцхемицал", "OFAC", "15952"},
        {"ACA Dmitry LTDA.", "OFAC", "10111"},
        {"Andrei alexandroffich STRIZHOV", "OFAC", "17547"},
        {"Abdul Rchman YASIN", "UN", "113328"},
        {"'بد ل-ملك دركدل", "OFAC", "10612"},
        {"Emilie konig", "UN", "6908420"},
        {"Abdullah mujakhid", "UN", "111449"},
        {"مهممد سلم", "UN", "6908658"},
        {"Mohammmed QASIM", "OFAC", "12892"},
        {"سرگي ڤلريڤكه كسينڤ", "OFAC", "16642"},
        {"Franko Ahmed SIMATOVIC", "OFAC", "7790"},
        {"афгхан сервице буреау", "UN", "113858"},
        {"Abdallah Asad", "OFAC", "11737"},
        {"мухаммад саеед хафиз", "OFAC", "18619"},
    };
    List<String> lost = new ArrayList<>();
    for (String[] c : cases) {
      if (both.screenName(c[0]).hits().stream().noneMatch(h -> h.listName().equals(c[1]) && h.entryId().equals(c[2]))) {
        lost.add(c[0] + " -> " + c[1] + " " + c[2]);
      }
    }
    assertThat(lost).as("names that do not find their entry").isEmpty();
  }

  /**
   * One key directory for all the lists gives each list the posting ranges of its own
   * directory: the same candidates with the same scores, in the same order, for every list, also
   * for a key of one list only and for lists of very different sizes (a two-entry national list).
   */
  @Test
  void oneKeyDirectoryForAllListsMakesEachListsOwnCandidates() {
    List<SanctionsList> lists = List.of(BuiltinLists.un(), RU, BuiltinLists.ofac());
    List<ListIndex> indexes = lists.stream().map(l -> ListIndex.build(l, NameMatcher.DEFAULT_THRESHOLD)).toList();
    KeyDirectory keys = KeyDirectory.of(indexes);
    List<String> queries = new ArrayList<>(ScreeningBenchmark.queries(lists, 1500, 11, Set.of()));
    queries.addAll(ScreeningBenchmark.queries(lists, 1500, 12, Set.of(), ScreeningBenchmark.Mix.NEAR_HITS));
    queries.add("Andrey Viktorovich Rudenko");
    queries.add("ООО Ромашка");
    NameMatcher m = NameMatcher.standard();
    int candidates = 0;
    for (String q : queries) {
      PreparedName p = m.prepare(q);
      for (int i = 0; i < indexes.size(); i++) {
        List<String> own = indexes.get(i).search(p).stream().map(ScreenerTest::exactly).toList();
        List<String> shared = indexes.get(i).search(p, keys, i).stream().map(ScreenerTest::exactly).toList();
        assertThat(shared).as("%s in list %d", q, i).isEqualTo(own);
        candidates += own.size();
      }
    }
    assertThat(candidates).as("candidates compared").isGreaterThan(500);
  }

  private static String exactly(ListIndex.Candidate c) {
    return c.nameId() + ":" + Double.doubleToLongBits(c.nameScore());
  }

  @Test
  void indexFindsTransliterationVariants() throws Exception {
    List<List<String>> rows;
    try (var in = ScreenerTest.class.getResourceAsStream("/org/rialto/compliance/pairs/labelled-pairs.csv")) {
      rows = org.rialto.compliance.lists.Csv.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), 10_000, 8);
    }
    NameMatcher m = NameMatcher.standard();
    StringBuilder csv = new StringBuilder("id,name\n");
    List<String[]> queries = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      if (r.get(2).equals("1") && m.score(r.get(0), r.get(1)) >= NameMatcher.DEFAULT_THRESHOLD) {
        String id = "P" + queries.size();
        queries.add(new String[] {r.get(0), id});
        csv.append(id).append(",\"").append(r.get(1).replace("\"", "\"\"")).append("\"\n");
      }
    }
    SanctionsList variants = ListImporter.importList("T", 1, ImportFormat.CSV,
        List.of(new ListImporter.SourceBytes("t.csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        Instant.EPOCH);
    Screener s = Screener.build(List.of(variants), Map.of(), NameMatcher.DEFAULT_THRESHOLD);
    List<String> lost = new ArrayList<>();
    for (String[] q : queries) {
      if (s.screenName(q[0]).hits().stream().noneMatch(h -> h.entryId().equals(q[1]))) {
        lost.add(q[0] + " | " + variants.entry(q[1]).primaryName().name());
      }
    }
    assertThat(queries).hasSizeGreaterThan(700);
    assertThat(1 - lost.size() / (double) queries.size()).as("lost by blocking: %s", lost).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void configurationNamesTheListsOfAJurisdiction() {
    ScreeningConfig c = ScreeningConfig.parse("""
        jurisdiction: RU
        defaultThreshold: 0.82
        lists:
          - name: UN
          - name: RU
            threshold: 0.9
          - name: OFAC
            version: 1
        """);
    assertThat(c.jurisdiction()).isEqualTo("RU");
    assertThat(c.lists()).containsExactly(new ListPolicy("UN", 0, 0.82), new ListPolicy("RU", 0, 0.9), new ListPolicy("OFAC", 1, 0.82));
    assertThatThrownBy(() -> ScreeningConfig.parse("lists: [UN, UN]")).hasMessageContaining("twice");
    assertThatThrownBy(() -> ScreeningConfig.parse("lists: [UN]\nthreshhold: 0.8")).hasMessageContaining("unknown field");
    assertThatThrownBy(() -> ScreeningConfig.parse("lists:\n  - name: UN\n    threshold: 0.2")).hasMessageContaining("threshold");
    assertThat(ScreeningConfig.defaults().lists()).extracting(ListPolicy::listName).containsExactly("UN", "OFAC");
  }

  @Test
  void lowQualityAliasesCountButWeighLess() {
    ListEntry soleimani = BuiltinLists.un().entry("110408");
    assertThat(soleimani.names()).anyMatch(n -> n.quality() == EntryName.Quality.LOW && n.name().equals("Sardar Soleimani"));
    ScreeningResult r = UN.screenName("Haj Qasem");
    assertThat(r.hits()).anySatisfy(h -> {
      assertThat(h.matchedNameQuality()).isEqualTo(EntryName.Quality.LOW);
      assertThat(h.evidence()).anyMatch(e -> e.contains("low-quality alias"));
    });
  }

  @Test
  void isSafeForConcurrentScreening() throws Exception {
    List<String> queries = ScreeningBenchmark.queries(List.of(BuiltinLists.un()), 400, 11, Set.of(), ScreeningBenchmark.Mix.NEAR_HITS);
    List<List<String>> expected = new ArrayList<>();
    for (String q : queries) {
      expected.add(UN.screenName(q).hits().stream().map(ScreeningHit::entryId).toList());
    }
    Thread[] threads = new Thread[3];
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads.length; t++) {
      Random r = new Random(t);
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 400; i++) {
          int k = r.nextInt(queries.size());
          List<String> got = UN.screenName(queries.get(k)).hits().stream().map(ScreeningHit::entryId).toList();
          if (!got.equals(expected.get(k))) {
            failures.add(new AssertionError("different result for " + queries.get(k)));
          }
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void joinedKeysAreTheKeysOfTheJoinedSkeletons() {
    List<String> names = new ArrayList<>();
    for (SanctionsList list : List.of(BuiltinLists.un(), BuiltinLists.ofac())) {
      for (var e : list.entries()) {
        for (var n : e.names()) {
          names.add(n.name());
        }
      }
    }
    names.addAll(ScreeningBenchmark.queries(List.of(BuiltinLists.un(), BuiltinLists.ofac()), 4000, 11, Set.of()));
    NameMatcher m = NameMatcher.standard();
    long[] keys = new long[BlockingKeys.MAX_KEYS_PER_WORD];
    int pairs = 0;
    int keyed = 0;
    for (String name : names) {
      PreparedName p = m.prepare(name);
      for (int t = 0; t + 1 < p.size(); t++) {
        int count = BlockingKeys.joinedKeys(p.token(t), p.token(t + 1), keys, 0);
        long expected = p.token(t).initial() || p.token(t + 1).initial() ? 0
            : BlockingKeys.joinedKeyByConcatenation(p.token(t), p.token(t + 1));
        assertThat(count).as(name).isEqualTo(expected == 0 ? 0 : 1);
        if (count == 1) {
          assertThat(keys[0]).as(name).isEqualTo(expected);
          keyed++;
        }
        pairs++;
      }
    }
    assertThat(pairs).isGreaterThan(40_000);
    assertThat(keyed).isGreaterThan(30_000);
  }
}
