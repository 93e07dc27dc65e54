package org.rialto.compliance.text;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.nio.charset.StandardCharsets;

/**
 * Brings a name written in any script to folded Latin (lowercase ASCII) and remembers which
 * characters came from an abjad (Arabic-script) source, where short vowels are not written and
 * comparisons must rely on consonants.
 *
 * <p>Cyrillic goes through ICU's BGN/PCGN Russian romanisation, the system most English-language
 * documents use (Андрей → Andrey, Хусейн → Khuseyn); letters of other Cyrillic alphabets that it
 * leaves alone go through ICU's generic Cyrillic-Latin. Arabic and Persian go through ICU's
 * Arabic-Latin, which writes consonants and long vowels only (محمد → mhmd). Anything else goes
 * through ICU's Any-Latin.
 */
final class Transliteration {
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

  // ICU transliterators keep per-call state in some rule sets; one instance per thread keeps
  // screening lock-free.
  private static final ThreadLocal<Transliterator> RUSSIAN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN"));
  private static final ThreadLocal<Transliterator> CYRILLIC =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Cyrillic-Latin"));
  private static final ThreadLocal<Transliterator> ARABIC =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Arabic-Latin"));
  private static final ThreadLocal<Transliterator> ANY =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin"));

  private static final int RUN_LATIN = 0;
  private static final int RUN_CYRILLIC = 1;
  private static final int RUN_ARABIC = 2;
  private static final int RUN_OTHER = 3;

  private Transliteration() {}

  /**
   * Folded Latin text of {@code raw} plus, per output char, whether it came from an abjad
   * ({@code abjad} is null when nothing did).
   */
  record Folded(String text, boolean[] abjad) {
    boolean abjadAt(int i) {
      return abjad != null && abjad[i];
    }
  }

  static Folded toFoldedLatin(String raw) {
    return toFoldedLatin(raw, true);
  }

