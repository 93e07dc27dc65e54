package org.rialto.compliance.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rialto.compliance.lists.EntryName;
import org.rialto.compliance.lists.ListEntry;
import org.rialto.compliance.lists.ListVersion;
import org.rialto.compliance.lists.SanctionsList;
import org.rialto.compliance.match.NameMatcher;
import org.rialto.compliance.match.PreparedName;
import org.rialto.compliance.text.NameNormalizer;
import org.rialto.compliance.text.NameToken;
import org.rialto.compliance.text.Phonetic;

/**
 * The screening index of one list version: every name and alias prepared once, an inverted index
 * of blocking keys (see {@link BlockingKeys}), and the keys of every word.
 *
 * <p>A list name becomes a candidate only through one of its "deciding" words: the fewest of its
 * heaviest words without which it cannot reach the threshold (prefix filtering). "Mohammad Ali
 * Rezaei" is found through Rezaei, not through every name containing Mohammad; a query looks up
 * all its words, so no match is lost to the filter. The keys of the other words sit in a second
 * index that is read only to complete what the candidates hit. Each candidate then goes through
 * gates, each dearer and tighter than the one before:
 *
 * <ol>
 *   <li>gate 0, from the postings alone: the weight of the words on either side that share a key
 *       bounds the score;
 *   <li>gate 1: the same with the word pairs the query writes as one word or as two;
 *   <li>gate 2: the same bound counting only key-sharing pairs whose similarity really reaches
 *       the word threshold;
 *   <li>the full {@link NameMatcher} score.
 * </ol>
 *
 * <p>Immutable after construction and safe for concurrent screening; scratch space is per thread.
 */
public final class ListIndex {
  /** The most a name's score can gain from supporting evidence (date of birth, country). */
  static final double MAX_EVIDENCE_GAIN = Screener.DOB_SAME_DAY_GAIN + Screener.COUNTRY_GAIN;
  private static final int TOKEN_BITS = 4;
  private static final int HIT_STRIDE = 4;
  private static final int WALK_SLACK = 32;
  private static final int STAMP = 0;
  /** Low 16 bits: list words hit; high 16 bits: their summed shares (at most 16 * 255). */
  private static final int LIST_HITS = 1;
  /** Low 16 bits: query words whose keys hit; high 16 bits: list pairs hit by a joined key. */
  private static final int QUERY_HITS = 2;
  /** Query words whose keys hit a joined pair. */
  private static final int JOINED_QUERY_WORDS = 3;
  private static final int TOKEN_MASK = (1 << TOKEN_BITS) - 1;
  /**
   * Posting layout (a long): name id in the high 32 bits; the word's share of the name's weight
   * in bits 8-15 (rounded up to 1/255, so sums of shares bound from above); a joined-key flag in
   * bit 4; the word index in bits 0-3.
   */
  private static final long JOINED_FLAG = 1L << TOKEN_BITS;
  private static final int SHARE_SHIFT = 8;
  private static final int SHARE_SCALE = 255;
  private static final int MAX_NAMES = Integer.MAX_VALUE / HIT_STRIDE - 1;
  /** Query keys per screening: every word's keys plus the joined keys of neighbours. */
  private static final int MAX_QUERY_KEYS = NameNormalizer.MAX_TOKENS * (BlockingKeys.MAX_KEYS_PER_WORD + 2);
  private static final int KEY_TABLE_SIZE = Integer.highestOneBit(MAX_QUERY_KEYS) << 2;
  /** Two Latin words pair only if 0.6 * phonetic + 0.4 * Jaro-Winkler reaches 0.8: phonetic >= 2/3. */
  private static final double LATIN_PHONETIC_NEEDED = 2.0 / 3.0;
  /** From this phonetic similarity on, Jaro-Winkler needs only 0.5 to reach the word threshold. */
  private static final double JARO_WINKLER_UNNEEDED = 1.0;

  static {
    if (NameNormalizer.MAX_TOKENS > 1 << TOKEN_BITS) {
      throw new AssertionError("postings hold a word index in " + TOKEN_BITS + " bits");
    }
  }

