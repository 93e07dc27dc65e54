package org.rialto.compliance.text;

import java.nio.charset.StandardCharsets;

/**
 * A transliteration-tolerant phonetic form of one folded name word, and a weighted edit distance
 * over it.
 *
 * <p>The skeleton maps every consonant to a class symbol (sh/sch/ш → S, kh/х/خ → H, dzh/dj/j → J,
 * q/k/c → K, w → W, ...), drops the short vowels a/e/o that abjad scripts do not write, and keeps
 * i/y (symbol Y) and u/w (symbol W) as soft symbols because Arabic script writes long vowels with
 * the same letters as the semivowels. The distance charges little for soft symbols and for swaps
 * between sounds that transliteration systems routinely confuse (v/w, k/q, z/s, g/h, ch/kh), so
 * "Hossein", "Husayn" and "حسين" (hsyn) end up close while "Mellat" and "Melli" stay apart.
 */
public final class Phonetic {
  public static final int MAX_SYMBOLS = 48;

  private Phonetic() {}

  /** Consonant skeleton: class symbols, short vowels dropped, repeats collapsed. */
  public static String skeleton(String folded) {
    return encode(folded, false);
  }

  /** Like {@link #skeleton} but keeps a/e/o as lowercase symbols, for Latin-to-Latin comparison. */
  public static String vowelKey(String folded) {
    return encode(folded, true);
  }

  /**
   * Per thread, the symbols of the skeleton or key being built: every word of every screened
   * name makes three or four, and a new array for each (zeroed, then compressed into the
   * String) was a third of their cost. Symbols are ASCII, so the String is made from the bytes.
   */
  private static final ThreadLocal<byte[]> SYMBOLS = ThreadLocal.withInitial(() -> new byte[2 * MAX_SYMBOLS]);

