package org.rialto.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rialto.compliance.bench.ScreeningBenchmark;
import org.rialto.compliance.lists.BirthDate;
import org.rialto.compliance.lists.BuiltinLists;
import org.rialto.compliance.lists.EntryKind;
import org.rialto.compliance.lists.EntryName;
import org.rialto.compliance.lists.ListEntry;
import org.rialto.compliance.lists.SanctionsList;
import org.rialto.compliance.match.NameMatch;
import org.rialto.compliance.match.NameMatcher;
import org.rialto.compliance.match.PreparedName;
import org.rialto.compliance.match.TokenPair;

/**
 * The screener explains only the hits it returns and keeps them without a map; its hits must be
 * those of the way it worked before, kept here as the reference: every candidate explained, the
 * best per entry in a {@code HashMap} by entry number, its values sorted best first. Same hits,
 * same scores to the bit, same explanations, same order (equal scores included).
 */
class HitsOrderTest {
  private static final List<SanctionsList> LISTS = List.of(BuiltinLists.un(), BuiltinLists.ofac());
  private static final Screener SCREENER = Screener.build(LISTS, Map.of(), NameMatcher.DEFAULT_THRESHOLD);

  @Test
  void hitsAreTheFormerMapsHitsInItsOrder() {
    List<String> names = new ArrayList<>(ScreeningBenchmark.queries(LISTS, 1500, 91, Set.of(), ScreeningBenchmark.Mix.NEAR_HITS));
    names.addAll(ScreeningBenchmark.queries(LISTS, 1500, 92, Set.of()));
    // Common words alone: many entries per list, past the scan's few, and many equal scores.
    names.addAll(List.of("Mohammad Ali", "Ali Hassan", "Bank", "Mohammed", "Trading Company", "Al Hussein",
        "Abdul Rahman", "Bank Melli Iran", "Islamic Revolutionary Guard Corps", "Ahmad Mohammadi"));
    Random random = new Random(93);
    List<String> countries = List.of("IR", "RU", "SY", "KP", "IQ", "CU", "VE", "AF", "LY", "YE");
    int parties = 0;
    int hits = 0;
    int manyEntries = 0;
    int equalScores = 0;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      // Every fourth party carries a country and a date of birth, so the evidence counts too.
      Party party = i % 4 != 0 ? Party.of(PartyRole.CREDITOR, name)
          : new Party(PartyRole.DEBTOR, name, countries.get(random.nextInt(countries.size())),
              LocalDate.of(1950 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)));
      List<ScreeningHit> expected = reference(party);
      List<ScreeningHit> actual = SCREENER.screen(List.of(party)).hits();
      assertThat(actual.stream().map(HitsOrderTest::exactly).toList()).as(name)
          .containsExactlyElementsOf(expected.stream().map(HitsOrderTest::exactly).toList());
      parties++;
      hits += actual.size();
      for (int k = 1; k < actual.size(); k++) {
        if (actual.get(k).score() == actual.get(k - 1).score()) {
          equalScores++;
        }
      }
      if (entriesAbove(party) > Screener.SMALL_ENTRIES) {
        manyEntries++;
      }
    }
    assertThat(parties).isEqualTo(names.size());
    assertThat(hits).as("hits compared").isGreaterThan(800);
    assertThat(equalScores).as("neighbouring equal scores, whose order the map set").isGreaterThan(100);
    assertThat(manyEntries).as("parties with more entries than the scan takes").isGreaterThan(0);
  }

  private static String exactly(ScreeningHit h) {
    return h.explain() + " |" + Double.doubleToLongBits(h.score()) + " " + Double.doubleToLongBits(h.nameScore());
  }

  private static int entriesAbove(Party party) {
    PreparedName query = NameMatcher.standard().prepare(party.name());
    int most = 0;
    for (ListIndex index : SCREENER.indexes()) {
      Set<Integer> entries = new HashSet<>();
      for (ListIndex.Candidate c : index.search(query)) {
        if (c.nameScore() + evidence(party, index.entryOf(c.nameId()), index.entryName(c.nameId()), new ArrayList<>())
            >= index.threshold()) {
          entries.add(index.entryIndexOf(c.nameId()));
        }
      }
      most = Math.max(most, entries.size());
    }
    return most;
  }

  /** The screener's hits as they were made before (session 11). */
  private static List<ScreeningHit> reference(Party party) {
    NameMatcher matcher = NameMatcher.standard();
    Comparator<ScreeningHit> bestFirst = Comparator.comparingDouble(ScreeningHit::score).reversed();
    List<ScreeningHit> all = new ArrayList<>();
    PreparedName query = matcher.prepare(party.name());
    if (query.isEmpty()) {
      return all;
    }
    for (ListIndex index : SCREENER.indexes()) {
      Map<Integer, ScreeningHit> bestPerEntry = new HashMap<>();
      for (ListIndex.Candidate c : index.search(query)) {
        ListEntry entry = index.entryOf(c.nameId());
        EntryName name = index.entryName(c.nameId());
        List<String> evidence = new ArrayList<>();
        double score = c.nameScore() + evidence(party, entry, name, evidence);
        if (score < index.threshold()) {
          continue;
        }
        int entryKey = index.entryIndexOf(c.nameId());
        ScreeningHit previous = bestPerEntry.get(entryKey);
        if (previous != null && previous.score() >= score) {
          continue;
        }
        NameMatch match = matcher.match(query, index.name(c.nameId()));
        List<String> unmatched = new ArrayList<>();
        match.unmatchedQuery().forEach(w -> unmatched.add("screened:" + w));
        match.unmatchedList().forEach(w -> unmatched.add("list:" + w));
        List<TokenPair> pairs = match.pairs();
        bestPerEntry.put(entryKey, new ScreeningHit(
            party.role(), party.name(), index.version().listName(), index.version().version(), entry.id(),
            entry.reference(), entry.kind(), entry.primaryName().name(), name.name(), name.type(), name.quality(),
            c.nameScore(), Math.min(1.0, score), index.threshold(), pairs, unmatched, evidence));
      }
      List<ScreeningHit> hits = new ArrayList<>(bestPerEntry.values());
      hits.sort(bestFirst);
      all.addAll(hits.size() > Screener.MAX_HITS_PER_PARTY_AND_LIST ? hits.subList(0, Screener.MAX_HITS_PER_PARTY_AND_LIST) : hits);
    }
    all.sort(bestFirst);
    return all;
  }

  /** The evidence as it was computed before (session 11). */
  private static double evidence(Party party, ListEntry entry, EntryName name, List<String> out) {
    double gain = 0;
    if (name.quality() == EntryName.Quality.LOW) {
      gain += Screener.WEAK_ALIAS_LOSS;
      out.add("matched a low-quality alias (" + Screener.WEAK_ALIAS_LOSS + ")");
    }
    if (party.birthDate() != null && entry.kind() == EntryKind.PERSON && !entry.birthDates().isEmpty()) {
      BirthDate.Agreement best = BirthDate.Agreement.DIFFERENT;
      for (BirthDate d : entry.birthDates()) {
        BirthDate.Agreement a = d.compare(party.birthDate());
        if (a.ordinal() < best.ordinal()) {
          best = a;
        }
      }
      String listed = String.join(", ", entry.birthDates().stream().map(BirthDate::format).toList());
      switch (best) {
        case SAME_DAY -> {
          gain += Screener.DOB_SAME_DAY_GAIN;
          out.add("date of birth " + party.birthDate() + " equals the listed " + listed + " (+" + Screener.DOB_SAME_DAY_GAIN + ")");
        }
        case SAME_YEAR -> {
          gain += Screener.DOB_SAME_YEAR_GAIN;
          out.add("year of birth " + party.birthDate().getYear() + " agrees with the listed " + listed + " (+" + Screener.DOB_SAME_YEAR_GAIN + ")");
        }
        case NEAR -> out.add("date of birth " + party.birthDate() + " is near the listed " + listed + " (no change)");
        case DIFFERENT -> {
          gain += Screener.DOB_DIFFERENT_LOSS;
          out.add("date of birth " + party.birthDate() + " differs from the listed " + listed + " (" + Screener.DOB_DIFFERENT_LOSS + ")");
        }
        default -> throw new IllegalStateException("unhandled agreement " + best);
      }
    }
    if (party.countryCode() != null && entry.countries().contains(party.countryCode())) {
      gain += Screener.COUNTRY_GAIN;
      out.add("country " + party.countryCode() + " is among the listed " + entry.countries() + " (+" + Screener.COUNTRY_GAIN + ")");
    }
    return gain;
  }
}