  private final SanctionsList list;
  private final double threshold;
  private final double candidateMinScore;
  private final NameMatcher matcher;
  private final PreparedName[] names;
  private final int[] entryOfName;
  private final EntryName[] entryNames;
  /** Index of a name's first word in {@link #wordKeyStart}. */
  private final int[] firstWord;
  /** Keys of word w are {@code wordKeys[wordKeyStart[w] .. wordKeyStart[w + 1])}. */
  private final int[] wordKeyStart;
  private final long[] wordKeys;
  /** Per word w: the key of w and the next word written as one (0 for a name's last word). */
  private final long[] pairKey;
  // Per word and per name, flat: the first gate reads only these, never the name objects, so a
  // rejected candidate costs no cache miss beyond its array slots.
  private final double[] wordWeight;
  private final char[] wordFirstLetter;
  private final boolean[] wordIsInitial;
  // Gate 2 data per word: packed skeletons (-1: too long, use the word object), canonical family.
  private final long[] wordSkeleton;
  private final long[] wordCoreSkeleton;
  /** Bits 0-7 skeleton length, 8-15 core skeleton length, bit 16 abjad, bit 17 has a core. */
  private final int[] wordShape;
  private final int[] wordCanonical;
  private final java.util.Map<String, Integer> canonicalIds;
  private final double[] nameWeight;
  /**
   * Per name: the share of its weight outside its indexed words (bits 0-15, rounded up to
   * 1/65535) and how many such words it has (bits 16-23): what gate 0 cannot see in postings.
   */
  private final int[] nameRest;
  /**
   * Per name, two longs: a 64-bit signature (Bloom filter) of the keys of its secondary words,
   * and the share of its weight those words carry (rounded up to 1/65535). When a query key's
   * secondary postings are too long to walk, gate 0 asks the signature instead.
   */
  private final long[] nameSecondary;
  private final Postings postings;
  /** The keys of every other word: read only to complete what candidates hit. */
  private final Postings secondary;
  private final ThreadLocal<Scratch> scratch;

  /** A list name that may reach the threshold, with its name score. */
  record Candidate(int nameId, double nameScore) {}

  private static final class Scratch {
    /**
     * Per candidate, interleaved so that one cache line holds it: stamp, list words hit, query
     * words hit, summed shares, joined pairs, query words of joined pairs.
     */
    final int[] hits;
    final int[] candidates;
    final long[] queryKeys = new long[MAX_QUERY_KEYS];
    /** The query words (bit mask) each query key belongs to. */
    final int[] queryKeyWords = new int[MAX_QUERY_KEYS];
    final long[] wordBuffer = new long[BlockingKeys.MAX_KEYS_PER_WORD];
    /** Open-addressing set of the query's keys: key, word mask (word keys), word mask (joined keys). */
    final long[] keyTable = new long[KEY_TABLE_SIZE];
    final int[] wordMaskTable = new int[KEY_TABLE_SIZE];
    final int[] joinedMaskTable = new int[KEY_TABLE_SIZE];
    final int[] usedSlots = new int[MAX_QUERY_KEYS];
    int usedCount;
    final long[] querySkeleton = new long[NameNormalizer.MAX_TOKENS];
    final long[] queryCoreSkeleton = new long[NameNormalizer.MAX_TOKENS];
    final int[] queryShape = new int[NameNormalizer.MAX_TOKENS];
    final int[] queryCanonical = new int[NameNormalizer.MAX_TOKENS];
    /** Query keys whose secondary postings were not walked: their signature bits and words. */
    final long[] unresolvedBits = new long[MAX_QUERY_KEYS];
    final int[] unresolvedWords = new int[MAX_QUERY_KEYS];
    int unresolvedCount;
    final int[] sharing = new int[NameNormalizer.MAX_TOKENS];
    final int[] sharingJoined = new int[NameNormalizer.MAX_TOKENS];
    /** Gate 2's order of a candidate's key-sharing words: heaviest first. */
    final int[] verifyOrder = new int[NameNormalizer.MAX_TOKENS];
    int generation;

    Scratch(int names) {
      hits = new int[names * HIT_STRIDE];
      candidates = new int[names];
    }
  }

