package org.rialto.compliance.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rialto.compliance.lists.BirthDate;
import org.rialto.compliance.lists.EntryKind;
import org.rialto.compliance.lists.EntryName;
import org.rialto.compliance.lists.ListEntry;
import org.rialto.compliance.lists.ListVersion;
import org.rialto.compliance.lists.SanctionsList;
import org.rialto.compliance.match.NameMatch;
import org.rialto.compliance.match.NameMatcher;
import org.rialto.compliance.match.PreparedName;
import org.rialto.compliance.match.TokenPair;
import org.rialto.compliance.text.NameNormalizer;

/**
 * Screens a payment's parties against the lists of the node's jurisdiction.
 *
 * <p>A screener is immutable: it holds one index per list version. When a list is re-imported
 * the node builds a new screener and swaps it in (an {@code AtomicReference}); payments in
 * flight finish on the versions they started with, and each result records the versions used.
 * {@link #screen} is safe to call from many threads at once and takes no locks.
 *
 * <p>Scoring: the name score of {@link NameMatcher}, then supporting evidence when the payment
 * carries it: the same date of birth raises the score (+{@value #DOB_SAME_DAY_GAIN} for the same
 * day, +{@value #DOB_SAME_YEAR_GAIN} for the same year), a clearly different one lowers it
 * ({@value #DOB_DIFFERENT_LOSS}); a party country among the entry's countries adds
 * +{@value #COUNTRY_GAIN}; a match on a list's own "low quality" alias loses
 * {@value #WEAK_ALIAS_LOSS}.
 */
public final class Screener {
  static final double DOB_SAME_DAY_GAIN = 0.06;
  static final double DOB_SAME_YEAR_GAIN = 0.04;
  static final double DOB_DIFFERENT_LOSS = -0.15;
  static final double COUNTRY_GAIN = 0.02;
  static final double WEAK_ALIAS_LOSS = -0.03;
  /** Hits kept per party and list: enough for an operator, bounded for a pathological name. */
  static final int MAX_HITS_PER_PARTY_AND_LIST = 10;
  /**
   * Entries of a party on a list whose best hits are found by a scan, not a map: up to 8 the
   * order of a 16-bucket HashMap is known (no resize before 13 entries, no tree before 9 in a
   * bucket), see hitsFor.
   */
  static final int SMALL_ENTRIES = 8;
  /** Best hit first; one instance, not two objects built per screened name. */
  private static final Comparator<ScreeningHit> BEST_FIRST = Comparator.comparingDouble(ScreeningHit::score).reversed();
  public static final int MAX_PARTIES = 32;

  private final List<ListIndex> indexes;
  private final List<ListVersion> versions;
  private final NameMatcher matcher;
  private final NameCache cache;
  /** The blocking keys of all the lists in one table (null for one list, which has its own). */
  private final KeyDirectory keys;

  private Screener(List<ListIndex> indexes, NameCache cache) {
    this(indexes, cache, indexes.size() > 1 ? KeyDirectory.of(indexes) : null);
  }

  private Screener(List<ListIndex> indexes, NameCache cache, KeyDirectory keys) {
    if (indexes.isEmpty()) {
      throw new IllegalArgumentException("a screener needs at least one list");
    }
    Map<String, ListIndex> byName = new HashMap<>();
    for (ListIndex index : indexes) {
      if (byName.put(index.version().listName(), index) != null) {
        throw new IllegalArgumentException("list " + index.version().listName() + " given twice");
      }
    }
    this.indexes = List.copyOf(indexes);
    // List.copyOf, not Stream.toList: a ScreeningResult copies any other list (toList's allows
    // nulls), once per screened name.
    this.versions = List.copyOf(indexes.stream().map(ListIndex::version).toList());
    this.matcher = NameMatcher.standard();
    this.cache = cache;
    this.keys = keys;
  }

  /** A screener over prebuilt indexes (build them with {@link ListIndex#build}). */
  public static Screener of(List<ListIndex> indexes) {
    return new Screener(indexes, null);
  }

