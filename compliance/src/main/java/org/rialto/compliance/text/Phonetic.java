package org.rialto.compliance.text;

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
  static final int MAX_SYMBOLS = 48;

  private Phonetic() {}

  /** Consonant skeleton: class symbols, short vowels dropped, repeats collapsed. */
  public static String skeleton(String folded) {
    return encode(folded, false);
  }

  /** Like {@link #skeleton} but keeps a/e/o as lowercase symbols, for Latin-to-Latin comparison. */
  public static String vowelKey(String folded) {
    return encode(folded, true);
  }

  private static String encode(String s, boolean keepVowels) {
    int n = s.length();
    StringBuilder out = new StringBuilder(n);
    // Repeated sounds collapse only when written next to each other (Abbas, Muammar's "mm"), not
    // across a dropped vowel or an ʿayn ("Moammar" keeps both m's, as معمر does).
    boolean adjacent = false;
    int i = 0;
    while (i < n && out.length() < MAX_SYMBOLS) {
      char c = s.charAt(i);
      char symbol;
      int used = 1;
      if (c == Transliteration.BOUNDARY) {
        adjacent = false;
        i++;
        continue;
      } else if (c >= '0' && c <= '9') {
        symbol = c;
      } else if (starts(s, i, "schtsch")) {
        symbol = 'S'; // German for щ
        used = 7;
      } else if (starts(s, i, "shch")) {
        symbol = 'S';
        used = 4;
      } else if (starts(s, i, "tsch")) {
        symbol = 'C';
        used = 4;
      } else if (starts(s, i, "dzh")) {
        symbol = 'J';
        used = 3;
      } else if (starts(s, i, "sch")) {
        symbol = 'S';
        used = 3;
      } else if (starts(s, i, "tch")) {
        symbol = 'C';
        used = 3;
      } else if ((c == 'o' || c == 'e') && i + 3 == n && s.charAt(i + 1) == 'f' && s.charAt(i + 2) == 'f') {
        // -off / -eff is the French and older English spelling of -ov / -ev (Petroff, Petrov).
        symbol = keepVowels ? c : 0;
        if (symbol != 0) {
          append(out, symbol, adjacent);
          adjacent = true;
        }
        append(out, 'V', adjacent && keepVowels);
        adjacent = true;
        i += 3;
        continue;
      } else if (i + 1 < n && digraph(c, s.charAt(i + 1)) != 0) {
        symbol = digraph(c, s.charAt(i + 1));
        used = 2;
      } else {
        symbol = single(c);
        if (symbol == 'x') {
          append(out, 'K', adjacent);
          adjacent = true;
          symbol = 'S';
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
      if (keepVowels && c == 'w' && used == 1) {
        symbol = 'V'; // German and Polish w is v: Lawrow / Lavrov
      }
      append(out, symbol, adjacent);
      adjacent = true;
    }
    return out.toString();
  }

  private static void append(StringBuilder out, char symbol, boolean adjacent) {
    int len = out.length();
    if (adjacent && len > 0 && out.charAt(len - 1) == symbol) {
      return;
    }
    out.append(symbol);
  }

  private static boolean starts(String s, int i, String prefix) {
    return s.startsWith(prefix, i);
  }

  private static char digraph(char a, char b) {
    switch (a) {
      case 's':
        return b == 'h' ? 'S' : 0;
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
      case 't':
        // ts/tz is the Russian ц (Tsoy, Kuznetsov; German writes z: Kusnezow).
        return b == 'h' ? 'T' : b == 's' || b == 'z' ? 'Q' : 0;
      case 'd':
        return b == 'h' ? 'D' : b == 'j' ? 'J' : 0;
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
   * Blocking key: merges the classes the distance treats as near (s/z/ch/j, k/g, t/d, b/p, f/v)
   * and drops the soft symbols, so two spellings with a small distance usually share the key.
   */
  public static String coarse(String skeleton) {
    StringBuilder out = new StringBuilder(skeleton.length());
    for (int i = 0; i < skeleton.length(); i++) {
      char c = skeleton.charAt(i);
      char k;
      switch (c) {
        case 'Z': case 'C': case 'J': case 'Q': k = 'S'; break;
        case 'G': k = 'K'; break;
        case 'D': k = 'T'; break;
        case 'P': k = 'B'; break;
        case 'V': k = 'F'; break;
        case 'Y': case 'W': case 'H': k = 0; break;
        default: k = c; break;
      }
      if (k != 0) {
        append(out, k, true);
      }
    }
    return out.toString();
  }

  /** 1 - weighted edit distance / longer length; 1.0 for equal skeletons, 0.0 for empty ones. */
  public static double similarity(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (la == 0 || lb == 0) {
      return la == lb ? 1.0 : 0.0;
    }
    if (a.equals(b)) {
      return 1.0;
    }
    double[] prev = new double[lb + 1];
    double[] cur = new double[lb + 1];
    prev[0] = 0;
    for (int j = 1; j <= lb; j++) {
      prev[j] = prev[j - 1] + indelCost(b, j - 1);
    }
    for (int i = 1; i <= la; i++) {
      char ca = a.charAt(i - 1);
      double del = indelCost(a, i - 1);
      cur[0] = prev[0] + del;
      for (int j = 1; j <= lb; j++) {
        char cb = b.charAt(j - 1);
        double best = prev[j - 1] + substitutionCost(ca, cb);
        double viaDelete = prev[j] + del;
        if (viaDelete < best) {
          best = viaDelete;
        }
        double viaInsert = cur[j - 1] + indelCost(b, j - 1);
        if (viaInsert < best) {
          best = viaInsert;
        }
        cur[j] = best;
      }
      double[] t = prev;
      prev = cur;
      cur = t;
    }
    double distance = prev[lb];
    double sim = 1.0 - distance / Math.max(la, lb);
    return sim < 0 ? 0 : sim;
  }

  private static double indelCost(String s, int index) {
    char c = s.charAt(index);
    boolean last = index == s.length() - 1;
    switch (c) {
      case 'Y':
        // A final i/y is the Persian and Arabic nisba (Karim / Karimi, Hossein / Hosseini):
        // a different name, not a spelling variant.
        return last && s.length() >= 3 ? 1.0 : 0.35;
      case 'W':
        return 0.35;
      case 'H':
        return last ? 0.3 : 0.6;
      default:
        return 1.0;
    }
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
