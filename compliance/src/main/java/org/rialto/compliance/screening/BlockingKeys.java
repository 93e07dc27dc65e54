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
 *   <li>for coarse keys of 4 or more symbols, the key with any one symbol deleted, which catches
 *       one inserted, dropped or replaced consonant (Rudenko / Rutenko share "RNK").
 * </ul>
 *
 * Keys are hashed without building strings, on the query path.
 */
final class BlockingKeys {
  static final int MAX_KEYS_PER_WORD = 2 + Phonetic.MAX_SYMBOLS;
  private static final int MIN_COARSE_LENGTH = 3;
  /** Deletions of shorter keys give 3-symbol keys that thousands of names share. */
  private static final int DELETION_MIN_LENGTH = 5;

  private static final long SEED_CANONICAL = 0x9E3779B97F4A7C15L;
  private static final long SEED_COARSE = 0xC2B2AE3D27D4EB4FL;
  private static final long SEED_DELETION = 0x165667B19E3779F9L;
  private static final long SEED_HARD = 0x27D4EB2F165667C5L;

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
    String coarse = t.coarseKey();
    if (coarse.length() >= MIN_COARSE_LENGTH) {
      return coarseKeys(coarse, out, c);
    }
    // A short coarse key ("S" for Hijazi) hits too many names: use the skeleton without its
    // soft sounds instead ("HJZ" for Hijazi and Hejazi), or the whole skeleton if that is short too.
    String hard = hardSkeleton(t.coreSkeleton());
    String key = hard.length() >= 2 ? hard : t.coreSkeleton().isEmpty() ? t.core() : t.coreSkeleton();
    return add(out, c, hash(SEED_HARD, key, -1));
  }

  static String hardSkeleton(String skeleton) {
    StringBuilder b = new StringBuilder(skeleton.length());
    for (int i = 0; i < skeleton.length(); i++) {
      char ch = skeleton.charAt(i);
      if (ch != 'Y' && ch != 'W') {
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
    String coarse = Phonetic.coarse(first.skeleton() + second.skeleton());
    return coarse.length() < MIN_COARSE_LENGTH ? count : add(out, count, hash(SEED_COARSE, coarse, -1));
  }

  private static int coarseKeys(String coarse, long[] out, int count) {
    int c = add(out, count, hash(SEED_COARSE, coarse, -1));
    if (coarse.length() >= DELETION_MIN_LENGTH) {
      for (int skip = 0; skip < coarse.length(); skip++) {
        // Deleting either of two equal neighbours gives the same key; hash it once.
        if (skip > 0 && coarse.charAt(skip) == coarse.charAt(skip - 1)) {
          continue;
        }
        c = add(out, c, hash(SEED_DELETION, coarse, skip));
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
    // Final avalanche (from SplitMix64) so nearby keys spread over the table.
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