  /**
   * {@code out[0] = skeleton(s)} and {@code out[1] = vowelKey(s)}, read in one pass: most words
   * of a screened name need both of the same text, and the two encodings read it the same way
   * (same digraphs, same chars used per step); they differ only in what they keep (a/e/o, w as
   * v, -off's vowel) and so in what collapses. Words too long for the proof below take the two
   * passes.
   */
  public static void skeletonAndVowelKey(String s, String[] out) {
    int n = s.length();
    // encode stops early only when its symbols reach capacity - 1 = min(MAX_SYMBOLS, 2n + 1) - 1.
    // A step reads at least one char and adds at most two symbols, so while i < n there are at
    // most 2i <= 2n - 2 of them: with 2n + 1 <= MAX_SYMBOLS neither encoding stops early.
    if (2 * n + 1 > MAX_SYMBOLS) {
      out[0] = encode(s, false);
      out[1] = encode(s, true);
      return;
    }
    byte[] buf = SYMBOLS.get();
    final int v0 = MAX_SYMBOLS; // the vowel key's symbols start here, the skeleton's at 0
    int sLen = 0;
    int vLen = 0;
    boolean sAdjacent = false;
    boolean vAdjacent = false;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      char symbol;
      int used;
      switch (c) {
        case Transliteration.BOUNDARY -> {
          sAdjacent = false;
          vAdjacent = false;
          i++;
          continue;
        }
        case 's' -> {
          symbol = 'S';
          if (starts(s, i, "schtsch")) {
            used = 7;
          } else if (starts(s, i, "shch")) {
            used = 4;
          } else if (starts(s, i, "sch")) {
            used = 3;
          } else {
            used = i + 1 < n && s.charAt(i + 1) == 'h' ? 2 : 1;
          }
        }
        case 't' -> {
          if (starts(s, i, "tsch")) {
            symbol = 'C';
            used = 4;
          } else if (starts(s, i, "tch")) {
            symbol = 'C';
            used = 3;
          } else {
            char next = i + 1 < n ? s.charAt(i + 1) : ' ';
            symbol = next == 's' || next == 'z' ? 'Q' : 'T';
            used = next == 'h' || next == 's' || next == 'z' ? 2 : 1;
          }
        }
        case 'd' -> {
          if (starts(s, i, "dzh")) {
            symbol = 'J';
            used = 3;
          } else {
            char next = i + 1 < n ? s.charAt(i + 1) : ' ';
            symbol = next == 'j' ? 'J' : 'D';
            used = next == 'h' || next == 'j' ? 2 : 1;
          }
        }
        case 'o', 'e' -> {
          if (i + 3 == n && s.charAt(i + 1) == 'f' && s.charAt(i + 2) == 'f') {
            vLen = appendAt(buf, v0, vLen, c, vAdjacent);
            vLen = appendAt(buf, v0, vLen, 'V', false);
            sLen = appendAt(buf, 0, sLen, 'V', false);
            vAdjacent = true;
            sAdjacent = true;
            i += 3;
            continue;
          }
          char d = i + 1 < n ? digraph(c, s.charAt(i + 1)) : 0;
          symbol = d != 0 ? d : c;
          used = d != 0 ? 2 : 1;
        }
        default -> {
          char d = i + 1 < n ? digraph(c, s.charAt(i + 1)) : 0;
          if (d != 0) {
            symbol = d;
            used = 2;
          } else {
            symbol = c >= '0' && c <= '9' ? c : single(c);
            used = 1;
            if (symbol == 'x') {
              vLen = appendAt(buf, v0, vLen, 'K', vAdjacent);
              sLen = appendAt(buf, 0, sLen, 'K', sAdjacent);
              vAdjacent = true;
              sAdjacent = true;
              symbol = 'S';
            }
          }
        }
      }
      i += used;
      if (symbol == 0) {
        continue;
      }
      // German and Polish w is v (Lawrow / Lavrov) in the vowel key; c == 'w' only reaches here
      // as a single letter (no digraph starts with w).
      vLen = appendAt(buf, v0, vLen, used == 1 && c == 'w' ? 'V' : symbol, vAdjacent);
      vAdjacent = true;
      if (symbol == 'a' || symbol == 'e' || symbol == 'o') {
        sAdjacent = false;
      } else {
        sLen = appendAt(buf, 0, sLen, symbol, sAdjacent);
        sAdjacent = true;
      }
    }
    if (sLen > MAX_SYMBOLS || vLen > MAX_SYMBOLS) {
      throw new IllegalStateException("more symbols than a word of " + n + " chars makes: " + sLen + ", " + vLen);
    }
    out[0] = new String(buf, 0, sLen, StandardCharsets.ISO_8859_1);
    out[1] = new String(buf, v0, vLen, StandardCharsets.ISO_8859_1);
  }

  private static int appendAt(byte[] out, int base, int len, char symbol, boolean adjacent) {
    if (symbol >= 0x80) {
      throw new IllegalStateException("a skeleton symbol is ASCII: " + (int) symbol);
    }
    if (adjacent && len > 0 && out[base + len - 1] == (byte) symbol) {
      return len;
    }
    out[base + len] = (byte) symbol;
    return len + 1;
  }

  private static String encode(String s, boolean keepVowels) {
    int n = s.length();
    byte[] out = SYMBOLS.get();
    // At most this many symbols, the last slot left free as before (the loop stops one short).
    int capacity = Math.min(MAX_SYMBOLS, 2 * n + 1);
    int len = 0;
    // Repeated sounds collapse only when written next to each other (Abbas, Muammar's "mm"), not
    // across a dropped vowel or an ʿayn ("Moammar" keeps both m's, as معمر does).
    boolean adjacent = false;
    int i = 0;
    while (i < n && len < capacity - 1) {
      char c = s.charAt(i);
      char symbol;
      int used;
      switch (c) {
        case Transliteration.BOUNDARY -> {
          adjacent = false;
          i++;
          continue;
        }
        case 's' -> {
          if (starts(s, i, "schtsch")) {
            symbol = 'S'; // German for щ
            used = 7;
          } else if (starts(s, i, "shch")) {
            symbol = 'S';
            used = 4;
          } else if (starts(s, i, "sch")) {
            symbol = 'S';
            used = 3;
          } else {
            symbol = 'S';
            used = i + 1 < n && s.charAt(i + 1) == 'h' ? 2 : 1;
          }
        }
        case 't' -> {
          if (starts(s, i, "tsch")) {
            symbol = 'C';
            used = 4;
          } else if (starts(s, i, "tch")) {
            symbol = 'C';
            used = 3;
          } else {
            char next = i + 1 < n ? s.charAt(i + 1) : ' ';
            // ts/tz is the Russian ц (Tsoy, Kuznetsov; German writes z: Kusnezow).
            symbol = next == 's' || next == 'z' ? 'Q' : 'T';
            used = next == 'h' || next == 's' || next == 'z' ? 2 : 1;
          }
        }
        case 'd' -> {
          if (starts(s, i, "dzh")) {
            symbol = 'J';
            used = 3;
          } else {
            char next = i + 1 < n ? s.charAt(i + 1) : ' ';
            symbol = next == 'j' ? 'J' : 'D';
            used = next == 'h' || next == 'j' ? 2 : 1;
          }
        }
        case 'o', 'e' -> {
          if (i + 3 == n && s.charAt(i + 1) == 'f' && s.charAt(i + 2) == 'f') {
            // -off / -eff is the French and older English spelling of -ov / -ev (Petroff).
            if (keepVowels) {
              len = append(out, len, c, adjacent);
            }
            len = append(out, len, 'V', false);
            adjacent = true;
            i += 3;
            continue;
          }
          char d = i + 1 < n ? digraph(c, s.charAt(i + 1)) : 0;
          symbol = d != 0 ? d : c;
          used = d != 0 ? 2 : 1;
        }
        default -> {
          char d = i + 1 < n ? digraph(c, s.charAt(i + 1)) : 0;
          if (d != 0) {
            symbol = d;
            used = 2;
          } else {
            symbol = c >= '0' && c <= '9' ? c : single(c);
            used = 1;
            if (symbol == 'x') {
              len = append(out, len, 'K', adjacent);
              adjacent = true;
              symbol = 'S';
            } else if (keepVowels && c == 'w') {
              symbol = 'V'; // German and Polish w is v: Lawrow / Lavrov
            }
          }
        }
      }
      i += used;
      if (symbol == 0) {
        continue;
      }
      if (!keepVowels && (symbol == 'a' || symbol == 'e' || symbol == 'o')) {
        adjacent = false;
        continue;
      }
      len = append(out, len, symbol, adjacent);
      adjacent = true;
    }
    return new String(out, 0, len, StandardCharsets.ISO_8859_1);
  }

  private static int append(byte[] out, int len, char symbol, boolean adjacent) {
    if (symbol >= 0x80) {
      throw new IllegalStateException("a skeleton symbol is ASCII: " + (int) symbol);
    }
    if (adjacent && len > 0 && out[len - 1] == (byte) symbol) {
      return len;
    }
    out[len] = (byte) symbol;
    return len + 1;
  }

  private static boolean starts(String s, int i, String prefix) {
    return s.startsWith(prefix, i);
  }

  private static char digraph(char a, char b) {
    switch (a) {
      case 'c':
        return b == 'h' ? 'C' : b == 'k' ? 'K' : 0;
      case 'z':
        return b == 'h' ? 'Z' : 0;
      case 'k':
        return b == 'h' ? 'H' : 0;
      case 'g':
        return b == 'h' ? 'G' : 0;
      case 'p':
        return b == 'h' ? 'F' : 0;
      case 'e':
        return b == 'e' || b == 'i' || b == 'y' ? 'Y' : 0;
      case 'a':
        return b == 'i' || b == 'y' || b == 'e' ? 'Y' : 0;
      case 'i':
        return b == 'e' || b == 'i' || b == 'y' || b == 'j' ? 'Y' : 0;
      case 'y':
        return b == 'i' ? 'Y' : 0;
      case 'o':
        return b == 'u' || b == 'o' ? 'W' : 0;
      default:
        return 0;
    }
  }

  private static char single(char c) {
    switch (c) {
      case 'a': return 'a';
      case 'e': return 'e';
      case 'o': return 'o';
      case 'i': case 'y': return 'Y';
      case 'u': case 'w': return 'W';
      case 'v': return 'V';
      case 'b': return 'B';
      case 'p': return 'P';
      case 't': return 'T';
      case 'd': return 'D';
      case 'k': case 'q': case 'c': return 'K';
      case 'g': return 'G';
      case 'j': return 'J';
      case 'f': return 'F';
      case 's': return 'S';
      case 'z': return 'Z';
      case 'x': return 'x';
      case 'h': return 'H';
      case 'r': return 'R';
      case 'l': return 'L';
      case 'm': return 'M';
      case 'n': return 'N';
      default: return 0;
    }
  }

  /**
   * Blocking key: merges the classes the distance treats as near (s/z/ch/j, k/g, t/d, b/p) and
   * drops the soft symbols (y/i, u/w, v, h), so two spellings with a small distance usually share
   * the key.
   */
  public static String coarse(String skeleton) {
    if (skeleton.length() > MAX_SYMBOLS) {
      return coarseOfAnyLength(skeleton);
    }
    byte[] out = SYMBOLS.get();
    int len = 0;
    for (int i = 0; i < skeleton.length(); i++) {
      char k = coarseSymbol(skeleton.charAt(i));
      if (k >= 0x80) {
        return coarseOfAnyLength(skeleton); // not a skeleton: its own chars pass through
      }
      // No collapsing: "Sanino" (SNN) must keep its length to meet "Santino" (SNTN) one deletion away.
      if (k != 0) {
        out[len++] = (byte) k;
      }
    }
    return new String(out, 0, len, StandardCharsets.ISO_8859_1);
  }

  private static String coarseOfAnyLength(String skeleton) {
    char[] out = new char[skeleton.length()];
    int len = 0;
    for (int i = 0; i < skeleton.length(); i++) {
      char k = coarseSymbol(skeleton.charAt(i));
      if (k != 0) {
        out[len++] = k;
      }
    }
    return new String(out, 0, len);
  }

  /**
   * The symbol of {@link #coarse} for one skeleton symbol, or 0 where the key drops it. The key
   * of a skeleton is these symbols in order, one per symbol: no context, so the key of two
   * skeletons written together is the two keys one after the other.
   */
  public static char coarseSymbol(char skeletonSymbol) {
    switch (skeletonSymbol) {
      case 'Z', 'C', 'J', 'Q' -> {
        return 'S';
      }
      case 'G' -> {
        return 'K';
      }
      case 'D' -> {
        return 'T';
      }
      case 'P' -> {
        return 'B';
      }
      // v, w and u are one sound written three ways (Lavrov / Lawrow, Javad / جواد "juad"):
      // the key drops them with the other soft sounds.
      case 'Y', 'W', 'H', 'V' -> {
        return 0;
      }
      default -> {
        return skeletonSymbol;
      }
    }
  }

  /** 1 - weighted edit distance / longer length; 1.0 for equal skeletons, 0.0 for empty ones. */
  // Two DP rows per thread: the distance runs millions of times per second on the screening path.
  private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(
      () -> new int[][] {new int[MAX_SYMBOLS + 1], new int[MAX_SYMBOLS + 1], new int[MAX_SYMBOLS + 1],
          new int[MAX_SYMBOLS + 1], new int[MAX_SYMBOLS + 1], new int[MAX_SYMBOLS + 1]});

  public static double similarity(String a, String b) {
    return similarity(a, b, 0.0);
  }

  /**
   * Like {@link #similarity(String, String)}, but may return any value below {@code atLeast}
   * as soon as the result is known to fall below it (the DP stops early), which is most calls on
   * the screening path.
   */
  public static double similarity(String a, String b, double atLeast) {
    int la = a.length();
    int lb = b.length();
    if (la == 0 || lb == 0) {
      return la == lb ? 1.0 : 0.0;
    }
    if (a.equals(b)) {
      return 1.0;
    }
    int[][] rows = ROWS.get();
    int[] codesA = rows[4];
    int[] codesB = rows[5];
    for (int i = 0; i < la; i++) {
      codesA[i] = SKELETON_CODE[a.charAt(i) & 0x7f];
    }
    for (int j = 0; j < lb; j++) {
      codesB[j] = SKELETON_CODE[b.charAt(j) & 0x7f];
    }
    return distance(rows, codesA, la, codesB, lb, atLeast);
  }

  /** Longest skeleton {@link #pack} can hold: 12 symbols of 5 bits. */
  public static final int MAX_PACKED_SYMBOLS = 12;

  /**
   * A skeleton of at most {@link #MAX_PACKED_SYMBOLS} symbols as one long (5 bits a symbol,
   * first symbol lowest), so an index can compare words without touching their objects; -1 when
   * it does not fit.
   */
  public static long pack(String skeleton) {
    if (skeleton.length() > MAX_PACKED_SYMBOLS) {
      return -1;
    }
    long packed = 0;
    for (int i = 0; i < skeleton.length(); i++) {
      packed |= (long) SKELETON_CODE[skeleton.charAt(i) & 0x7f] << (5 * i);
    }
    return packed;
  }

  /** {@link #similarity(String, String, double)} of two packed skeletons of the given lengths. */
  public static double similarityPacked(long a, int la, long b, int lb, double atLeast) {
    if (la == 0 || lb == 0) {
      return la == lb ? 1.0 : 0.0;
    }
    if (a == b && la == lb) {
      return 1.0;
    }
    int[][] rows = ROWS.get();
    int[] codesA = rows[4];
    int[] codesB = rows[5];
    for (int i = 0; i < la; i++) {
      codesA[i] = (int) (a >>> (5 * i)) & 31;
    }
    for (int j = 0; j < lb; j++) {
      codesB[j] = (int) (b >>> (5 * j)) & 31;
    }
    return distance(rows, codesA, la, codesB, lb, atLeast);
  }

  private static double distance(int[][] rows, int[] codesA, int la, int[] codesB, int lb, double atLeast) {
    int longer = Math.max(la, lb);
    // Costs are integers in twentieths, so the DP runs on small ints from a 1 KiB table.
    int cutoff = (int) Math.floor((1.0 - atLeast) * longer * COST_SCALE + 1e-9);
    if (Math.abs(la - lb) * MIN_INDEL > cutoff) {
      return Math.max(0, 1.0 - (double) (Math.abs(la - lb) * MIN_INDEL) / (COST_SCALE * longer));
    }
    int[] prev = rows[0];
    int[] cur = rows[1];
    int[] indelB = rows[2];
    prev[0] = 0;
    for (int j = 0; j < lb; j++) {
      indelB[j] = indelCost(codesB[j], j == lb - 1, lb);
      prev[j + 1] = prev[j] + indelB[j];
    }
    byte[] table = SUBSTITUTION;
    for (int i = 1; i <= la; i++) {
      int base = codesA[i - 1] << 5;
      int del = indelCost(codesA[i - 1], i == la, la);
      int left = prev[0] + del;
      cur[0] = left;
      int rowMin = left;
      for (int j = 1; j <= lb; j++) {
        int best = prev[j - 1] + table[base | codesB[j - 1]];
        int viaDelete = prev[j] + del;
        if (viaDelete < best) {
          best = viaDelete;
        }
        int viaInsert = left + indelB[j - 1];
        if (viaInsert < best) {
          best = viaInsert;
        }
        cur[j] = best;
        left = best;
        if (best < rowMin) {
          rowMin = best;
        }
      }
      if (rowMin > cutoff) {
        // Every path already costs more than the caller accepts.
        return Math.max(0, 1.0 - (double) rowMin / (COST_SCALE * longer));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    double sim = 1.0 - (double) prev[lb] / (COST_SCALE * longer);
    return sim < 0 ? 0 : sim;
  }

  private static final int COST_SCALE = 20;
  private static final int MIN_INDEL = 6;
  /** The 32 symbols a skeleton can hold ('?' for anything unexpected). */
  private static final String SKELETON_SYMBOLS = "?BCDFGHJKLMNPQRSTVWYZ0123456789";
  private static final byte[] SKELETON_CODE = buildCodes();
  private static final int CODE_Y = SKELETON_SYMBOLS.indexOf('Y');
  private static final int CODE_W = SKELETON_SYMBOLS.indexOf('W');
  private static final int CODE_H = SKELETON_SYMBOLS.indexOf('H');
  /** Substitution costs between symbol codes, in twentieths: 1 KiB, stays in L1. */
  private static final byte[] SUBSTITUTION = buildSubstitutionTable();

  private static byte[] buildCodes() {
    if (SKELETON_SYMBOLS.length() > 32) {
      throw new AssertionError("skeleton symbols must fit 5 bits");
    }
    byte[] codes = new byte[128];
    for (int i = 0; i < SKELETON_SYMBOLS.length(); i++) {
      codes[SKELETON_SYMBOLS.charAt(i)] = (byte) i;
    }
    return codes;
  }

  private static byte[] buildSubstitutionTable() {
    byte[] table = new byte[32 * 32];
    for (int x = 0; x < SKELETON_SYMBOLS.length(); x++) {
      for (int y = 0; y < SKELETON_SYMBOLS.length(); y++) {
        table[x << 5 | y] = (byte) Math.round(substitutionCost(SKELETON_SYMBOLS.charAt(x), SKELETON_SYMBOLS.charAt(y)) * COST_SCALE);
      }
    }
    return table;
  }

  private static int indelCost(int code, boolean last, int length) {
    if (code == CODE_Y) {
      // A final i/y is the Persian and Arabic nisba (Karim / Karimi, Hossein / Hosseini):
      // a different name, not a spelling variant.
      return last && length >= 3 ? 20 : 7;
    }
    if (code == CODE_W) {
      return 7;
    }
    if (code == CODE_H) {
      return last ? 6 : 12;
    }
    return 20;
  }

  static double substitutionCost(char a, char b) {
    if (a == b) {
      return 0;
    }
    char x = a < b ? a : b;
    char y = a < b ? b : a;
    switch (x) {
      case 'B':
        return y == 'P' ? 0.4 : 1.0;
      case 'C':
        return y == 'S' ? 0.7 : y == 'H' ? 0.4 : y == 'J' ? 0.6 : y == 'K' ? 0.6 : y == 'Q' ? 0.5 : y == 'T' ? 0.8 : 1.0;
      case 'D':
        return y == 'T' ? 0.5 : y == 'Z' ? 0.4 : 1.0;
      case 'F':
        return y == 'V' ? 0.4 : y == 'P' ? 0.6 : 1.0;
      case 'G':
        return y == 'K' ? 0.4 : y == 'H' ? 0.6 : y == 'J' ? 0.5 : 1.0;
      case 'H':
        return y == 'K' ? 0.6 : 1.0;
      case 'J':
        return y == 'Z' ? 0.5 : y == 'Y' ? 0.5 : y == 'S' ? 0.8 : 1.0;
      case 'L':
        return y == 'R' ? 0.8 : 1.0;
      case 'M':
        return y == 'N' ? 0.7 : 1.0;
      case 'Q':
        return y == 'Z' ? 0.3 : y == 'S' ? 0.4 : y == 'T' ? 0.6 : 1.0;
      case 'S':
        return y == 'Z' ? 0.4 : y == 'T' ? 0.7 : 1.0;
      case 'V':
        return y == 'W' ? 0.2 : 1.0;
      case 'W':
        return y == 'Y' ? 0.6 : 1.0;
      default:
        return 1.0;
    }
  }
}