  /** Builds the indexes of {@code lists}, each with its threshold from {@code thresholds}. */
  public static Screener build(List<SanctionsList> lists, Map<String, Double> thresholds, double defaultThreshold) {
    List<ListIndex> indexes = new ArrayList<>();
    for (SanctionsList list : lists) {
      double t = thresholds.getOrDefault(list.version().listName(), defaultThreshold);
      indexes.add(ListIndex.build(list, t));
    }
    return of(indexes);
  }

  /**
   * The same screener with a bounded cache of name results per normalised name. Results depend
   * only on the name and the list versions, which a screener never changes, so the cache needs
   * no invalidation; evidence (date of birth, country) is applied per payment after the cache.
   */
  public Screener withCache(int maxNames) {
    return new Screener(indexes, new NameCache(maxNames), keys);
  }

  public List<ListVersion> lists() {
    return versions;
  }

  public List<ListIndex> indexes() {
    return indexes;
  }

  /** Screens one name on its own. */
  public ScreeningResult screenName(String name) {
    List<ScreeningHit> hits = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    screenParty(Party.of(PartyRole.NAME, name), hits, incomplete);
    hits.sort(BEST_FIRST);
    return new ScreeningResult(versions, hits, incomplete);
  }

  /**
   * What the blocking index loses, measured: of the list entries a scan of every list name with
   * the same scorer makes hits of these names alone (no index), how many {@link #screenName} finds.
   * Names whose result is cut to the best {@link #MAX_HITS_PER_PARTY_AND_LIST} hits of a list are
   * left out, since an entry missing there is not lost by the index. Slow (every list name is
   * scored per name): for tests and benches, not for payments.
   *
   * @param names at most {@link #MAX_RECALL_NAMES} names
   */
  public IndexRecall recallAgainstBruteForce(List<String> names) {
    if (names.size() > MAX_RECALL_NAMES) {
      throw new IllegalArgumentException("at most " + MAX_RECALL_NAMES + " names, got " + names.size());
    }
    int expected = 0;
    List<String> missed = new ArrayList<>();
    for (String name : names) {
      PreparedName query = matcher.prepare(name);
      ScreeningResult result = screenName(name);
      if (query.isEmpty() || result.hits().size() >= MAX_HITS_PER_PARTY_AND_LIST) {
        continue;
      }
      java.util.Set<String> found = new java.util.HashSet<>();
      result.hits().forEach(h -> found.add(h.listName() + " " + h.entryId()));
      Party party = Party.of(PartyRole.NAME, name);
      Map<String, Double> wanted = new HashMap<>();
      for (ListIndex index : indexes) {
        for (int id = 0; id < index.nameCount(); id++) {
          double nameScore = matcher.score(query, index.name(id));
          double score = nameScore + evidence(party, index.entryOf(id), index.entryName(id), new ArrayList<>());
          if (score >= index.threshold()) {
            wanted.merge(index.version().listName() + " " + index.entryOf(id).id(), nameScore, Math::max);
          }
        }
      }
      for (var e : wanted.entrySet()) {
        expected++;
        if (!found.contains(e.getKey())) {
          missed.add(name + " -> " + e.getKey() + " (name score " + String.format(java.util.Locale.ROOT, "%.3f", e.getValue()) + ")");
        }
      }
    }
    return new IndexRecall(expected, expected - missed.size(), List.copyOf(missed));
  }

  /** Names {@link #recallAgainstBruteForce} takes at once (each costs a scan of every list name). */
  public static final int MAX_RECALL_NAMES = 100_000;

  /**
   * @param expected list entries the scan found over the names
   * @param found of them, those the screener's hits hold
   * @param missed the others, as "name -> list entry (name score)"
   */
  public record IndexRecall(int expected, int found, List<String> missed) {
    public IndexRecall {
      if (found < 0 || found > expected || missed.size() != expected - found) {
        throw new IllegalArgumentException("found " + found + " of " + expected + " with " + missed.size() + " missed");
      }
    }