  /** {@code memo} false bypasses the per-word memo: for the test that the memo changes nothing. */
  static Folded toFoldedLatin(String raw, boolean memo) {
    if (isAscii(raw)) {
      // Most names on the payment path: nothing to transliterate, no abjad marks to keep. An
      // ASCII char folds to at most one char (see ASCII_FOLD), so this is Fold.of char by char.
      byte[] out = new byte[raw.length()];
      int len = 0;
      for (int i = 0; i < raw.length(); i++) {
        byte b = ASCII_FOLD[raw.charAt(i)];
        if (b != 0) {
          out[len++] = b;
        }
      }
      return new Folded(new String(out, 0, len, StandardCharsets.ISO_8859_1), null);
    }
    // Most non-ASCII names (Cyrillic, Arabic script) are already NFKC: a check, not a copy.
    String text = NFKC.isNormalized(raw) ? raw : NFKC.normalize(raw);
    // One name is written in one language: a Persian letter anywhere makes every Arabic-script
    // word of it Persian (محمدرضا has none of its own, نقدی does).
    boolean persian = isPersian(text);
    StringBuilder out = new StringBuilder(text.length() + 8);
    Marks abjadMarks = new Marks(text.length() + 8);
    int i = 0;
    int n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      int run = runOf(cp);
      if (run == RUN_LATIN) {
        appendFolded(out, abjadMarks, Fold.of(text.charAt(i)), false);
        i += 1;
        continue;
      }
      int start = i;
      while (i < n) {
        int next = text.codePointAt(i);
        int nextRun = runOf(next);
        // Joiners and marks inside a non-Latin word belong to it.
        if (nextRun != run && !(nextRun == RUN_LATIN && isInWordMark(next))) {
          break;
        }
        i += Character.charCount(next);
      }
      String segment = prepare(run, text.substring(start, i), persian);
      String latin = memo ? transliterateWord(run, segment) : transliterate(run, segment);
      if (run == RUN_ARABIC) {
        appendAbjad(out, abjadMarks, latin);
      } else {
        for (int k = 0; k < latin.length(); k++) {
          char c = latin.charAt(k);
          if (c == MIDDLE_DOT) {
            // BGN/PCGN's dot marks letters read apart (т·с, not ц; ы·а) so that the romanisation
            // reads back; folded to a space it split "Детский" into "det skiy" and "Бутаев" into
            // two words. Names written in Latin carry no dot (Detskiy, Bratskaya): drop it.
            continue;
          }
          appendFolded(out, abjadMarks, Fold.of(c), false);
        }
      }
    }
    if (abjadMarks.length != out.length()) {
      throw new IllegalStateException("one abjad mark per folded char: " + abjadMarks.length + " != " + out.length());
    }
    return new Folded(out.toString(), abjadMarks.toArray());
  }

  /**
   * Folds ICU's Arabic-Latin output, keeping two distinctions that plain folding would lose: the
   * ʿayn and hamza become a {@link #BOUNDARY} (so "mʿmr", Muammar, does not collapse to "mmr"),
   * and a real h (ه, ح) after d, s, t, k, g, z, c or p is set apart from the letter before it,
   * because ICU writes ذ ش ث خ غ ژ چ as "dẖ sẖ tẖ kẖ gẖ zẖ cẖ" and the folded "dh" of دهقان
   * (Dehghan) must not read as ذ.
   */
  private static void appendAbjad(StringBuilder out, Marks marks, String latin) {
    char previous = ' ';
    for (int k = 0; k < latin.length(); k++) {
      char c = latin.charAt(k);
      if (c == '\u02bf' || c == '\u02be' || c == '\u02bc') {
        appendFolded(out, marks, String.valueOf(BOUNDARY), true);
        previous = BOUNDARY;
        continue;
      }
      if (c == 'h' && k + 1 < latin.length() && latin.charAt(k + 1) == '\u200c') {
        // Persian writes a word-internal -e as ه before a zero-width non-joiner (خامنه‌ای,
        // Khamenei): a vowel, not an h.
        appendFolded(out, marks, String.valueOf(BOUNDARY), true);
        previous = BOUNDARY;
        continue;
      }
      if (c == 'h' && DIGRAPH_FIRST.indexOf(previous) >= 0) {
        appendFolded(out, marks, String.valueOf(BOUNDARY), true);
      }
      String folded = Fold.of(c);
      appendFolded(out, marks, folded, true);
      if (!folded.isEmpty()) {
        previous = folded.charAt(folded.length() - 1);
      }
    }
  }

  private static final char MIDDLE_DOT = '\u00b7';

  /** Separates sounds inside a word without being a letter; removed from a word's text. */
  static final char BOUNDARY = '|';
  private static final String DIGRAPH_FIRST = "cdgkpstz";

  private static void appendFolded(StringBuilder out, Marks marks, String folded, boolean abjad) {
    out.append(folded);
    for (int k = 0; k < folded.length(); k++) {
      marks.add(abjad);
    }
  }

  /** Per folded char, whether it came from an abjad: a growable boolean array. */
  private static final class Marks {
    private boolean[] marks;
    int length;

    Marks(int capacity) {
      marks = new boolean[capacity];
    }

    void add(boolean abjad) {
      if (length == marks.length) {
        // Bounded by the folded text, itself bounded by the name's length limit and Fold's widest output.
        marks = java.util.Arrays.copyOf(marks, 2 * marks.length + 8);
      }
      marks[length++] = abjad;
    }

    boolean[] toArray() {
      return length == marks.length ? marks : java.util.Arrays.copyOf(marks, length);
    }
  }

  private static String prepare(int run, String segment, boolean persian) {
    if (run != RUN_ARABIC) {
      return segment;
    }
    // A word-final alif maqsura is a long -a in names (مصطفى Mustafa, موسى Musa, عيسى Isa);
    // ICU would render it as a consonantal y and turn Mustafa into "mstfy".
    // Persian pronounces ض and ذ as z and ث as s (رمضان Ramazan, ذوالفقار Zolfaghar); ICU's
    // Arabic-Latin gives the Arabic d, dh and th. Text with Persian letters is read the Persian way.
    StringBuilder b = new StringBuilder(segment.length());
    for (int k = 0; k < segment.length(); k++) {
      char c = segment.charAt(k);
      boolean wordEnd = k + 1 == segment.length() || !isArabicLetter(segment.charAt(k + 1));
      if (c == '\u0649' && wordEnd) {
        c = '\u0627';
      } else if (persian && (c == '\u0636' || c == '\u0630')) {
        c = '\u0632';
      } else if (persian && c == '\u062b') {
        c = '\u0633';
      }
      b.append(c);
    }
    return b.toString();
  }

  // پ چ ژ گ ک ی: letters Persian writes and Arabic does not.
  private static boolean isPersian(String segment) {
    for (int k = 0; k < segment.length(); k++) {
      char c = segment.charAt(k);
      if (c == '\u067e' || c == '\u0686' || c == '\u0698' || c == '\u06af' || c == '\u06a9' || c == '\u06cc') {
        return true;
      }
    }
    return false;
  }

  private static boolean isArabicLetter(char c) {
    return c < TABLED_CHARS ? ARABIC_LETTER_TABLE[c] : computeArabicLetter(c);
  }

  private static boolean computeArabicLetter(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c);
  }

  /**
   * ICU's transliterators cost microseconds a call, most of a non-Latin name's preparation, and
   * names repeat their words (given names, patronymics, Sherkat, ООО) far more than whole names.
   * The result is a pure function of the run's script and the word (the Persian reading is
   * already in the word, see {@link #prepare}), so a memo per word changes no result. Bounded:
   * cleared when full, which costs only recomputation.
   */
  private static final int MEMO_MAX_WORDS = 65_536;
  private static final int MEMO_MAX_WORD_CHARS = 64;
  private static final java.util.concurrent.ConcurrentHashMap<String, String> MEMO = new java.util.concurrent.ConcurrentHashMap<>();

  private static String transliterateWord(int run, String segment) {
    // Words the written-out rules take cost less than the memo's lookup and its key: no memo.
    if (segment.length() > MEMO_MAX_WORD_CHARS || run == RUN_CYRILLIC && RussianBgn.covers(segment)
        || run == RUN_ARABIC && ArabicLetters.covers(segment)) {
      return transliterate(run, segment);
    }
    String key = (char) ('0' + run) + segment;
    String latin = MEMO.get(key);
    if (latin == null) {
      latin = transliterate(run, segment);
      if (MEMO.size() >= MEMO_MAX_WORDS) {
        MEMO.clear();
      }
      MEMO.put(key, latin);
    }
    return latin;
  }

  private static String transliterate(int run, String segment) {
    switch (run) {
      case RUN_CYRILLIC: {
        if (RussianBgn.covers(segment)) {
          return RussianBgn.transliterate(segment); // ICU's rules written out, see RussianBgn
        }
        String latin = RUSSIAN.get().transliterate(segment);
        return hasCyrillic(latin) ? CYRILLIC.get().transliterate(latin) : latin;
      }
      case RUN_ARABIC:
        // Plain letters only: ICU's letter-for-letter rules from a table, see ArabicLetters.
        return ArabicLetters.covers(segment) ? ArabicLetters.transliterate(segment) : ARABIC.get().transliterate(segment);
      default:
        return ANY.get().transliterate(segment);
    }
  }

  private static boolean hasCyrillic(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (Character.UnicodeScript.of(s.charAt(k)) == Character.UnicodeScript.CYRILLIC) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #computeRunOf}, {@link #computeInWordMark} and {@link #computeArabicLetter} of every
   * char below {@link #TABLED_CHARS} (Latin, Cyrillic, Arabic blocks): Character.UnicodeScript.of
   * is a binary search per char, and a Cyrillic or Persian name asks it of every letter. The
   * tables are filled by those functions, so they give the same answers; above the tabled range
   * the functions themselves answer.
   */
  private static final int TABLED_CHARS = 0x0800;
  private static final byte[] RUN_TABLE = new byte[TABLED_CHARS];
  private static final boolean[] IN_WORD_MARK_TABLE = new boolean[TABLED_CHARS];
  private static final boolean[] ARABIC_LETTER_TABLE = new boolean[TABLED_CHARS];
  /** Fold.of of each ASCII char as one byte, 0 where it folds to nothing. */
  private static final byte[] ASCII_FOLD = new byte[0x80];

  static {
    for (int cp = 0; cp < TABLED_CHARS; cp++) {
      RUN_TABLE[cp] = (byte) computeRunOf(cp);
      IN_WORD_MARK_TABLE[cp] = computeInWordMark(cp);
      ARABIC_LETTER_TABLE[cp] = computeArabicLetter((char) cp);
    }
    for (char c = 0; c < 0x80; c++) {
      String folded = Fold.of(c);
      if (folded.length() > 1 || folded.length() == 1 && folded.charAt(0) >= 0x80) {
        throw new IllegalStateException("ASCII char " + (int) c + " folds to more than one ASCII char: " + folded);
      }
      ASCII_FOLD[c] = folded.isEmpty() ? 0 : (byte) folded.charAt(0);
    }
  }

  private static int runOf(int cp) {
    return cp < TABLED_CHARS ? RUN_TABLE[cp] : computeRunOf(cp);
  }

  private static int computeRunOf(int cp) {
    if (cp < 0x0250) {
      return RUN_LATIN;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    switch (script) {
      case LATIN:
      case COMMON:
      case INHERITED:
        return RUN_LATIN;
      case CYRILLIC:
        return RUN_CYRILLIC;
      case ARABIC:
        return RUN_ARABIC;
      default:
        return Character.isLetter(cp) ? RUN_OTHER : RUN_LATIN;
    }
  }

  private static boolean isInWordMark(int cp) {
    return cp < TABLED_CHARS ? IN_WORD_MARK_TABLE[cp] : computeInWordMark(cp);
  }

  private static boolean computeInWordMark(int cp) {
    return cp == 0x200C || cp == 0x200D || cp == 0x00AD
        || Character.getType(cp) == Character.NON_SPACING_MARK;
  }

  private static boolean isAscii(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
