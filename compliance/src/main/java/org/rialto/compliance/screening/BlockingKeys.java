package org.rialto.compliance.screening;

import org.rialto.compliance.text.NameToken;
import org.rialto.compliance.text.Phonetic;

/**
 * The blocking keys of a word: 64-bit hashes under which list names are indexed and queries look
 * them up, so that a screening compares a name with a few dozen list names instead of all of
 * them. Two spellings the matcher would pair almost always share a key:
 *
 * <ul>
 *   <li>the canonical family (Mohammed, Магомед, محمد → muhammad);
 *   <li>the coarse phonetic key (consonant classes, soft sounds dropped: Hossein, Husayn → SN);
 *   <li>for coarse keys of 5 or more symbols, the key with any one symbol deleted, which catches
 *       one inserted, dropped or replaced consonant (Rudenko / Rutenko share "RNK");
 *   <li>for words with a shorter coarse key, the skeleton of 4 to 8 symbols and, from 5, each
 *       one-symbol deletion of it (Khogeini / Khomeini, Ibtahim / Ibrahim, Natalym / Natalya).
 * </ul>
 *
 * Keys are hashed without building strings, on the query path.
 */
final class BlockingKeys {
  static final int MAX_KEYS_PER_WORD = 2 + Phonetic.MAX_SYMBOLS;
  private static final int MIN_COARSE_LENGTH = 2;
  private static final int MIN_JOINED_LENGTH = 3;
  /** Deletions of shorter keys give 3-symbol keys that thousands of names share. */
  private static final int DELETION_MIN_LENGTH = 5;

  private static final long SEED_CANONICAL = 0x9E3779B97F4A7C15L;
  private static final long SEED_COARSE = 0xC2B2AE3D27D4EB4FL;
  private static final long SEED_HARD = 0x27D4EB2F165667C5L;
  private static final long SEED_INITIAL = 0x165667B19E3779F9L;
  private static final long SEED_SKELETON = 0x85EBCA77C2B2AE63L;
  /** Deletions of shorter skeletons (three symbols or fewer) would be shared by thousands of names. */
  private static final int SKELETON_DELETION_MIN_LENGTH = 5;
  private static final int SKELETON_KEY_MIN_LENGTH = SKELETON_DELETION_MIN_LENGTH - 1;
  /** Longer words have coarse keys of five or more symbols, whose deletions catch a mistyped letter. */
  private static final int SKELETON_KEY_MAX_LENGTH = 8;

  private BlockingKeys() {}

  /** Appends the keys of one word to {@code out}; returns the new count. */
  static int wordKeys(NameToken t, long[] out, int count) {
    if (t.initial()) {
      // An initial cannot decide a match (it weighs little) and would hit thousands of names.
      return count;
    }
    int c = count;
    if (t.canonical() != null) {
      c = add(out, c, hash(SEED_CANONICAL, t.canonical(), -1));
    }
    if (t.hasCore()) {
      // "Abu al-Athir" is compared with and without its article: key both forms.
      String whole = Phonetic.coarse(t.skeleton());
      if (whole.length() >= MIN_COARSE_LENGTH) {
        c = coarseKeys(whole, out, c);
      }
    }
    String coarse = t.coarseKey();
    if (t.coreSkeleton().indexOf('C') >= 0) {
      // ch is also written c or k (Chang / Cang, Gatwech / Gatwec, ISO 9 č): key it as k too.
      String asK = Phonetic.coarse(t.coreSkeleton().replace('C', 'K'));
      if (asK.length() >= MIN_COARSE_LENGTH) {
        c = add(out, c, hash(SEED_COARSE, asK, -1));
      }
    }
    if (coarse.length() >= 3 && t.coreSkeleton().startsWith("G")) {
      // Russian writes a foreign h as г: Gusein / Huseyn, German / Herman, Gasan / Hasan.
      c = add(out, c, hash(SEED_COARSE, coarse.substring(1), -1));
    }
    if (coarse.length() >= 4 && coarse.endsWith("S") && !t.abjad()) {
      // English plurals in organisation names: Guards / Guard, Industries / Industry.
      c = add(out, c, hash(SEED_COARSE, coarse.substring(0, coarse.length() - 1), -1));
    }
    if (coarse.length() < DELETION_MIN_LENGTH) {
      c = skeletonKeys(t.coreSkeleton(), out, c);
    }
    if (coarse.length() >= MIN_COARSE_LENGTH) {
      return coarseKeys(coarse, out, c);
    }
    // A coarse key of one symbol ("N" for Haniya) would hit thousands of names: key the skeleton
    // instead.
    String skeleton = t.coreSkeleton();
    if (skeleton.length() > 2 && skeleton.endsWith("H")) {
      skeleton = skeleton.substring(0, skeleton.length() - 1); // Haniyeh / Haniya
    }
    String key = skeleton.isEmpty() ? t.core() : skeleton;
    return add(out, c, hash(SEED_HARD, key, -1));
  }