    /** Found over expected; 1 when nothing was expected. */
    public double recall() {
      return expected == 0 ? 1.0 : found / (double) expected;
    }
  }

  /** Screens every party of a payment: debtor, creditor, ultimate parties, agents. */
  public ScreeningResult screen(List<Party> parties) {
    if (parties.size() > MAX_PARTIES) {
      throw new IllegalArgumentException("at most " + MAX_PARTIES + " parties per screening, got " + parties.size());
    }
    List<ScreeningHit> hits = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    for (Party party : parties) {
      screenParty(party, hits, incomplete);
    }
    hits.sort(BEST_FIRST);
    return new ScreeningResult(versions, hits, incomplete);
  }

  /** Screens one party, adding its hits and its reasons for an incomplete screening. */
  private void screenParty(Party party, List<ScreeningHit> hits, List<String> incomplete) {
    if (party.name().isBlank()) {
      return;
    }
    PreparedName query = matcher.prepare(party.name());
    if (query.normalized().truncated()) {
      incomplete.add(party.role() + " name exceeds " + NameNormalizer.MAX_NAME_CHARS + " characters or "
          + NameNormalizer.MAX_TOKENS + " words and was screened only in part");
    }
    if (query.isEmpty()) {
      if (party.name().strip().length() > 0 && hasLetterOrDigit(party.name())) {
        incomplete.add(party.role() + " name '" + abbreviate(party.name()) + "' has no screenable word");
      }
      return;
    }
    List<List<ListIndex.Candidate>> perIndex = candidates(query);
    for (int i = 0; i < indexes.size(); i++) {
      hitsFor(party, query, indexes.get(i), perIndex.get(i), hits);
    }
  }

  private List<List<ListIndex.Candidate>> candidates(PreparedName query) {
    if (cache != null) {
      String key = query.normalized().key();
      List<List<ListIndex.Candidate>> cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
      List<List<ListIndex.Candidate>> computed = search(query, true);
      cache.put(key, computed);
      return computed;
    }
    return search(query, false);
  }

  /**
   * Each list's candidates; {@code shared} copies them into immutable lists, for the cache that
   * hands them to other threads. Without it they are the searches' own new lists, which only this
   * screening reads (hitsFor does not change them), so the copies per list and name are saved.
   */
  private List<List<ListIndex.Candidate>> search(PreparedName query, boolean shared) {
    List<List<ListIndex.Candidate>> out = new ArrayList<>(indexes.size());
    for (int i = 0; i < indexes.size(); i++) {
      List<ListIndex.Candidate> found = indexes.get(i).search(query, keys, i);
      out.add(shared ? List.copyOf(found) : found);
    }
    return shared ? List.copyOf(out) : out;
  }

