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
 * <p>A list name becomes a candidate only through one of its "deciding" words: a set of its words
 * without which it cannot reach the threshold (prefix filtering), chosen so that the fewest other
 * list words share their keys. "Mohammad Ali Rezaei" is found through Rezaei, not through every
 * name containing Mohammad; a query looks up all its words, so no match is lost to the filter.
 * The keys of the other words sit in a second index that is read only to complete what the
 * candidates hit. The same holds from the query's side, and a query may instead make candidates
 * through its own rarest words only (see {@link #creatingWords}). Each candidate then goes through
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
  /** Ints per candidate in {@code Scratch.hits}: three used, one spare, four candidates a line. */
  private static final int HIT_STRIDE = 4;
  private static final int WALK_SLACK = 32;
  /** Low 16 bits: list words hit; high 16 bits: their summed shares (at most 16 * 255). */
  private static final int LIST_HITS = 0;
  /** Low 16 bits: query words whose keys hit; high 16 bits: list pairs hit by a joined key. */
  private static final int QUERY_HITS = 1;
  /** Query words whose keys hit a joined pair. */
  private static final int JOINED_QUERY_WORDS = 2;
  private static final int TOKEN_MASK = (1 << TOKEN_BITS) - 1;
  /**
   * Posting layout (an unsigned int): name id from bit {@value #NAME_SHIFT} up; the word's share
   * of the name's weight in bits 5-12 (rounded up to 1/255, so sums of shares bound from above);
   * a joined-key flag in bit 4; the word index in bits 0-3. The fields in the order of the 64-bit
   * layout before it, so each key's postings sort the same. 32 bits, not 64: the walks read half
   * the bytes, and most of a search is waiting for memory.
   */
  private static final int JOINED_FLAG = 1 << TOKEN_BITS;
  private static final int SHARE_SHIFT = TOKEN_BITS + 1;
  private static final int SHARE_SCALE = 255;
  private static final int NAME_SHIFT = SHARE_SHIFT + 8;
  /**
   * The names one list index holds: 2^19 = 524,288, all an unsigned 32-bit posting can name above
   * its share, flag and word (OFAC has about 24,000 names). A larger list is refused at import
   * ({@link SanctionsList#MAX_NAMES}) and, should one come another way, at build.
   */
  private static final int MAX_NAMES = 1 << (32 - NAME_SHIFT);

  static {
    // Every version a list import accepted must be one an index can be built of.
    if (MAX_NAMES < SanctionsList.MAX_NAMES) throw new AssertionError("postings name " + MAX_NAMES + " names, lists hold " + SanctionsList.MAX_NAMES);
  }
  /** Query keys per screening: every word's keys plus the joined keys of neighbours. */
  private static final int MAX_QUERY_KEYS = NameNormalizer.MAX_TOKENS * (BlockingKeys.MAX_KEYS_PER_WORD + 2);
  private static final int KEY_TABLE_SIZE = Integer.highestOneBit(MAX_QUERY_KEYS) << 2;
  private static final int KEY_BITS = 4096;
  /** Queries of up to this many words get a table of their covered weights (256 doubles). */
  private static final int COVER_TABLE_WORDS = 8;
  /** Keeps the query's choice of creating words on the safe side of rounding (see gate 0's). */
  private static final double CREATING_MARGIN = 1e-7;
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
  private final long[] wordKeys;
  /**
   * Everything the gates read of one word, {@value #WORD_STRIDE} longs side by side (and the
   * words of a name one after the other): a candidate costs a few adjacent cache lines, not one
   * miss per array as with one array per field, and never the name objects unless it gets as
   * far as Jaro-Winkler. Fields at {@code w * WORD_STRIDE +}:
   * <ul>
   *   <li>{@link #W_SKELETON}, {@link #W_CORE}: packed skeletons (-1: too long, use the word object);
   *   <li>{@link #W_META}: shape in bits 0-17 (0-7 skeleton length, 8-15 core skeleton length,
   *       16 abjad, 17 has a core), bit 18 an initial, bits 20-35 the first letter, bits 36-63
   *       the canonical family id plus one (0: none);
   *   <li>{@link #W_WEIGHT}: the word's weight (double bits);
   *   <li>{@link #W_KEYS}: its keys are {@code wordKeys[low 32 bits .. high 32 bits)};
   *   <li>{@link #W_PAIR}: the key of the word and the next written as one (0 for a name's last word).
   * </ul>
   */
  private final long[] wordData;
  private static final int WORD_STRIDE = 6;
  private static final int W_SKELETON = 0;
  private static final int W_CORE = 1;
  private static final int W_META = 2;
  private static final int W_WEIGHT = 3;
  private static final int W_KEYS = 4;
  private static final int W_PAIR = 5;
  private static final long META_INITIAL = 1L << 18;
  private static final int META_LETTER_SHIFT = 20;
  private static final int META_CANONICAL_SHIFT = 36;
  /** The list words' vowel keys by word, for Jaro-Winkler in gate 2 without the name objects. */
  private final String[] wordVowelKey;
  /**
   * Per name: the share of its weight outside its indexed words (bits 0-15, rounded up to
   * 1/65535) and how many such words it has (bits 16-23): what gate 0 cannot see in postings.
   * Gate 0 reads it for every candidate (hundreds per screening), so it stays a compact array of
   * its own that the cache keeps.
   */
  private final int[] nameRest;
  /**
   * Per name: the first letters (a-z, bit 0 for a) of its words in the low 32 bits and those of
   * its initials in the high 32 bits. Gate 0 reads it only for the candidates whose initials
   * (list or query) it must account for, as gate 1 does: an initial pairs only with a word of
   * its letter.
   */
  private final long[] nameLetters;
  /**
   * Per name, {@value #NAME_STRIDE} longs side by side (the gates read one line):
   * <ul>
   *   <li>{@link #N_WORDS}: its words are {@code [low 32 bits, high 32 bits)};
   *   <li>{@link #N_WEIGHT}: its total weight (double bits);
   *   <li>{@link #N_SECONDARY}: the share of its weight its secondary words carry (rounded up to
   *       1/65535).
   * </ul>
   */
  private final long[] nameData;
  /** Three longs a name, one spare: two names a cache line. */
  private static final int NAME_STRIDE = 4;
  private static final int N_WORDS = 0;
  private static final int N_WEIGHT = 1;
  private static final int N_SECONDARY = 2;
  /**
   * Per name, a 64-bit signature (Bloom filter) of the keys of its secondary words: when a query
   * key's secondary postings are too long to walk, gate 0 asks it. Read for every candidate of
   * such a query (about a hundred), so it is an array of its own that stays in cache (192 KB for
   * OFAC) rather than a field of the name record (a line per name).
   */
  private final long[] nameSignature;
  private final java.util.Map<String, Integer> canonicalIds;
  private final Postings postings;
  /** The keys of every other word: read only to complete what candidates hit. */
  private final Postings secondary;
  /**
   * The primary keys of names with a word that has no key: every query key walks them, since
   * such a name can match through a query word no key of the name hits.
   */
  private final Postings keyless;
  /**
   * One open-addressing table over the keys of {@link #postings} and {@link #secondary}: per
   * slot the key, its primary range and its secondary range ({@value #DIRECTORY_STRIDE} longs;
   * a range is start | end << 32, empty when absent). A screening looks up every query key in
   * both; one read of one place instead of a probe in each table halves those cache misses.
   */
  private final long[] directory;
  private final int directoryMask;
  private static final int DIRECTORY_STRIDE = 3;
  private final ThreadLocal<Scratch> scratch;

  /**
   * A list name that may reach the threshold, with its name score and the word pairing behind
   * it (so that a hit is explained without comparing the names' words again).
   */
  record Candidate(int nameId, double nameScore, NameMatcher.Alignment alignment) {}

  /**
   * What a search computes from the query alone (its blocking keys and their table, the cover
   * table, first letters, packed skeletons and shapes), kept per thread for the last query: a
   * screener searches every list with the same prepared name, so with UN + OFAC this is computed
   * once per name instead of once per list. Nothing in it depends on the list.
   */
  private static final class QueryPlan {
    static final ThreadLocal<QueryPlan> PLAN = ThreadLocal.withInitial(QueryPlan::new);
    /** The query the fields below were computed for (held, so identity cannot be reused). */
    PreparedName query;
    int wordKeyCount;
    int keyCount;
    final long[] queryKeys = new long[MAX_QUERY_KEYS];
    /** The query words (bit mask) each query key belongs to. */
    final int[] queryKeyWords = new int[MAX_QUERY_KEYS];
    final long[] wordBuffer = new long[BlockingKeys.MAX_KEYS_PER_WORD];
    /** Open-addressing set of the query's keys: key, word mask (word keys), word mask (joined keys). */
    final long[] keyTable = new long[KEY_TABLE_SIZE];
    final int[] wordMaskTable = new int[KEY_TABLE_SIZE];
    final int[] joinedMaskTable = new int[KEY_TABLE_SIZE];
    final int[] usedSlots = new int[MAX_QUERY_KEYS];
    /**
     * One bit per query key (its top 12 bits): the gates look up every key of a candidate's
     * words and almost none is the query's, so most lookups end on one bit in L1.
     */
    final long[] keyBits = new long[KEY_BITS / 64];
    /** The summed weights of each set of query words, when the query has few enough words. */
    final double[] coverSums = new double[1 << COVER_TABLE_WORDS];
    /** Words the cover table was filled for, or -1 when the query has more. */
    int coverWords;
    /** First letter of each query word, and the query's initials (a bit mask). */
    final char[] queryFirstLetter = new char[NameNormalizer.MAX_TOKENS];
    int queryInitials;
    /** Per letter a-z: the query words that begin with it (the partners of a list initial). */
    final int[] letterWords = new int[26];
    int usedCount;
    final long[] querySkeleton = new long[NameNormalizer.MAX_TOKENS];
    final long[] queryCoreSkeleton = new long[NameNormalizer.MAX_TOKENS];
    final int[] queryShape = new int[NameNormalizer.MAX_TOKENS];
    /** The directory of several lists that {@link #directorySlots} were found in, or null. */
    KeyDirectory slotsFor;
    /** Each query key's slot in {@link #slotsFor}, or -1: one probe per key for all its lists. */
    final int[] directorySlots = new int[MAX_QUERY_KEYS];

    /** The query keys' slots in {@code keys}, found once per query and directory. */
    int[] slotsIn(KeyDirectory keys) {
      if (slotsFor != keys) {
        for (int k = 0; k < keyCount; k++) {
          directorySlots[k] = keys.slot(queryKeys[k]);
        }
        slotsFor = keys;
      }
      return directorySlots;
    }

    /** Computes everything below from {@code query}; afterwards {@link #query} is it. */
    void fill(PreparedName query) {
      this.query = null;
      this.slotsFor = null;
      int wordKeys = 0;
      for (int t = 0; t < query.size(); t++) {
        int count = BlockingKeys.wordKeys(query.token(t), wordBuffer, 0);
        for (int k = 0; k < count; k++) {
          queryKeys[wordKeys] = wordBuffer[k];
          queryKeyWords[wordKeys++] = 1 << t;
        }
        queryKeys[wordKeys] = BlockingKeys.initialKey(query.token(t).core().charAt(0));
        queryKeyWords[wordKeys++] = 1 << t;
      }
      int keys = wordKeys;
      for (int t = 0; t + 1 < query.size(); t++) {
        int count = BlockingKeys.joinedKeys(query.token(t), query.token(t + 1), wordBuffer, 0);
        for (int k = 0; k < count; k++) {
          queryKeys[keys] = wordBuffer[k];
          queryKeyWords[keys++] = 3 << t;
        }
      }
      wordKeyCount = wordKeys;
      keyCount = keys;
      fillKeyTable(this, wordKeys, keys);
      fillQueryWords(this, query);
      for (int t = 0; t < query.size(); t++) {
        NameToken token = query.token(t);
        querySkeleton[t] = Phonetic.pack(token.skeleton());
        queryCoreSkeleton[t] = Phonetic.pack(token.coreSkeleton());
        queryShape[t] = shape(token);
      }
      this.query = query;
    }
  }

  private static final class Scratch {
    /** The query side, shared by every index this thread searches (see {@link QueryPlan}). */
    final QueryPlan q = QueryPlan.PLAN.get();
    /**
     * Per candidate, in the order the walks made them ({@value #HIT_STRIDE} ints from
     * {@code c * HIT_STRIDE}): list words hit and their summed shares, query words hit and joined
     * pairs, query words of joined pairs. By candidate, not by name: a search's candidates (a
     * hundred or two) sit in a few KB that stay in L1, where one record per name (384 KB for
     * OFAC) cost a cache miss at each candidate's first posting and again at gate 0.
     */
    final int[] hits;
    /** Per name, its candidate number in this search; valid only where {@link #candidateBits} is set. */
    final int[] candidateOf;
    final int[] candidates;
    /**
     * One bit per name: a candidate of the current search. The completing walks read hundreds of
     * postings of names that are no candidate; this array (3 KB for OFAC) answers them from L1
     * where the hits array (hundreds of KB) would cost a cache miss each.
     */
    final long[] candidateBits;
    /**
     * Candidates of the current or previous search, whose bits are cleared when the next one
     * starts: kept up to date by every creating walk, so that no bit outlives its search.
     */
    int lastCandidateCount;
    /**
     * Each query key's range in the primary and in the secondary postings (start | end << 32),
     * 0 when the key has none: read once per search, from this list's directory or from the
     * screener's directory of all its lists (see {@link KeyDirectory}).
     */
    final long[] queryPrimary = new long[MAX_QUERY_KEYS];
    final long[] querySecondary = new long[MAX_QUERY_KEYS];
    /** Per query word, the primary postings its keys read; per set of words, their sum. */
    final long[] wordCost = new long[NameNormalizer.MAX_TOKENS];
    final long[] costSums = new long[1 << COVER_TABLE_WORDS];
    final int[] queryCanonical = new int[NameNormalizer.MAX_TOKENS];
    /** Query keys whose secondary postings were not walked: their signature bits and words. */
    final long[] unresolvedBits = new long[MAX_QUERY_KEYS];
    final int[] unresolvedWords = new int[MAX_QUERY_KEYS];
    int unresolvedCount;
    final int[] sharing = new int[NameNormalizer.MAX_TOKENS];
    final int[] sharingJoined = new int[NameNormalizer.MAX_TOKENS];
    /** Gate 2's order of a candidate's key-sharing words: heaviest first. */
    final int[] verifyOrder = new int[NameNormalizer.MAX_TOKENS];
    /**
     * The candidates that passed gate 0, in candidate order: their names, their candidate
     * numbers and their unresolved query words.
     */
    final int[] survivors;
    final int[] survivorCandidate;
    final int[] survivorMaybe;
    /** Where the touch-ahead loops leave what they read, so that the reads are not optimised away. */
    long touched;
    /** Candidates made and names scored by this thread's searches (for measurements). */
    long candidatesMade;
    long namesScored;
    long postingsCreating;
    long postingsCompleting;
    /** The word pairing of the last name scored. */
    final NameMatcher.Trail trail = new NameMatcher.Trail();

    Scratch(int names) {
      hits = new int[names * HIT_STRIDE];
      candidateOf = new int[names];
      candidates = new int[names];
      candidateBits = new long[(names + 63) / 64];
      survivors = new int[names];
      survivorCandidate = new int[names];
      survivorMaybe = new int[names];
    }
  }

  private ListIndex(SanctionsList list, double threshold, NameMatcher matcher, List<PreparedName> names,
      int[] entryOfName, List<EntryName> entryNames, int[] firstWord, int[] wordKeyStart, long[] wordKeys,
      long[] pairKey, int[] nameRest, long[] nameSecondary, Postings postings, Postings secondary, Postings keyless) {
    this.secondary = secondary;
    this.keyless = keyless;
    int words = wordKeyStart.length - 1;
    this.wordData = new long[words * WORD_STRIDE];
    this.wordVowelKey = new String[words];
    java.util.Map<String, Integer> ids = new java.util.HashMap<>();
    this.nameData = new long[names.size() * NAME_STRIDE];
    this.nameRest = nameRest;
    this.nameLetters = new long[names.size()];
    this.nameSignature = new long[names.size()];
    for (int nameId = 0; nameId < names.size(); nameId++) {
      PreparedName name = names.get(nameId);
      if (firstWord[nameId + 1] - firstWord[nameId] != name.size()) {
        throw new IllegalStateException("word table out of step with name " + nameId);
      }
      int o = nameId * NAME_STRIDE;
      nameData[o + N_WORDS] = firstWord[nameId] | (long) firstWord[nameId + 1] << 32;
      nameData[o + N_WEIGHT] = Double.doubleToRawLongBits(name.totalWeight());
      nameSignature[nameId] = nameSecondary[2 * nameId];
      nameData[o + N_SECONDARY] = nameSecondary[2 * nameId + 1];
      for (int t = 0; t < name.size(); t++) {
        int w = firstWord[nameId] + t;
        NameToken token = name.token(t);
        int canonical = token.canonical() == null ? -1 : ids.computeIfAbsent(token.canonical(), k -> ids.size());
        if (canonical >= 1 << (64 - META_CANONICAL_SHIFT - 1)) {
          throw new IllegalStateException("more canonical families than a word's meta field holds");
        }
        int wo = w * WORD_STRIDE;
        wordData[wo + W_SKELETON] = Phonetic.pack(token.skeleton());
        wordData[wo + W_CORE] = Phonetic.pack(token.coreSkeleton());
        wordData[wo + W_META] = shape(token) | (token.initial() ? META_INITIAL : 0)
            | (long) token.core().charAt(0) << META_LETTER_SHIFT | (long) (canonical + 1) << META_CANONICAL_SHIFT;
        wordData[wo + W_WEIGHT] = Double.doubleToRawLongBits(name.weight(t));
        wordData[wo + W_KEYS] = wordKeyStart[w] | (long) wordKeyStart[w + 1] << 32;
        wordData[wo + W_PAIR] = pairKey[w];
        wordVowelKey[w] = token.vowelKey();
        long letter = letterBit(token.core().charAt(0));
        nameLetters[nameId] |= letter | (token.initial() ? letter << 32 : 0);
      }
    }
    // Looked up for every query word with a family, per list: see NameNormalizer.lookupTable.
    this.canonicalIds = NameNormalizer.lookupTable(ids);
    this.list = list;
    this.threshold = threshold;
    this.candidateMinScore = threshold - MAX_EVIDENCE_GAIN;
    this.matcher = matcher;
    this.names = names.toArray(new PreparedName[0]);
    this.entryOfName = entryOfName;
    this.entryNames = entryNames.toArray(new EntryName[0]);
    this.wordKeys = wordKeys;
    this.postings = postings;
    this.directory = directory(postings, secondary);
    this.directoryMask = directory.length / DIRECTORY_STRIDE - 1;
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
    Postings.Builder keylessBuilder = new Postings.Builder();
    long[] keys = new long[BlockingKeys.MAX_KEYS_PER_WORD];
    List<ListEntry> entries = list.entries();
    PreparedName[] preparedNames = prepareAll(entries, matcher);
    long[] keyFrequency = keyFrequencies(preparedNames);
    int flat = 0;
    for (int e = 0; e < entries.size(); e++) {
      for (EntryName n : entries.get(e).names()) {
        PreparedName prepared = preparedNames[flat++];
        if (prepared.isEmpty()) {
          continue;
        }
        int nameId = names.size();
        if (nameId >= MAX_NAMES) {
          // A checked limit, not a silent wrap: a posting has 19 bits for the name id.
          throw new IllegalArgumentException(list.version().label() + " has more than " + MAX_NAMES + " names");
        }
        names.add(prepared);
        entryOfName.add(e);
        entryNames.add(n);
        firstWord.add(wordKeyStart.size());
        boolean[] deciding = decidingWords(prepared, minCoverage, wordCosts(prepared, keyFrequency, keys));
        // A name with a word that has no key (an initial) can reach a query through words that
        // share no key with it, which the query's choice of deciding words does not see: such
        // names sit in their own primary index, which every query key walks.
        Postings.Builder primary = hasKeylessWord(prepared, keys) ? keylessBuilder : builder;
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
              primary.add(BlockingKeys.initialKey(prepared.token(t).text().charAt(0)),
                  posting(nameId, share(prepared.weight(t), prepared), 0, t));
            }
          }
          for (int k = 0; k < count; k++) {
            allWordKeys.add(keys[k]);
            long posting = posting(nameId, share(prepared.weight(t), prepared), 0, t);
            if (deciding[t]) {
              primary.add(keys[k], posting);
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
              primary.add(keys[0], posting);
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
        secondaryBuilder.build(), keylessBuilder.build());
  }

  /** Adds one posting to a candidate's hits. */
  private static void record(int[] hits, int h, int posting, int queryWords) {
    int word = (int) (posting & TOKEN_MASK);
    boolean joined = (posting & JOINED_FLAG) != 0;
    int bit = joined ? 3 << word : 1 << word;
    int listHits = hits[h + LIST_HITS];
    if ((listHits & bit) != bit) {
      hits[h + LIST_HITS] = (listHits | bit) + ((posting >>> SHARE_SHIFT) & 0xFF) * (1 << 16);
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

  /** A posting as an unsigned 32-bit value in a long (see {@link Postings.Builder#add}). */
  private static long posting(int nameId, int share, int flag, int word) {
    assert nameId >= 0 && nameId < MAX_NAMES && share >= 0 && share <= SHARE_SCALE && word >= 0 && word <= TOKEN_MASK
        : "posting fields out of range: " + nameId + ", " + share + ", " + word;
    return (long) nameId << NAME_SHIFT | share << SHARE_SHIFT | flag | word;
  }

  /**
   * Every key of every word of every name, sorted: how many list words share a key is the
   * number of postings a query walks when it writes a word with that key.
   */
  private static long[] keyFrequencies(PreparedName[] names) {
    LongList all = new LongList();
    long[] keys = new long[BlockingKeys.MAX_KEYS_PER_WORD];
    for (PreparedName name : names) {
      for (int t = 0; t < name.size(); t++) {
        int count = BlockingKeys.wordKeys(name.token(t), keys, 0);
        for (int k = 0; k < count; k++) {
          all.add(keys[k]);
        }
      }
    }
    long[] sorted = all.toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  private static int frequency(long[] sorted, long key) {
    int at = Arrays.binarySearch(sorted, key);
    if (at < 0) {
      return 0;
    }
    int from = at;
    while (from > 0 && sorted[from - 1] == key) {
      from--;
    }
    int to = at;
    while (to + 1 < sorted.length && sorted[to + 1] == key) {
      to++;
    }
    return to - from + 1;
  }

  /**
   * What making a word deciding costs the queries: the list words sharing each of its keys,
   * which a query writing that key walks. A word without keys (an initial aside) can never be
   * reached, so it costs the most: it is deciding only where no choice without it exists.
   */
  private static long[] wordCosts(PreparedName name, long[] keyFrequency, long[] keys) {
    long[] costs = new long[name.size()];
    for (int t = 0; t < name.size(); t++) {
      NameToken token = name.token(t);
      int count = BlockingKeys.wordKeys(token, keys, 0);
      long cost = 0;
      for (int k = 0; k < count; k++) {
        cost += frequency(keyFrequency, keys[k]);
      }
      if (count == 0) {
        // An initial is reached through its letter, which every query word with that letter looks up.
        cost = token.initial() ? UNREACHABLE_COST / 2 : UNREACHABLE_COST;
      }
      costs[t] = cost;
    }
    return costs;
  }

  private static final long UNREACHABLE_COST = 1L << 40;

  private static boolean hasKeylessWord(PreparedName name, long[] keys) {
    for (int t = 0; t < name.size(); t++) {
      if (BlockingKeys.wordKeys(name.token(t), keys, 0) == 0) {
        return true;
      }
    }
    return false;
  }
  /** Names of up to this many words get the cheapest deciding set; longer ones the heaviest words. */
  private static final int MAX_WORDS_CHOSEN = 12;

  /**
   * The deciding words of a name: a set of its words whose absence would leave less than
   * {@code minCoverage} of the name's weight, so that at least one of them must match for the
   * name to reach the threshold. Any such set is correct; of those, the one whose keys the fewest
   * other list words share, so that queries made of ordinary words ("Ivan", "Rosa", "Bank") walk
   * short posting lists. A word kept out of the set is still indexed, in the secondary index.
   */
  static boolean[] decidingWords(PreparedName name, double minCoverage, long[] costs) {
    int n = name.size();
    if (n > MAX_WORDS_CHOSEN) {
      return decidingWords(name, minCoverage);
    }
    double limit = minCoverage * name.totalWeight();
    // The margin keeps the choice on the safe side of rounding: the left-out words weigh surely
    // less than the limit.
    double margin = 1e-9 * name.totalWeight();
    int best = -1;
    long bestCost = Long.MAX_VALUE;
    double bestWeight = 0;
    for (int chosen = 1; chosen < 1 << n; chosen++) {
      double left = 0;
      long cost = 0;
      double weight = 0;
      for (int t = 0; t < n; t++) {
        if ((chosen & (1 << t)) == 0) {
          left += name.weight(t);
        } else {
          cost += costs[t];
          weight += name.weight(t);
        }
      }
      if (left + margin >= limit) {
        continue;
      }
      // Equal costs: the heavier set, then the fewer words.
      if (cost < bestCost || cost == bestCost && (weight > bestWeight
          || weight == bestWeight && Integer.bitCount(chosen) < Integer.bitCount(best))) {
        best = chosen;
        bestCost = cost;
        bestWeight = weight;
      }
    }
    if (best < 0) {
      return decidingWords(name, minCoverage);
    }
    boolean[] deciding = new boolean[n];
    for (int t = 0; t < n; t++) {
      deciding[t] = (best & (1 << t)) != 0;
    }
    return deciding;
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

  /** Candidates made and names scored so far by this thread's searches: {made, scored}. */
  long[] searchCounts() {
    Scratch s = scratch.get();
    return new long[] {s.candidatesMade, s.namesScored, s.postingsCreating, s.postingsCompleting};
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
    return search(query, null, -1);
  }

  /**
   * As {@link #search(PreparedName)}, with the query keys' posting ranges read from
   * {@code keys}, the directory of a screener's lists, of which this list is column
   * {@code column}: one probe per key for all the lists instead of one per list. The ranges are
   * this list's own (checked when the directory is built), so the candidates are the same.
   */
  List<Candidate> search(PreparedName query, KeyDirectory keys, int column) {
    if (query.isEmpty()) {
      return List.of();
    }
    Scratch s = scratch.get();
    QueryPlan plan = s.q;
    if (plan.query != query) {
      plan.fill(query);
    }
    int wordKeyCount = plan.wordKeyCount;
    int keyCount = plan.keyCount;
    for (int t = 0; t < query.size(); t++) {
      NameToken token = query.token(t);
      // A family no list word has is still a family: it differs from every listed one.
      s.queryCanonical[t] = token.canonical() == null ? -1 : canonicalIds.getOrDefault(token.canonical(), Integer.MAX_VALUE);
    }
    if (keys == null) {
      for (int k = 0; k < keyCount; k++) {
        int d = directorySlot(s.q.queryKeys[k]);
        s.queryPrimary[k] = d < 0 ? 0 : nonEmpty(directory[d * DIRECTORY_STRIDE + 1]);
        s.querySecondary[k] = d < 0 ? 0 : nonEmpty(directory[d * DIRECTORY_STRIDE + 2]);
      }
    } else {
      int[] slots = plan.slotsIn(keys);
      long[] table = keys.table();
      int stride = keys.stride();
      int at = 1 + 2 * column;
      for (int k = 0; k < keyCount; k++) {
        int d = slots[k];
        s.queryPrimary[k] = d < 0 ? 0 : nonEmpty(table[d * stride + at]);
        s.querySecondary[k] = d < 0 ? 0 : nonEmpty(table[d * stride + at + 1]);
      }
    }
    int all = (1 << query.size()) - 1;
    int creating = creatingWords(s, query, wordKeyCount, keyCount);
    for (int c = 0; c < s.lastCandidateCount; c++) {
      s.candidateBits[s.candidates[c] >>> 6] = 0L;
    }
    s.lastCandidateCount = 0;
    int candidateCount = 0;
    // Names with a keyless word: every query key may make them candidates.
    int[] loose = keyless.postings();
    for (int k = 0; k < keyCount; k++) {
      int slot = keyless.slot(s.q.queryKeys[k]);
      if (slot >= 0) {
        candidateCount = walkCreating(s, loose, keyless.start(slot), keyless.end(slot), s.q.queryKeyWords[k],
            candidateCount);
      }
    }
    int[] posted = postings.postings();
    int[] more = secondary.postings();
    for (int k = 0; k < keyCount; k++) {
      if ((s.q.queryKeyWords[k] & creating) == 0) {
        continue;
      }
      long range = s.queryPrimary[k];
      if (range != 0) {
        candidateCount = walkCreating(s, posted, start(range), end(range), s.q.queryKeyWords[k],
            candidateCount);
      }
      long secondaryRange = s.querySecondary[k];
      if (creating != all && secondaryRange != 0) {
        // Chosen by the query's side: any word of the name, deciding or not, makes it a candidate.
        candidateCount = walkCreating(s, more, start(secondaryRange), end(secondaryRange),
            s.q.queryKeyWords[k], candidateCount);
      }
    }
    // The other query words' keys only complete the candidates: a name they alone hit cannot
    // reach the threshold (see creatingWords). After all creating walks, so no hit is missed.
    for (int k = 0; k < keyCount; k++) {
      long range = s.queryPrimary[k];
      if (range != 0 && (s.q.queryKeyWords[k] & creating) == 0) {
        walkCompleting(s, posted, start(range), end(range), s.q.queryKeyWords[k]);
      }
    }
    s.unresolvedCount = 0;
    if (candidateCount > 0) {
      // A secondary list much longer than the candidates costs more to walk (one random read
      // per posting) than the candidates cost to check against its signature.
      int walkLimit = 2 * candidateCount + WALK_SLACK;
      for (int k = 0; k < keyCount; k++) {
        long range = s.querySecondary[k];
        if (range == 0 || creating != all && (s.q.queryKeyWords[k] & creating) != 0) {
          continue; // no such key, or walked already to make candidates
        }
        int queryWords = s.q.queryKeyWords[k];
        if (end(range) - start(range) > walkLimit) {
          s.unresolvedBits[s.unresolvedCount] = signatureBits(s.q.queryKeys[k]);
          s.unresolvedWords[s.unresolvedCount++] = queryWords;
          continue;
        }
        // Not a candidate: a secondary word alone never decides a match.
        walkCompleting(s, more, start(range), end(range), queryWords);
      }
    }
    s.candidatesMade += candidateCount;
    assert s.lastCandidateCount == candidateCount : s.lastCandidateCount + " candidates recorded, " + candidateCount + " made";
    List<Candidate> out = new ArrayList<>();
    // Gate 0 for all candidates first, then gates 1 and 2 for its survivors: each survivor's
    // name and word records are a cache miss or several, and read one candidate at a time they
    // wait one after another (the word records' place is in the name record). The touch-ahead
    // loops below read the first long of each record with nothing depending on the previous
    // read, so the processor has many of those misses in flight at once, and the gates find
    // the lines in cache.
    long touched = 0;
    for (int c = 0; c < candidateCount; c++) {
      touched += nameRest[s.candidates[c]];
    }
    if (s.unresolvedCount > 0) {
      for (int c = 0; c < candidateCount; c++) {
        touched += nameSignature[s.candidates[c]];
      }
    }
    int survivorCount = 0;
    for (int c = 0; c < candidateCount; c++) {
      int nameId = s.candidates[c];
      int maybe = unresolvedWords(nameId, s);
      if (passesGateZero(query, nameId, c * HIT_STRIDE, s, maybe)) {
        s.survivors[survivorCount] = nameId;
        s.survivorCandidate[survivorCount] = c;
        s.survivorMaybe[survivorCount++] = maybe;
      }
    }
    for (int c = 0; c < survivorCount; c++) {
      touched += nameData[s.survivors[c] * NAME_STRIDE + N_WORDS];
    }
    for (int c = 0; c < survivorCount; c++) {
      long range = nameData[s.survivors[c] * NAME_STRIDE + N_WORDS];
      // One read per cache line of the name's word records (8 longs a line).
      for (int at = (int) range * WORD_STRIDE, end = (int) (range >>> 32) * WORD_STRIDE; at < end; at += 8) {
        touched += wordData[at];
      }
    }
    s.touched = touched;
    for (int c = 0; c < survivorCount; c++) {
      int nameId = s.survivors[c];
      int maybe = s.survivorMaybe[c];
      int h = s.survivorCandidate[c] * HIT_STRIDE;
      // With no unwalked postings that may be this name's, the walks saw every key it shares
      // with the query: its words without a posting hit share none.
      int sharingWords = maybe == 0 ? s.hits[h + LIST_HITS] & 0xFFFF : -1;
      if (!passesGates(query, nameId, s, sharingWords, s.hits[h + QUERY_HITS] >>> 16,
          s.hits[h + JOINED_QUERY_WORDS])) {
        continue;
      }
      PreparedName name = names[nameId];
      s.namesScored++;
      double score = matcher.score(query, name, s.trail);
      if (score >= candidateMinScore) {
        out.add(new Candidate(nameId, score, s.trail.alignment()));
      }
    }
    out.sort((x, y) -> Double.compare(y.nameScore(), x.nameScore()));
    return out;
  }

  private static int walkCreating(Scratch s, int[] posted, int from, int to, int queryWords, int candidateCount) {
    int count = candidateCount;
    s.postingsCreating += to - from;
    for (int p = from; p < to; p++) {
      int posting = posted[p];
      int nameId = posting >>> NAME_SHIFT;
      int c;
      if ((s.candidateBits[nameId >>> 6] & 1L << nameId) == 0) {
        // A name is made a candidate once a search (its bit stays set), so count stays within
        // the names and the arrays sized by them.
        c = count++;
        s.lastCandidateCount = count;
        s.candidateBits[nameId >>> 6] |= 1L << nameId;
        s.candidateOf[nameId] = c;
        s.candidates[c] = nameId;
        int h = c * HIT_STRIDE;
        s.hits[h + LIST_HITS] = 0;
        s.hits[h + QUERY_HITS] = 0;
        s.hits[h + JOINED_QUERY_WORDS] = 0;
      } else {
        c = s.candidateOf[nameId];
      }
      assert c < count && s.candidates[c] == nameId : "candidate " + c + " is not name " + nameId;
      record(s.hits, c * HIT_STRIDE, posting, queryWords);
    }
    return count;
  }

  private static void walkCompleting(Scratch s, int[] posted, int from, int to, int queryWords) {
    s.postingsCompleting += to - from;
    for (int p = from; p < to; p++) {
      int posting = posted[p];
      int nameId = posting >>> NAME_SHIFT;
      if ((s.candidateBits[nameId >>> 6] & 1L << nameId) == 0) {
        continue;
      }
      int c = s.candidateOf[nameId];
      assert c < s.lastCandidateCount && s.candidates[c] == nameId : "candidate " + c + " is not name " + nameId;
      record(s.hits, c * HIT_STRIDE, posting, queryWords);
    }
  }

  /**
   * The query words whose keys make candidates, or all of them. Two filters are sound, and each
   * query takes the one that reads fewer postings:
   * <ul>
   *   <li>the list's side (all words): a match covers enough of the list name that one of its
   *       deciding words shares a key with the query, so every query key walks the primary postings;
   *   <li>the query's side (a set of words): a match's score is at most the mean of the covered
   *       shares of both names (gate 0), so it covers at least {@code 2 * candidateMinScore - 1}
   *       of the query's weight through words that share a key with the list name, and one of
   *       them is in any set of query words that leaves out less than that. Those words' keys
   *       walk the primary and secondary postings, the other keys only complete the candidates.
   * </ul>
   * A query of a rare surname and common given names ("Ivan Petrovich Zolotarev") makes its
   * candidates through the surname and reads the given names' long lists only to complete them.
   * Queries with initials (covered without a shared key) or too many words for the cover table
   * take the list's side.
   */
  private int creatingWords(Scratch s, PreparedName query, int wordKeyCount, int keyCount) {
    int n = query.size();
    int all = (1 << n) - 1;
    double needed = (2 * candidateMinScore - 1) - CREATING_MARGIN;
    if (s.q.queryInitials != 0 || s.q.coverWords < 0 || needed <= 0) {
      return all;
    }
    // Every key making candidates from the list names' deciding words (the primary postings)...
    long listSide = 0;
    for (int k = 0; k < keyCount; k++) {
      long range = s.queryPrimary[k];
      listSide += end(range) - start(range);
    }
    // ... or the chosen query words' keys making candidates from every word of the list names.
    Arrays.fill(s.wordCost, 0, n, 0L);
    for (int k = 0; k < wordKeyCount; k++) {
      int word = Integer.numberOfTrailingZeros(s.q.queryKeyWords[k]);
      long range = s.queryPrimary[k];
      long secondaryRange = s.querySecondary[k];
      s.wordCost[word] += (long) (end(range) - start(range)) + (end(secondaryRange) - start(secondaryRange));
    }
    double limit = needed * query.totalWeight();
    int best = all;
    long bestCost = listSide;
    s.costSums[0] = 0;
    for (int mask = 1; mask <= all; mask++) {
      int highest = 31 - Integer.numberOfLeadingZeros(mask);
      long cost = s.costSums[mask ^ (1 << highest)] + s.wordCost[highest];
      s.costSums[mask] = cost;
      if (cost < bestCost && s.q.coverSums[all ^ mask] < limit) {
        best = mask;
        bestCost = cost;
      }
    }
    return best;
  }

  /**
   * Gate 0, from the postings alone and one int per name: the indexed words hit, plus whatever
   * the unindexed words could add (all their weight, and as many of the query's heaviest other
   * words).
   */
  /**
   * The query words of the unwalked (too long) secondary postings whose keys the name's
   * signature may hold: 0 when the walks saw every posting of the name under a query key.
   */
  private int unresolvedWords(int nameId, Scratch s) {
    if (s.unresolvedCount == 0) {
      return 0;
    }
    long signature = nameSignature[nameId];
    int maybe = 0;
    for (int u = 0; u < s.unresolvedCount; u++) {
      long bits = s.unresolvedBits[u];
      if ((signature & bits) == bits) {
        maybe |= s.unresolvedWords[u];
      }
    }
    return maybe;
  }

  /** {@code h}: where the candidate's hits begin in {@code s.hits}. */
  private boolean passesGateZero(PreparedName query, int nameId, int h, Scratch s, int maybe) {
    int rest = nameRest[nameId];
    int restWords = rest >>> 16;
    double listShare = ((s.hits[h + LIST_HITS] >>> 16) / (double) SHARE_SCALE) + (rest & 0xFFFF) / 65535.0;
    int queryMask = s.hits[h + QUERY_HITS] & 0xFFFF;
    if (maybe != 0) {
      // Some secondary word may share a key we did not walk: count them all, to stay an upper
      // bound. Also when the query word already hit another word of the name: one query word
      // may share keys with two list words, and gates 1 and 2 count both.
      queryMask |= maybe;
      listShare += nameData[nameId * NAME_STRIDE + N_SECONDARY] / 65535.0;
    }
    int queryInitials = s.q.queryInitials;
    if (restWords == 0 && queryInitials == 0) {
      return 0.5 * (Math.min(1.0, covered(s, query, queryMask)) + Math.min(1.0, listShare)) >= candidateMinScore - 1e-9;
    }
    // Initials, as gate 1 counts them: an initial of the name may cover the query words of its
    // letter, and an initial of the query ("A. Rudenko") a word of the name of its letter, whether
    // or not a key was shared. Every query word gate 1 counts is in this mask, and every name word
    // it counts in listShare, so this bound is never below gate 1's: it rejects no name gate 1
    // would pass.
    long letters = nameLetters[nameId];
    int partners = queryMask;
    for (int initialLetters = (int) (letters >>> 32); initialLetters != 0; initialLetters &= initialLetters - 1) {
      partners |= s.q.letterWords[Integer.numberOfTrailingZeros(initialLetters)];
    }
    for (int initials = queryInitials; initials != 0; initials &= initials - 1) {
      int i = Integer.numberOfTrailingZeros(initials);
      if ((letters & letterBit(s.q.queryFirstLetter[i])) != 0) {
        partners |= 1 << i;
      }
    }
    double queryShare = covered(s, query, partners);
    if (queryInitials == 0) {
      // Also bounded by the name's initials each pairing with one of the heaviest other words.
      queryShare = Math.min(queryShare,
          covered(s, query, queryMask) + heaviestOutside(query, queryMask, restWords) / query.totalWeight());
    }
    return 0.5 * (Math.min(1.0, queryShare) + Math.min(1.0, listShare)) >= candidateMinScore - 1e-9;
  }

  /** The bit of a first letter in {@link #nameLetters} (a-z; 0 for anything else). */
  private static long letterBit(char letter) {
    return letter >= 'a' && letter <= 'z' ? 1L << (letter - 'a') : 0;
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

  /**
   * Gates 1 and 2: bounds from key-sharing words, then from truly similar key-sharing pairs.
   * {@code sharingWords}: the name's words that may share a key with the query
   * (bit per word; -1 when the walks cannot tell, and every word's keys are looked up).
   */
  private boolean passesGates(PreparedName query, int nameId, Scratch s, int sharingWords, int joinedPairs,
      int joinedQueryWords) {
    long range = nameData[nameId * NAME_STRIDE + N_WORDS];
    int base = (int) range;
    int size = (int) (range >>> 32) - base;
    double nameWeight = Double.longBitsToDouble(nameData[nameId * NAME_STRIDE + N_WEIGHT]);
    // Two words of the list name the query writes as one ("Gholam Reza" / "Gholamreza").
    // A pair's joined key is posted like a word's key: when the walks saw every posting, the
    // joined pairs they recorded are all there are.
    for (int t = 0; sharingWords == -1 && t + 1 < size; t++) {
      long key = wordData[(base + t) * WORD_STRIDE + W_PAIR];
      if (key != 0) {
        int slot = findKey(s, key);
        if (slot >= 0 && s.q.wordMaskTable[slot] != 0) {
          joinedPairs |= 1 << t;
          joinedQueryWords |= s.q.wordMaskTable[slot];
        }
      }
    }
    int queryMask = 0;
    double listCovered = 0;
    for (int t = 0; t < size; t++) {
      int w = base + t;
      int sharing = 0;
      int sharingJoined = 0;
      long meta = wordData[w * WORD_STRIDE + W_META];
      if ((meta & META_INITIAL) != 0) {
        sharing = initialPartners((char) (meta >>> META_LETTER_SHIFT), query, s);
      } else if ((sharingWords & (1 << t)) != 0) {
        long keys = wordData[w * WORD_STRIDE + W_KEYS];
        for (int k = (int) keys, end = (int) (keys >>> 32); k < end; k++) {
          int slot = findKey(s, wordKeys[k]);
          if (slot >= 0) {
            sharing |= s.q.wordMaskTable[slot];
            sharingJoined |= s.q.joinedMaskTable[slot];
          }
        }
      }
      s.sharing[t] = sharing;
      s.sharingJoined[t] = sharingJoined;
      // A word of a pair the query wrote as one word ("Gazprom Neft" / "Gazpromneft").
      boolean inJoinedPair = (joinedPairs & (1 << t)) != 0 || t > 0 && (joinedPairs & (1 << (t - 1))) != 0;
      if ((sharing | sharingJoined) != 0 || inJoinedPair) {
        queryMask |= sharing | sharingJoined;
        listCovered += weightOf(w);
      }
    }
    queryMask |= joinedQueryWords;
    int queryInitials = s.q.queryInitials == 0 ? 0 : queryInitialsCovered(query, base, size);
    double queryBound = covered(s, query, queryMask | queryInitials);
    if (0.5 * (queryBound + listCovered / nameWeight) < candidateMinScore) {
      return false;
    }
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
      while (at > 0 && weightOf(base + s.verifyOrder[at - 1]) < weightOf(base + t)) {
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
        if ((sharing & (1 << i)) != 0 && mayPair(s, query, i, nameId, t, base + t)) {
          verified |= 1 << i;
        }
      }
      int joined = s.sharingJoined[t];
      for (int i = 0; joined != 0 && i + 1 < query.size(); i++) {
        if ((joined & (3 << i)) == 3 << i
            && NameMatcher.joinedSimilarity(names[nameId].token(t), query.token(i), query.token(i + 1))
            >= NameMatcher.JOINED_MIN_SIMILARITY) {
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
        listBound -= weightOf(base + t);
        if (0.5 * (queryBound + listBound / nameWeight) < candidateMinScore - 1e-9) {
          return false;
        }
      }
    }
    if (joinedPairs != 0) {
      // The pairs below only add verified words, and the bound only grows with them: when it
      // passes without them, or fails with all of them, the joined similarities are not needed.
      if (passesVerified(s, query, verifiedQuery | queryInitials, verifiedList, base, size, nameWeight)) {
        return true;
      }
      int allPairs = 0;
      for (int t = 0; t + 1 < size; t++) {
        if ((joinedPairs & (1 << t)) != 0) {
          allPairs |= 3 << t;
        }
      }
      if (!passesVerified(s, query, verifiedQuery | joinedQueryWords | queryInitials, verifiedList | allPairs, base, size,
          nameWeight)) {
        return false;
      }
    }
    for (int t = 0; joinedPairs != 0 && t + 1 < size; t++) {
      if ((joinedPairs & (1 << t)) == 0) {
        continue;
      }
      int pairLength = (int) (wordData[(base + t) * WORD_STRIDE + W_META] & 0xFF)
          + (int) (wordData[(base + t + 1) * WORD_STRIDE + W_META] & 0xFF);
      for (int i = 0; i < query.size(); i++) {
        if ((joinedQueryWords & (1 << i)) != 0
            && Math.abs((s.q.queryShape[i] & 0xFF) - pairLength) <= 2
            && NameMatcher.joinedSimilarity(query.token(i), names[nameId].token(t), names[nameId].token(t + 1))
            >= NameMatcher.JOINED_MIN_SIMILARITY) {
          verifiedQuery |= 1 << i;
          verifiedList |= 3 << t;
        }
      }
    }
    return passesVerified(s, query, verifiedQuery | queryInitials, verifiedList, base, size, nameWeight);
  }

  /** Gate 2's final bound from the verified words of both names. */
  private boolean passesVerified(Scratch s, PreparedName query, int queryMask, int verifiedList, int base, int size,
      double nameWeight) {
    double verifiedListWeight = 0;
    for (int t = 0; t < size; t++) {
      if ((verifiedList & (1 << t)) != 0) {
        verifiedListWeight += weightOf(base + t);
      }
    }
    return 0.5 * (covered(s, query, queryMask) + verifiedListWeight / nameWeight) >= candidateMinScore;
  }

  private static void fillKeyTable(QueryPlan p, int wordKeyCount, int keyCount) {
    for (int u = 0; u < p.usedCount; u++) {
      p.keyTable[p.usedSlots[u]] = 0;
    }
    p.usedCount = 0;
    Arrays.fill(p.keyBits, 0L);
    int mask = KEY_TABLE_SIZE - 1;
    for (int k = 0; k < keyCount; k++) {
      long key = p.queryKeys[k] == 0 ? 1 : p.queryKeys[k];
      p.keyBits[(int) (key >>> 58)] |= 1L << (key >>> 52);
      int slot = (int) (key ^ (key >>> 32)) & mask;
      while (p.keyTable[slot] != 0 && p.keyTable[slot] != key) {
        slot = (slot + 1) & mask;
      }
      if (p.keyTable[slot] == 0) {
        p.keyTable[slot] = key;
        p.wordMaskTable[slot] = 0;
        p.joinedMaskTable[slot] = 0;
        p.usedSlots[p.usedCount++] = slot;
      }
      if (k < wordKeyCount) {
        p.wordMaskTable[slot] |= p.queryKeyWords[k];
      } else {
        p.joinedMaskTable[slot] |= p.queryKeyWords[k];
      }
    }
  }

  /**
   * Per query: its first letters and initials, and the cover table. Each entry sums the weights
   * of its words in increasing word order, as {@link #coveredSlow} does, so both give the same
   * double to the last bit.
   */
  private static void fillQueryWords(QueryPlan p, PreparedName query) {
    int n = query.size();
    int initials = 0;
    Arrays.fill(p.letterWords, 0);
    for (int i = 0; i < n; i++) {
      NameToken token = query.token(i);
      char first = token.core().charAt(0);
      p.queryFirstLetter[i] = first;
      if (first >= 'a' && first <= 'z') {
        p.letterWords[first - 'a'] |= 1 << i;
      }
      if (token.initial()) {
        initials |= 1 << i;
      }
    }
    p.queryInitials = initials;
    if (n > COVER_TABLE_WORDS) {
      p.coverWords = -1;
      return;
    }
    p.coverSums[0] = 0;
    for (int mask = 1; mask < 1 << n; mask++) {
      int highest = 31 - Integer.numberOfLeadingZeros(mask);
      p.coverSums[mask] = p.coverSums[mask ^ (1 << highest)] + query.weight(highest);
    }
    p.coverWords = n;
  }

  private static int findKey(Scratch s, long key) {
    long k = key == 0 ? 1 : key;
    if ((s.q.keyBits[(int) (k >>> 58)] & 1L << (k >>> 52)) == 0) {
      return -1;
    }
    int mask = KEY_TABLE_SIZE - 1;
    int slot = (int) (k ^ (k >>> 32)) & mask;
    while (true) {
      long at = s.q.keyTable[slot];
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
  private boolean mayPair(Scratch s, PreparedName query, int i, int nameId, int t, int w) {
    int wo = w * WORD_STRIDE;
    long meta = wordData[wo + W_META];
    int queryCanonical = s.queryCanonical[i];
    int canonical = (int) (meta >>> META_CANONICAL_SHIFT) - 1;
    if (queryCanonical >= 0 && canonical >= 0) {
      return queryCanonical == canonical;
    }
    long qs = s.q.querySkeleton[i];
    long ws = wordData[wo + W_SKELETON];
    if (qs < 0 || ws < 0 || (meta & META_INITIAL) != 0 || query.token(i).initial()) {
      return NameMatcher.wordSimilarity(query.token(i), names[nameId].token(t)) >= NameMatcher.WORD_MIN_SIMILARITY;
    }
    int qShape = s.q.queryShape[i];
    int wShape = (int) (meta & 0x3FFFF);
    boolean latin = ((qShape | wShape) & 1 << 16) == 0;
    double needed = latin ? LATIN_PHONETIC_NEEDED : NameMatcher.WORD_MIN_SIMILARITY;
    double p = Phonetic.similarityPacked(qs, qShape & 0xFF, ws, wShape & 0xFF, needed);
    if (p < 1.0 && ((qShape | wShape) & 1 << 17) != 0) {
      long qc = s.q.queryCoreSkeleton[i];
      long wc = wordData[wo + W_CORE];
      if (qc < 0 || wc < 0) {
        return NameMatcher.wordSimilarity(query.token(i), names[nameId].token(t)) >= NameMatcher.WORD_MIN_SIMILARITY;
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
    double jw = NameMatcher.jaroWinkler(query.token(i).vowelKey(), wordVowelKey[w]);
    return NameMatcher.blend(p, jw) >= NameMatcher.WORD_MIN_SIMILARITY - 1e-9;
  }

  private static long[] directory(Postings primary, Postings secondary) {
    int distinct = 0;
    for (Postings p : new Postings[] {primary, secondary}) {
      for (int i = 0; i < p.capacity(); i++) {
        if (p.keyAt(i) != 0) {
          distinct++; // an upper bound: keys in both tables count twice
        }
      }
    }
    int capacity = Integer.highestOneBit(Math.max(16, distinct * 2 - 1)) << 1;
    long[] table = new long[capacity * DIRECTORY_STRIDE];
    for (int which = 0; which < 2; which++) {
      Postings p = which == 0 ? primary : secondary;
      for (int i = 0; i < p.capacity(); i++) {
        long key = p.keyAt(i);
        if (key == 0) {
          continue;
        }
        int slot = (int) (key ^ (key >>> 32)) & (capacity - 1);
        while (table[slot * DIRECTORY_STRIDE] != 0 && table[slot * DIRECTORY_STRIDE] != key) {
          slot = (slot + 1) & (capacity - 1);
        }
        table[slot * DIRECTORY_STRIDE] = key;
        table[slot * DIRECTORY_STRIDE + 1 + which] = p.start(i) | (long) p.end(i) << 32;
      }
    }
    return table;
  }

  /** The directory slot of {@code key}, or -1; a key 0 is read as 1, as {@link Postings} stores it. */
  private int directorySlot(long key) {
    return KeyDirectory.slotIn(directory, DIRECTORY_STRIDE, directoryMask, key);
  }

  /** A posting range (start | end << 32), or 0 for an empty one, so that 0 means "none". */
  private static long nonEmpty(long range) {
    return end(range) > start(range) ? range : 0;
  }

  private static int start(long range) {
    return (int) range;
  }

  private static int end(long range) {
    return (int) (range >>> 32);
  }

  /** This list's directory: per slot the key, its primary range and its secondary range. */
  long[] directory() {
    return directory;
  }

  static int directoryStride() {
    return DIRECTORY_STRIDE;
  }

  private double weightOf(int w) {
    return Double.longBitsToDouble(wordData[w * WORD_STRIDE + W_WEIGHT]);
  }

  /** Query words an initial of the list name may stand for (same first letter), or equal initials. */
  private static int initialPartners(char letter, PreparedName query, Scratch s) {
    int mask = 0;
    for (int i = 0; i < query.size(); i++) {
      if (s.q.queryFirstLetter[i] == letter) {
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
        if ((char) (wordData[(base + t) * WORD_STRIDE + W_META] >>> META_LETTER_SHIFT) == q.text().charAt(0)) {
          mask |= 1 << i;
          break;
        }
      }
    }
    return mask;
  }

  /** Share of the query's weight in {@code mask}. */
  private static double covered(Scratch s, PreparedName query, int mask) {
    if (s.q.coverWords >= 0) {
      assert mask >>> s.q.coverWords == 0 : "query word mask " + mask + " beyond " + s.q.coverWords + " words";
      return s.q.coverSums[mask] / query.totalWeight();
    }
    return coveredSlow(query, mask);
  }

  private static double coveredSlow(PreparedName query, int mask) {
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