  /**
   * The key of an initial ("T." of "T.M.G. Engineering"). A list indexes it only where its
   * initials decide a match (a name made mostly of initials); a query looks it up for every word,
   * initial or not, since "T." also stands for "Tehran".
   */
  static long initialKey(char letter) {
    long h = 0xcbf29ce484222325L ^ SEED_INITIAL;
    h ^= letter;
    h *= 0x100000001b3L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  static String hardSkeleton(String skeleton) {
    StringBuilder b = new StringBuilder(skeleton.length());
    for (int i = 0; i < skeleton.length(); i++) {
      char ch = skeleton.charAt(i);
      if (ch != 'Y' && ch != 'W' && ch != 'H') {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /** Keys of two adjacent words written as one ("Gazprom Neft" / "Gazpromneft"). */
  static int joinedKeys(NameToken first, NameToken second, long[] out, int count) {
    if (first.initial() || second.initial()) {
      return count;
    }
    // The key of the two skeletons written as one, hashed as hash(SEED_COARSE, coarse(a + b), -1)
    // would hash it, without building the joined skeleton and its key (coarse has no context:
    // see Phonetic.coarseSymbol). A query makes one per adjacent pair of its words.
    String a = first.skeleton();
    String b = second.skeleton();
    long h = 0xcbf29ce484222325L ^ SEED_COARSE;
    int length = 0;
    for (int i = 0; i < a.length() + b.length(); i++) {
      char k = Phonetic.coarseSymbol(i < a.length() ? a.charAt(i) : b.charAt(i - a.length()));
      if (k != 0) {
        h ^= k;
        h *= 0x100000001b3L;
        length++;
      }
    }
    // Two words written as one make a long word; short joined keys would only collide.
    return length < MIN_JOINED_LENGTH ? count : add(out, count, avalanche(h));
  }

  /** The key the joined words had when their joined key was built as a string: for the test. */
  static long joinedKeyByConcatenation(NameToken first, NameToken second) {
    String coarse = Phonetic.coarse(first.skeleton() + second.skeleton());
    return coarse.length() < MIN_JOINED_LENGTH ? 0 : hash(SEED_COARSE, coarse, -1);
  }

  /**
   * A short coarse key has no deletion keys (they would be two or three symbols, shared by
   * thousands of names), so one mistyped letter ("Khogeini" / Khomeini, "Ibtahim" / Ibrahim)
   * left the words without a shared key, and a name the matcher scores over the threshold was
   * never a candidate. The skeleton keeps the soft letters the coarse key drops, so its
   * deletions stay specific: the whole skeleton and each one-symbol deletion.
   */
  private static int skeletonKeys(String skeleton, long[] out, int count) {
    if (skeleton.length() < SKELETON_KEY_MIN_LENGTH || skeleton.length() > SKELETON_KEY_MAX_LENGTH) {
      return count;
    }
    // The whole skeleton from one symbol shorter than the deletions: a word one letter longer
    // ("Natalym" / Natalya) shares its deletion key with the shorter word's whole key.
    int c = add(out, count, hash(SEED_SKELETON, skeleton, -1));
    if (skeleton.length() < SKELETON_DELETION_MIN_LENGTH) {
      return c;
    }
    for (int skip = 0; skip < skeleton.length(); skip++) {
      if (skip > 0 && skeleton.charAt(skip) == skeleton.charAt(skip - 1)) {
        continue;
      }
      c = add(out, c, hash(SEED_SKELETON, skeleton, skip));
    }
    return c;
  }

  private static int coarseKeys(String coarse, long[] out, int count) {
    int c = add(out, count, hash(SEED_COARSE, coarse, -1));
    if (coarse.length() >= DELETION_MIN_LENGTH) {
      for (int skip = 0; skip < coarse.length(); skip++) {
        // Deleting either of two equal neighbours gives the same key; hash it once.
        if (skip > 0 && coarse.charAt(skip) == coarse.charAt(skip - 1)) {
          continue;
        }
        // Same seed as the whole key: a word with one consonant more shares its deletion key
        // with the whole key of the shorter word (Abdurrochim / Abdurrahim).
        c = add(out, c, hash(SEED_COARSE, coarse, skip));
      }
    }
    return c;
  }

  private static int add(long[] out, int count, long key) {
    if (count >= out.length) {
      throw new IllegalStateException("blocking key buffer of " + out.length + " overflowed");
    }
    for (int i = 0; i < count; i++) {
      if (out[i] == key) {
        return count;
      }
    }
    out[count] = key;
    return count + 1;
  }

  /** FNV-1a over the chars of {@code s} (skipping index {@code skip}), mixed with a seed. */
  static long hash(long seed, String s, int skip) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (int i = 0; i < s.length(); i++) {
      if (i == skip) {
        continue;
      }
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return avalanche(h);
  }

  /** Final avalanche (from SplitMix64) so nearby keys spread over the table. */
  private static long avalanche(long hash) {
    long h = hash;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