  private ListIndex(SanctionsList list, double threshold, NameMatcher matcher, List<PreparedName> names,
      int[] entryOfName, List<EntryName> entryNames, int[] firstWord, int[] wordKeyStart, long[] wordKeys,
      long[] pairKey, int[] nameRest, long[] nameSecondary, Postings postings, Postings secondary) {
    this.nameSecondary = nameSecondary;
    this.secondary = secondary;
    this.pairKey = pairKey;
    int words = wordKeyStart.length - 1;
    this.wordWeight = new double[words];
    this.wordFirstLetter = new char[words];
    this.wordIsInitial = new boolean[words];
    this.wordSkeleton = new long[words];
    this.wordCoreSkeleton = new long[words];
    this.wordShape = new int[words];
    this.wordCanonical = new int[words];
    java.util.Map<String, Integer> ids = new java.util.HashMap<>();
    this.nameWeight = new double[names.size()];
    this.nameRest = nameRest;
    for (int nameId = 0; nameId < names.size(); nameId++) {
      PreparedName name = names.get(nameId);
      if (firstWord[nameId + 1] - firstWord[nameId] != name.size()) {
        throw new IllegalStateException("word table out of step with name " + nameId);
      }
      nameWeight[nameId] = name.totalWeight();
      for (int t = 0; t < name.size(); t++) {
        int w = firstWord[nameId] + t;
        NameToken token = name.token(t);
        wordWeight[w] = name.weight(t);
        wordFirstLetter[w] = token.core().charAt(0);
        wordIsInitial[w] = token.initial();
        wordSkeleton[w] = Phonetic.pack(token.skeleton());
        wordCoreSkeleton[w] = Phonetic.pack(token.coreSkeleton());
        wordShape[w] = shape(token);
        wordCanonical[w] = token.canonical() == null ? -1 : ids.computeIfAbsent(token.canonical(), k -> ids.size());
      }
    }
    this.canonicalIds = java.util.Map.copyOf(ids);
    this.list = list;
    this.threshold = threshold;
    this.candidateMinScore = threshold - MAX_EVIDENCE_GAIN;
    this.matcher = matcher;
    this.names = names.toArray(new PreparedName[0]);
    this.entryOfName = entryOfName;
    this.entryNames = entryNames.toArray(new EntryName[0]);
    this.firstWord = firstWord;
    this.wordKeyStart = wordKeyStart;
    this.wordKeys = wordKeys;
    this.postings = postings;
    int count = this.names.length;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(count));
  }

  /**
   * Every name and alias of the list prepared for matching, in list order. Preparing (Unicode
   * normalisation, transliteration, phonetic keys) is most of the build and each name is
   * independent, so it runs on all cores: a node starts screening sooner.
   */
  private static PreparedName[] prepareAll(List<ListEntry> entries, NameMatcher matcher) {
    List<String> raw = new ArrayList<>();
    for (ListEntry entry : entries) {
      for (EntryName n : entry.names()) {
        raw.add(n.name());
      }
    }
    PreparedName[] prepared = new PreparedName[raw.size()];
    java.util.stream.IntStream.range(0, prepared.length).parallel().forEach(i -> prepared[i] = matcher.prepare(raw.get(i)));
    for (int i = 0; i < prepared.length; i++) {
      if (prepared[i] == null) {
        throw new IllegalStateException("name " + i + " of the list was not prepared");
      }
    }
    return prepared;
  }

  public static ListIndex build(SanctionsList list, double threshold) {
    return build(list, threshold, NameMatcher.standard());
  }

  static ListIndex build(SanctionsList list, double threshold, NameMatcher matcher) {
    if (!(threshold >= ListPolicy.MIN_THRESHOLD && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in [" + ListPolicy.MIN_THRESHOLD + ", 1]: " + threshold);
    }
    double minScore = threshold - MAX_EVIDENCE_GAIN;
    // score <= (coverageA + coverageB) / 2 <= (1 + coverageB) / 2, so a match covers at least
    // this share of the list name's weight.
    double minCoverage = Math.max(0, 2 * minScore - 1);
    List<PreparedName> names = new ArrayList<>();
    IntList entryOfName = new IntList();
    List<EntryName> entryNames = new ArrayList<>();
    IntList firstWord = new IntList();
    IntList wordKeyStart = new IntList();
    LongList allWordKeys = new LongList();
    LongList pairKeys = new LongList();
    IntList nameRest = new IntList();
    LongList nameSecondary = new LongList();
    Postings.Builder builder = new Postings.Builder();
    Postings.Builder secondaryBuilder = new Postings.Builder();
    long[] keys = new long[BlockingKeys.MAX_KEYS_PER_WORD];
    List<ListEntry> entries = list.entries();
    PreparedName[] preparedNames = prepareAll(entries, matcher);
    int flat = 0;
    for (int e = 0; e < entries.size(); e++) {
      for (EntryName n : entries.get(e).names()) {
        PreparedName prepared = preparedNames[flat++];
        if (prepared.isEmpty()) {
          continue;
        }
        int nameId = names.size();
        if (nameId >= MAX_NAMES) {
          throw new IllegalArgumentException(list.version().label() + " has more than " + MAX_NAMES + " names");
        }
        names.add(prepared);
        entryOfName.add(e);
        entryNames.add(n);
        firstWord.add(wordKeyStart.size());
        boolean[] deciding = decidingWords(prepared, minCoverage);
        double restWeight = 0;
        int restWords = 0;
        long signature = 0;
        double secondaryWeight = 0;
        for (int t = 0; t < prepared.size(); t++) {
          wordKeyStart.add(allWordKeys.size());
          int count = BlockingKeys.wordKeys(prepared.token(t), keys, 0);
          if (count == 0) {
            restWeight += prepared.weight(t);
            restWords++;
            if (deciding[t] && prepared.token(t).initial()) {
              // A name whose initials decide ("T.M.G. Engineering", "B.O.T.H.") is reached through
              // them; its weight stays in the rest too, which only loosens gate 0's bound.
              builder.add(BlockingKeys.initialKey(prepared.token(t).text().charAt(0)),
                  posting(nameId, share(prepared.weight(t), prepared), 0, t));
            }
          }
          for (int k = 0; k < count; k++) {
            allWordKeys.add(keys[k]);
            long posting = posting(nameId, share(prepared.weight(t), prepared), 0, t);
            if (deciding[t]) {
              builder.add(keys[k], posting);
            } else {
              secondaryBuilder.add(keys[k], posting);
              signature |= signatureBits(keys[k]);
            }
          }
          if (count > 0 && !deciding[t]) {
            secondaryWeight += prepared.weight(t);
          }
        }
        nameRest.add(restWords << 16 | (int) Math.min(65535, Math.ceil(restWeight / prepared.totalWeight() * 65535)));
        for (int t = 0; t < prepared.size(); t++) {
          int count = t + 1 < prepared.size() ? BlockingKeys.joinedKeys(prepared.token(t), prepared.token(t + 1), keys, 0) : 0;
          pairKeys.add(count == 0 ? 0 : keys[0]);
          if (count > 0) {
            double both = prepared.weight(t) + prepared.weight(t + 1);
            long posting = posting(nameId, share(both, prepared), JOINED_FLAG, t);
            if (deciding[t] || deciding[t + 1]) {
              builder.add(keys[0], posting);
            } else {
              secondaryBuilder.add(keys[0], posting);
              signature |= signatureBits(keys[0]);
              secondaryWeight += 0; // both words are already counted as secondary words
            }
          }
        }
        // Stored after the joined keys: their bits belong in the signature too, or gate 0 would
        // not see a joined secondary key it did not walk.
        nameSecondary.add(signature);
        nameSecondary.add((long) Math.min(65535, Math.ceil(secondaryWeight / prepared.totalWeight() * 65535)));
      }
    }
    firstWord.add(wordKeyStart.size());
    wordKeyStart.add(allWordKeys.size());
    return new ListIndex(list, threshold, matcher, names, entryOfName.toArray(), entryNames, firstWord.toArray(),
        wordKeyStart.toArray(), allWordKeys.toArray(), pairKeys.toArray(), nameRest.toArray(), nameSecondary.toArray(),
        builder.build(),
        secondaryBuilder.build());
  }

  /** Adds one posting to a candidate's hits. */
  private static void record(int[] hits, int h, long posting, int queryWords) {
    int word = (int) (posting & TOKEN_MASK);
    boolean joined = (posting & JOINED_FLAG) != 0;
    int bit = joined ? 3 << word : 1 << word;
    int listHits = hits[h + LIST_HITS];
    if ((listHits & bit) != bit) {
      hits[h + LIST_HITS] = (listHits | bit) + ((int) (posting >>> SHARE_SHIFT) & 0xFF) * (1 << 16);
    }
    hits[h + QUERY_HITS] |= queryWords | (joined ? 1 << (word + 16) : 0);
    if (joined) {
      hits[h + JOINED_QUERY_WORDS] |= queryWords;
    }
  }

  /** Two bits of a 64-bit signature for a key. */
  private static long signatureBits(long key) {
    return 1L << (key & 63) | 1L << ((key >>> 6) & 63);
  }

  private static int share(double weight, PreparedName name) {
    return (int) Math.min(SHARE_SCALE, Math.ceil(weight / name.totalWeight() * SHARE_SCALE));
  }

  private static long posting(int nameId, int share, long flag, int word) {
    return (long) nameId << 32 | (long) share << SHARE_SHIFT | flag | word;
  }

  /**
   * The heaviest words whose absence would leave less than {@code minCoverage} of the name's
   * weight: at least one of them must match for the name to reach the threshold.
   */
  static boolean[] decidingWords(PreparedName name, double minCoverage) {
    int n = name.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(name.weight(y), name.weight(x)));
    boolean[] deciding = new boolean[n];
    double rest = name.totalWeight();
    double limit = minCoverage * name.totalWeight();
    for (int k = 0; k < n && rest >= limit; k++) {
      deciding[order[k]] = true;
      rest -= name.weight(order[k]);
    }
    return deciding;
  }

  public ListVersion version() {
    return list.version();
  }

  public SanctionsList list() {
    return list;
  }

  public double threshold() {
    return threshold;
  }

  public int nameCount() {
    return names.length;
  }

  ListEntry entryOf(int nameId) {
    return list.entries().get(entryOfName[nameId]);
  }

  int entryIndexOf(int nameId) {
    return entryOfName[nameId];
  }

  EntryName entryName(int nameId) {
    return entryNames[nameId];
  }

  /** A list name as prepared for matching (what a brute-force scan would score against). */
  public PreparedName name(int nameId) {
    return names[nameId];
  }

  /** List names whose name score may reach the threshold once evidence is added, best first. */
  List<Candidate> search(PreparedName query) {
    if (query.isEmpty()) {
      return List.of();
    }
    Scratch s = scratch.get();
    s.generation++;
    if (s.generation == Integer.MAX_VALUE) {
      Arrays.fill(s.hits, 0);
      s.generation = 1;
    }
    int generation = s.generation;
    int wordKeyCount = 0;
    for (int t = 0; t < query.size(); t++) {
      int count = BlockingKeys.wordKeys(query.token(t), s.wordBuffer, 0);
      for (int k = 0; k < count; k++) {
        s.queryKeys[wordKeyCount] = s.wordBuffer[k];
        s.queryKeyWords[wordKeyCount++] = 1 << t;
      }
      s.queryKeys[wordKeyCount] = BlockingKeys.initialKey(query.token(t).core().charAt(0));
      s.queryKeyWords[wordKeyCount++] = 1 << t;
    }
    int keyCount = wordKeyCount;
    for (int t = 0; t + 1 < query.size(); t++) {
      int count = BlockingKeys.joinedKeys(query.token(t), query.token(t + 1), s.wordBuffer, 0);
      for (int k = 0; k < count; k++) {
        s.queryKeys[keyCount] = s.wordBuffer[k];
        s.queryKeyWords[keyCount++] = 3 << t;
      }
    }
    fillKeyTable(s, wordKeyCount, keyCount);
    for (int t = 0; t < query.size(); t++) {
      NameToken token = query.token(t);
      s.querySkeleton[t] = Phonetic.pack(token.skeleton());
      s.queryCoreSkeleton[t] = Phonetic.pack(token.coreSkeleton());
      s.queryShape[t] = shape(token);
      // A family no list word has is still a family: it differs from every listed one.
      s.queryCanonical[t] = token.canonical() == null ? -1 : canonicalIds.getOrDefault(token.canonical(), Integer.MAX_VALUE);
    }
    int candidateCount = 0;
    long[] posted = postings.postings();
    for (int k = 0; k < keyCount; k++) {
      int slot = postings.slot(s.queryKeys[k]);
      if (slot < 0) {
        continue;
      }
      int queryWords = s.queryKeyWords[k];
      for (int p = postings.start(slot), end = postings.end(slot); p < end; p++) {
        long posting = posted[p];
        int nameId = (int) (posting >>> 32);
        int h = nameId * HIT_STRIDE;
        if (s.hits[h + STAMP] != generation) {
          s.hits[h + STAMP] = generation;
          s.hits[h + LIST_HITS] = 0;
          s.hits[h + QUERY_HITS] = 0;
          s.hits[h + JOINED_QUERY_WORDS] = 0;
          s.candidates[candidateCount++] = nameId;
        }
        record(s.hits, h, posting, queryWords);
      }
    }
    s.unresolvedCount = 0;
    if (candidateCount > 0) {
      long[] more = secondary.postings();
      // A secondary list much longer than the candidates costs more to walk (one random read
      // per posting) than the candidates cost to check against its signature.
      int walkLimit = 2 * candidateCount + WALK_SLACK;
      for (int k = 0; k < keyCount; k++) {
        int slot = secondary.slot(s.queryKeys[k]);
        if (slot < 0) {
          continue;
        }
        int queryWords = s.queryKeyWords[k];
        if (secondary.end(slot) - secondary.start(slot) > walkLimit) {
          s.unresolvedBits[s.unresolvedCount] = signatureBits(s.queryKeys[k]);
          s.unresolvedWords[s.unresolvedCount++] = queryWords;
          continue;
        }
        for (int p = secondary.start(slot), end = secondary.end(slot); p < end; p++) {
          long posting = more[p];
          int nameId = (int) (posting >>> 32);
          int h = nameId * HIT_STRIDE;
          if (s.hits[h + STAMP] != generation) {
            continue; // not a candidate: a secondary word alone never decides a match
          }
          record(s.hits, h, posting, queryWords);
        }
      }
    }
    List<Candidate> out = new ArrayList<>();
    // An initial of the query ("A. Rudenko") may pair with an indexed word no key hit: gate 0
    // cannot see that, so such rare queries skip it.
    boolean gateZero = !hasInitial(query);
    for (int c = 0; c < candidateCount; c++) {
      int nameId = s.candidates[c];
      if (gateZero && !passesGateZero(query, nameId, s)) {
        continue;
      }

      int h = nameId * HIT_STRIDE;
      if (!passesGates(query, nameId, s, wordKeyCount, keyCount, s.hits[h + QUERY_HITS] >>> 16,
          s.hits[h + JOINED_QUERY_WORDS])) {
        continue;
      }
      PreparedName name = names[nameId];
      double score = matcher.score(query, name);
      if (score >= candidateMinScore) {
        out.add(new Candidate(nameId, score));
      }
    }
    out.sort((x, y) -> Double.compare(y.nameScore(), x.nameScore()));
    return out;
  }

  /**
   * Gate 0, from the postings alone and one int per name: the indexed words hit, plus whatever
   * the unindexed words could add (all their weight, and as many of the query's heaviest other
   * words).
   */
  private boolean passesGateZero(PreparedName query, int nameId, Scratch s) {
    int rest = nameRest[nameId];
    int restWords = rest >>> 16;
    int h = nameId * HIT_STRIDE;
    double listShare = ((s.hits[h + LIST_HITS] >>> 16) / (double) SHARE_SCALE) + (rest & 0xFFFF) / 65535.0;
    int queryMask = s.hits[h + QUERY_HITS] & 0xFFFF;
    if (s.unresolvedCount > 0) {
      long signature = nameSecondary[2 * nameId];
      int maybe = 0;
      for (int u = 0; u < s.unresolvedCount; u++) {
        long bits = s.unresolvedBits[u];
        if ((signature & bits) == bits) {
          maybe |= s.unresolvedWords[u];
        }
      }
      if ((maybe & ~queryMask) != 0) {
        // Some secondary word may share a key we did not walk: count them all, to stay an upper bound.
        queryMask |= maybe;
        listShare += nameSecondary[2 * nameId + 1] / 65535.0;
      }
    }
    double queryShare = covered(query, queryMask);
    if (restWords > 0) {
      queryShare += heaviestOutside(query, queryMask, restWords) / query.totalWeight();
    }
    return 0.5 * (Math.min(1.0, queryShare) + Math.min(1.0, listShare)) >= candidateMinScore - 1e-9;
  }

  private static boolean hasInitial(PreparedName query) {
    for (int i = 0; i < query.size(); i++) {
      if (query.token(i).initial()) {
        return true;
      }
    }
    return false;
  }

  /** Sum of the {@code count} heaviest query weights outside {@code mask}. */
  private static double heaviestOutside(PreparedName query, int mask, int count) {
    double sum = 0;
    int used = mask;
    for (int taken = 0; taken < count; taken++) {
      int best = -1;
      for (int i = 0; i < query.size(); i++) {
        if ((used & (1 << i)) == 0 && (best < 0 || query.weight(i) > query.weight(best))) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      used |= 1 << best;
      sum += query.weight(best);
    }
    return sum;
  }

  /** Gates 1 and 2: bounds from key-sharing words, then from truly similar key-sharing pairs. */
  private boolean passesGates(PreparedName query, int nameId, Scratch s, int wordKeyCount,
      int queryKeyCount, int joinedPairs, int joinedQueryWords) {
    int base = firstWord[nameId];
    int size = firstWord[nameId + 1] - base;
    // Two words of the list name the query writes as one ("Gholam Reza" / "Gholamreza").
    for (int t = 0; t + 1 < size; t++) {
      long key = pairKey[base + t];
      if (key != 0) {
        int slot = findKey(s, key);
        if (slot >= 0 && s.wordMaskTable[slot] != 0) {
          joinedPairs |= 1 << t;
          joinedQueryWords |= s.wordMaskTable[slot];
        }
      }
    }
    int queryMask = 0;
    double listCovered = 0;
    for (int t = 0; t < size; t++) {
      int w = base + t;
      int sharing = 0;
      int sharingJoined = 0;
      if (wordIsInitial[w]) {
        sharing = initialPartners(wordFirstLetter[w], query);
      } else {
        for (int k = wordKeyStart[w], end = wordKeyStart[w + 1]; k < end; k++) {
          int slot = findKey(s, wordKeys[k]);
          if (slot >= 0) {
            sharing |= s.wordMaskTable[slot];
            sharingJoined |= s.joinedMaskTable[slot];
          }
        }
      }
      s.sharing[t] = sharing;
      s.sharingJoined[t] = sharingJoined;
      // A word of a pair the query wrote as one word ("Gazprom Neft" / "Gazpromneft").
      boolean inJoinedPair = (joinedPairs & (1 << t)) != 0 || t > 0 && (joinedPairs & (1 << (t - 1))) != 0;
      if ((sharing | sharingJoined) != 0 || inJoinedPair) {
        queryMask |= sharing | sharingJoined;
        listCovered += wordWeight[w];
      }
    }
    queryMask |= joinedQueryWords;
    int queryInitials = queryInitialsCovered(query, base, size);
    double queryBound = covered(query, queryMask | queryInitials);
    if (0.5 * (queryBound + listCovered / nameWeight[nameId]) < candidateMinScore) {
      return false;
    }
    PreparedName name = names[nameId];
    int verifiedList = 0;
    int verifiedQuery = 0;
    // Heaviest words first: a non-matching candidate usually fails on its heaviest word, and once
    // the words still unverified cannot lift the bound to the threshold the rest need no check.
    int toVerify = 0;
    for (int t = 0; t < size; t++) {
      if ((s.sharing[t] | s.sharingJoined[t]) == 0) {
        continue;
      }
      int at = toVerify++;
      while (at > 0 && wordWeight[base + s.verifyOrder[at - 1]] < wordWeight[base + t]) {
        s.verifyOrder[at] = s.verifyOrder[at - 1];
        at--;
      }
      s.verifyOrder[at] = t;
    }
    double listBound = listCovered;
    for (int o = 0; o < toVerify; o++) {
      int t = s.verifyOrder[o];
      int sharing = s.sharing[t];
      int verified = 0;
      for (int i = 0; sharing != 0 && i < query.size(); i++) {
        if ((sharing & (1 << i)) != 0 && mayPair(s, query, i, name, t, base + t)) {
          verified |= 1 << i;
        }
      }
      int joined = s.sharingJoined[t];
      for (int i = 0; joined != 0 && i + 1 < query.size(); i++) {
        if ((joined & (3 << i)) == 3 << i
            && NameMatcher.joinedSimilarity(name.token(t), query.token(i), query.token(i + 1)) >= NameMatcher.JOINED_MIN_SIMILARITY) {
          verified |= 3 << i;
        }
      }
      if (verified != 0) {
        verifiedList |= 1 << t;
        verifiedQuery |= verified;
      } else if ((joinedPairs & (1 << t)) == 0 && (t == 0 || (joinedPairs & (1 << (t - 1))) == 0)) {
        // Verified words only ever come from the words counted in listCovered and the query
        // words in queryBound, so this stays an upper bound of the final score; the margin
        // absorbs rounding between subtracting here and summing at the end.
        listBound -= wordWeight[base + t];
        if (0.5 * (queryBound + listBound / nameWeight[nameId]) < candidateMinScore - 1e-9) {
          return false;
        }
      }
    }
    for (int t = 0; joinedPairs != 0 && t + 1 < size; t++) {
      if ((joinedPairs & (1 << t)) == 0) {
        continue;
      }
      int pairLength = (wordShape[base + t] & 0xFF) + (wordShape[base + t + 1] & 0xFF);
      for (int i = 0; i < query.size(); i++) {
        if ((joinedQueryWords & (1 << i)) != 0
            && Math.abs((s.queryShape[i] & 0xFF) - pairLength) <= 2
            && NameMatcher.joinedSimilarity(query.token(i), name.token(t), name.token(t + 1))
            >= NameMatcher.JOINED_MIN_SIMILARITY) {
          verifiedQuery |= 1 << i;
          verifiedList |= 3 << t;
        }
      }
    }
    double verifiedListWeight = 0;
    for (int t = 0; t < size; t++) {
      if ((verifiedList & (1 << t)) != 0) {
        verifiedListWeight += wordWeight[base + t];
      }
    }
    return 0.5 * (covered(query, verifiedQuery | queryInitials) + verifiedListWeight / nameWeight[nameId])
        >= candidateMinScore;
  }

  private static void fillKeyTable(Scratch s, int wordKeyCount, int keyCount) {
    for (int u = 0; u < s.usedCount; u++) {
      s.keyTable[s.usedSlots[u]] = 0;
    }
    s.usedCount = 0;
    int mask = KEY_TABLE_SIZE - 1;
    for (int q = 0; q < keyCount; q++) {
      long key = s.queryKeys[q] == 0 ? 1 : s.queryKeys[q];
      int slot = (int) (key ^ (key >>> 32)) & mask;
      while (s.keyTable[slot] != 0 && s.keyTable[slot] != key) {
        slot = (slot + 1) & mask;
      }
      if (s.keyTable[slot] == 0) {
        s.keyTable[slot] = key;
        s.wordMaskTable[slot] = 0;
        s.joinedMaskTable[slot] = 0;
        s.usedSlots[s.usedCount++] = slot;
      }
      if (q < wordKeyCount) {
        s.wordMaskTable[slot] |= s.queryKeyWords[q];
      } else {
        s.joinedMaskTable[slot] |= s.queryKeyWords[q];
      }
    }
  }

  private static int findKey(Scratch s, long key) {
    long k = key == 0 ? 1 : key;
    int mask = KEY_TABLE_SIZE - 1;
    int slot = (int) (k ^ (k >>> 32)) & mask;
    while (true) {
      long at = s.keyTable[slot];
      if (at == k) {
        return slot;
      }
      if (at == 0) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private static int shape(NameToken token) {
    return Math.min(255, token.skeleton().length()) | Math.min(255, token.coreSkeleton().length()) << 8
        | (token.abjad() ? 1 << 16 : 0) | (token.hasCore() ? 1 << 17 : 0);
  }

  /**
   * Gate 2's test of one word pair: true unless the pair surely falls short of the word
   * threshold. The flat arrays settle most pairs (same or different variant family, phonetic
   * distance too large); Latin pairs that come close are settled by the matcher itself. Pairs
   * with equal skeletons pass without Jaro-Winkler, so the test never refuses a pair the full
   * score would accept.
   */
  private boolean mayPair(Scratch s, PreparedName query, int i, PreparedName name, int t, int w) {
    int queryCanonical = s.queryCanonical[i];
    if (queryCanonical >= 0 && wordCanonical[w] >= 0) {
      return queryCanonical == wordCanonical[w];
    }
    long qs = s.querySkeleton[i];
    long ws = wordSkeleton[w];
    if (qs < 0 || ws < 0 || wordIsInitial[w] || query.token(i).initial()) {
      return NameMatcher.wordSimilarity(query.token(i), name.token(t)) >= NameMatcher.WORD_MIN_SIMILARITY;
    }
    int qShape = s.queryShape[i];
    int wShape = wordShape[w];
    boolean latin = ((qShape | wShape) & 1 << 16) == 0;
    double needed = latin ? LATIN_PHONETIC_NEEDED : NameMatcher.WORD_MIN_SIMILARITY;
    double p = Phonetic.similarityPacked(qs, qShape & 0xFF, ws, wShape & 0xFF, needed);
    if (p < 1.0 && ((qShape | wShape) & 1 << 17) != 0) {
      long qc = s.queryCoreSkeleton[i];
      long wc = wordCoreSkeleton[w];
      if (qc < 0 || wc < 0) {
        return NameMatcher.wordSimilarity(query.token(i), name.token(t)) >= NameMatcher.WORD_MIN_SIMILARITY;
      }
      p = Math.max(p, Phonetic.similarityPacked(qc, qShape >>> 8 & 0xFF, wc, wShape >>> 8 & 0xFF, needed));
    }
    if (p < needed - 1e-9) {
      return false;
    }
    if (!latin || p >= JARO_WINKLER_UNNEEDED) {
      return true;
    }
    // Near Latin skeletons: Jaro-Winkler over the vowel-keeping forms decides (Chen / Chan).
    double jw = NameMatcher.jaroWinkler(query.token(i).vowelKey(), name.token(t).vowelKey());
    return NameMatcher.blend(p, jw) >= NameMatcher.WORD_MIN_SIMILARITY - 1e-9;
  }

  /** Query words an initial of the list name may stand for (same first letter), or equal initials. */
  private static int initialPartners(char letter, PreparedName query) {
    int mask = 0;
    for (int i = 0; i < query.size(); i++) {
      NameToken q = query.token(i);
      if (q.core().charAt(0) == letter) {
        mask |= 1 << i;
      }
    }
    return mask;
  }

  /** Initials of the query that a word of the list name may stand for, or that it writes too. */
  private int queryInitialsCovered(PreparedName query, int base, int size) {
    int mask = 0;
    for (int i = 0; i < query.size(); i++) {
      NameToken q = query.token(i);
      if (!q.initial()) {
        continue;
      }
      for (int t = 0; t < size; t++) {
        if (wordFirstLetter[base + t] == q.text().charAt(0)) {
          mask |= 1 << i;
          break;
        }
      }
    }
    return mask;
  }

  /** Share of the query's weight in {@code mask}. */
  private static double covered(PreparedName query, int mask) {
    double q = 0;
    for (int i = 0; i < query.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        q += query.weight(i);
      }
    }
    return q / query.totalWeight();
  }

  /** A growable int array for building the index without boxing. */
  private static final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  private static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int size() {
      return size;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