  /**
   * Adds to {@code out} the hits of one party on one list: the best candidate of each entry
   * (the first of equal ones), best first, at most {@link #MAX_HITS_PER_PARTY_AND_LIST}. Only
   * those hits are explained (word pairing, evidence in words): a name with a hit has several
   * candidates of the same entry or below the threshold. The explanation is the word pairing the
   * search found when it scored the name (the same words compared again cost more than the rest
   * of this method).
   *
   * <p>The order of equal scores is the one this method always had, when it kept the hits in a
   * {@code HashMap} by entry number and sorted its values (stably) best first: entries in the
   * map's iteration order, which depends only on the order in which the entries were first put.
   * Up to {@link #SMALL_ENTRIES} entries that order is computed (one table of 16 buckets, each
   * in insertion order); beyond, a map with the same insertions gives it.
   */
  private void hitsFor(Party party, PreparedName query, ListIndex index, List<ListIndex.Candidate> candidates,
      List<ScreeningHit> out) {
    int n = candidates.size();
    if (n == 0) {
      return; // most names on most lists
    }
    double threshold = index.threshold();
    int[] entryKeys = null;
    int[] bestCandidate = null;
    double[] bestScore = null; // as the hit keeps it: at most 1
    Map<Integer, Integer> slotOfEntry = null; // past SMALL_ENTRIES entries
    int entries = 0;
    for (int c = 0; c < n; c++) {
      ListIndex.Candidate candidate = candidates.get(c);
      int nameId = candidate.nameId();
      double score = candidate.nameScore() + evidence(party, index.entryOf(nameId), index.entryName(nameId), null);
      if (score < threshold) {
        continue;
      }
      int entryKey = index.entryIndexOf(nameId);
      if (entryKeys == null) {
        entryKeys = new int[n];
        bestCandidate = new int[n];
        bestScore = new double[n];
      }
      int slot;
      if (slotOfEntry == null) {
        slot = 0;
        while (slot < entries && entryKeys[slot] != entryKey) {
          slot++;
        }
      } else {
        Integer known = slotOfEntry.get(entryKey);
        slot = known == null ? entries : known;
      }
      if (slot == entries) {
        assert entries < n : entries + " entries from " + n + " candidates";
        entryKeys[slot] = entryKey;
        entries++;
        if (slotOfEntry != null) {
          slotOfEntry.put(entryKey, slot);
        } else if (entries > SMALL_ENTRIES) {
          slotOfEntry = new HashMap<>();
          for (int e = 0; e < entries; e++) {
            slotOfEntry.put(entryKeys[e], e);
          }
        }
      } else if (bestScore[slot] >= score) {
        continue; // compared as before: the kept hit's score (at most 1) against this one's sum
      }
      bestCandidate[slot] = c;
      bestScore[slot] = Math.min(1.0, score);
    }
    if (entries == 0) {
      return;
    }
    int[] order = new int[entries];
    if (slotOfEntry == null) {
      // Best first; equal scores in the map's order: bucket (entry number spread as
      // HashMap.hash does, of 16), then first insertion (the slot).
      for (int k = 0; k < entries; k++) {
        int slot = k;
        int at = k;
        while (at > 0 && before(slot, order[at - 1], bestScore, entryKeys)) {
          order[at] = order[at - 1];
          at--;
        }
        order[at] = slot;
      }
    } else {
      Integer[] byMap = new Integer[entries];
      int k = 0;
      for (Integer slot : slotOfEntry.values()) {
        byMap[k++] = slot;
      }
      assert k == entries : k + " slots in the map, " + entries + " entries";
      double[] scores = bestScore;
      Arrays.sort(byMap, (x, y) -> Double.compare(scores[y], scores[x])); // stable
      for (k = 0; k < entries; k++) {
        order[k] = byMap[k];
      }
    }
    int kept = Math.min(entries, MAX_HITS_PER_PARTY_AND_LIST);
    for (int k = 0; k < kept; k++) {
      ListIndex.Candidate c = candidates.get(bestCandidate[order[k]]);
      ListEntry entry = index.entryOf(c.nameId());
      EntryName name = index.entryName(c.nameId());
      List<String> evidence = new ArrayList<>(2);
      double score = c.nameScore() + evidence(party, entry, name, evidence);
      assert Math.min(1.0, score) == bestScore[order[k]] : "evidence gave " + score + ", then " + bestScore[order[k]];
      NameMatch match = matcher.match(query, index.name(c.nameId()), c.nameScore(), c.alignment());
      String[] unmatched = new String[match.unmatchedQuery().size() + match.unmatchedList().size()];
      int u = 0;
      for (String w : match.unmatchedQuery()) {
        unmatched[u++] = "screened:" + w;
      }
      for (String w : match.unmatchedList()) {
        unmatched[u++] = "list:" + w;
      }
      out.add(new ScreeningHit(
          party.role(), party.name(), index.version().listName(), index.version().version(), entry.id(),
          entry.reference(), entry.kind(), entry.primaryName().name(), name.name(), name.type(), name.quality(),
          c.nameScore(), Math.min(1.0, score), threshold, match.pairs(), List.of(unmatched),
          evidence.isEmpty() ? List.of() : evidence));
    }
  }

  /** Whether slot x comes before slot y: better score, or equal and first in a 16-bucket HashMap. */
  private static boolean before(int x, int y, double[] score, int[] entryKeys) {
    int byScore = Double.compare(score[y], score[x]);
    if (byScore != 0) {
      return byScore < 0;
    }
    int bucketX = spread(entryKeys[x]) & 15;
    int bucketY = spread(entryKeys[y]) & 15;
    return bucketX != bucketY ? bucketX < bucketY : x < y;
  }

  /** HashMap's spreading of an Integer key's hash. */
  private static int spread(int key) {
    return key ^ key >>> 16;
  }

  /**
   * The score adjustment from the payment's facts about the party, described in {@code out}
   * (null: the adjustment only, for candidates that may not become hits).
   */
  static double evidence(Party party, ListEntry entry, EntryName name, List<String> out) {
    double gain = 0;
    if (name.quality() == EntryName.Quality.LOW) {
      gain += WEAK_ALIAS_LOSS;
      if (out != null) {
        out.add("matched a low-quality alias (" + WEAK_ALIAS_LOSS + ")");
      }
    }
    if (party.birthDate() != null && entry.kind() == EntryKind.PERSON && !entry.birthDates().isEmpty()) {
      BirthDate.Agreement best = BirthDate.Agreement.DIFFERENT;
      for (BirthDate d : entry.birthDates()) {
        BirthDate.Agreement a = d.compare(party.birthDate());
        if (a.ordinal() < best.ordinal()) {
          best = a;
        }
      }
      gain += switch (best) {
        case SAME_DAY -> DOB_SAME_DAY_GAIN;
        case SAME_YEAR -> DOB_SAME_YEAR_GAIN;
        case NEAR -> 0;
        case DIFFERENT -> DOB_DIFFERENT_LOSS;
      };
      if (out != null) {
        String listed = String.join(", ", entry.birthDates().stream().map(BirthDate::format).toList());
        out.add(switch (best) {
          case SAME_DAY -> "date of birth " + party.birthDate() + " equals the listed " + listed + " (+" + DOB_SAME_DAY_GAIN + ")";
          case SAME_YEAR -> "year of birth " + party.birthDate().getYear() + " agrees with the listed " + listed + " (+" + DOB_SAME_YEAR_GAIN + ")";
          case NEAR -> "date of birth " + party.birthDate() + " is near the listed " + listed + " (no change)";
          case DIFFERENT -> "date of birth " + party.birthDate() + " differs from the listed " + listed + " (" + DOB_DIFFERENT_LOSS + ")";
        });
      }
    }
    if (party.countryCode() != null && entry.countries().contains(party.countryCode())) {
      gain += COUNTRY_GAIN;
      if (out != null) {
        out.add("country " + party.countryCode() + " is among the listed " + entry.countries() + " (+" + COUNTRY_GAIN + ")");
      }
    }
    return gain;
  }

  private static boolean hasLetterOrDigit(String s) {
    return s.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  /**
   * A bounded map from normalised name to its per-list candidates. When full it is cleared: a
   * simple bound with no bookkeeping on the hot path; the node's working set refills it quickly.
   */
  private static final class NameCache {
    private final int maxNames;
    private final ConcurrentHashMap<String, List<List<ListIndex.Candidate>>> map = new ConcurrentHashMap<>();

    NameCache(int maxNames) {
      if (maxNames < 1 || maxNames > 10_000_000) {
        throw new IllegalArgumentException("name cache size must be in [1, 10000000]: " + maxNames);
      }
      this.maxNames = maxNames;
    }

    List<List<ListIndex.Candidate>> get(String key) {
      return map.get(key);
    }

    void put(String key, List<List<ListIndex.Candidate>> value) {
      if (map.size() >= maxNames) {
        map.clear();
      }
      map.put(key, value);
    }
  }

  @Override
  public String toString() {
    return "Screener" + versions.stream().map(ListVersion::label).toList();
  }
}
