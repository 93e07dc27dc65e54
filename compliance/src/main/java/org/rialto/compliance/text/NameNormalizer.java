package org.rialto.compliance.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a person's or organisation's name, in any script, into comparable words.
 *
 * <p>Steps: Unicode NFKC; Cyrillic, Arabic/Persian and other scripts to Latin (ICU4J); case and
 * diacritics folding to ASCII; removal of honorifics (Mr, Dr, Haji, Sheikh...), legal forms (LLC,
 * ООО, PJSC, ПАО, GmbH, Sherkat/شرکت...) and connectors (bin, ibn, ould, of, the...); gluing of
 * Arabic name particles written apart or together ("Abd al-Rahman" = "Abdalrahman", "al-Tikriti"
 * keeps "tikriti" as its core, "Rahmat Ullah" = "Rahmatullah"); canonical forms of common names
 * from the variant table (Mohammad = Muhammad = Мухаммад = محمد); phonetic skeletons.
 *
 * <p>Immutable and thread-safe. Input is bounded: at most {@link #MAX_NAME_CHARS} characters and
 * {@link #MAX_TOKENS} words are kept; the result says when it was truncated.
 */
public final class NameNormalizer {
  public static final int MAX_NAME_CHARS = 512;
  public static final int MAX_TOKENS = 16;
  public static final int MAX_TOKEN_CHARS = 48;
  private static final int MAX_RAW_WORDS = 64;

  private static final Set<String> ARTICLES = lookupSet("al", "el", "ul", "ol");
  // Sun-letter assimilations of al-: ar-Rahman, as-Sayyid, ash-Shabaab, ad-Din, an-Nasr, ud-Din.
  private static final Set<String> ASSIMILATED = lookupSet(
      "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ur", "us", "uz", "ed", "er", "es", "ez",
      "ath", "adh", "udh", "uth", "un");
  // Written apart or together with the next word: Abd al-Aziz / Abdulaziz, Abu Bakr / Abubakar.
  private static final Set<String> GLUE_TO_NEXT = lookupSet(
      "abd", "abdul", "abdel", "abdal", "abdol", "abdu", "abdur", "abdus", "abdou", "abdoul",
      "abdool", "abdil", "bd", "abu", "abou", "abo", "aboo", "abw", "bw");
  // Written apart or together with the previous word: Rahmat Ullah / Rahmatullah, Nasir ud-Din.
  private static final Set<String> GLUE_TO_PREVIOUS = lookupSet(
      "allah", "ullah", "ollah", "ulla", "olla", "alla", "allh", "llah", "ulloh", "ullo",
      "din", "aldin", "uddin", "eddin", "addin", "udin", "edin", "ddin", "aldyn", "dyn", "adin");
  /** Every word that can start a glue ({@link #glue}); most names have none, and skip it. */
  private static final Set<String> GLUE_ANY = union(ARTICLES, ASSIMILATED, GLUE_TO_NEXT, GLUE_TO_PREVIOUS);
  private static final int GLUE_MAX_CHARS = GLUE_ANY.stream().mapToInt(String::length).max().orElseThrow();
  private static final String[] PATRONYMIC_SUFFIXES = {
      "ovich", "evich", "ovych", "evych", "ovna", "evna", "ichna", "ilyich", "ovic", "evic"};

  private static final NameNormalizer STANDARD = new NameNormalizer(
      loadVariants("name-variants.txt"), loadPhrases("name-stopwords.txt"));

  private final Map<String, String> latinVariants;
  private final Map<String, String> abjadVariants;
  private final Map<String, List<Phrase>> phrasesByFirstWord;

  private enum PhraseKind { LEGAL_FORM, HONORIFIC, CONNECTOR }

  /** A removable phrase; Arabic-script phrases remove Arabic-script words only, and vice versa. */
  private record Phrase(String[] words, PhraseKind kind, boolean abjad) {}

  /**
   * A word during normalisation. {@code phon} is {@code text} with the sound boundaries of
   * Arabic-script words kept (see {@link Transliteration#BOUNDARY}); the skeleton is read from it.
   */
  private record Word(String text, String core, String phon, String corePhon, boolean abjad) {
    static Word of(String phon, String corePhon, boolean abjad) {
      return new Word(strip(phon), strip(corePhon), limit(phon), limit(corePhon), abjad);
    }

    Word join(Word next, boolean keepCore) {
      return of(phon + next.phon, keepCore ? phon + next.corePhon : corePhon + next.corePhon, abjad || next.abjad);
    }

    private static String strip(String s) {
      return limit(s.indexOf(Transliteration.BOUNDARY) < 0 ? s : s.replace(String.valueOf(Transliteration.BOUNDARY), ""));
    }
  }

  private record Variants(Map<String, String> latin, Map<String, String> abjad) {}

  private NameNormalizer(Variants variants, Map<String, List<Phrase>> phrases) {
    this.latinVariants = lookupTable(variants.latin());
    this.abjadVariants = lookupTable(variants.abjad());
    this.phrasesByFirstWord = lookupTable(phrases);
  }

  /**
   * An unmodifiable copy for lookups on the screening path: a HashMap, not Map.copyOf. The
   * immutable maps of Map.copyOf probe linearly and call equals on every key they pass, and the
   * hashes of short similar words (mhmd, mhmt) are close, so misses, most lookups of a name's
   * words, walk clusters of keys; a HashMap compares the hashes first.
   */
  public static <K, V> Map<K, V> lookupTable(Map<K, V> entries) {
    Map<K, V> table = new HashMap<>(entries);
    if (table.containsKey(null) || table.containsValue(null)) {
      throw new IllegalArgumentException("a lookup table holds no null key or value");
    }
    return java.util.Collections.unmodifiableMap(table);
  }

  /** As {@link #lookupTable}, for a set of words. */
  private static Set<String> lookupSet(String... words) {
    Set<String> set = new java.util.HashSet<>();
    for (String w : words) {
      if (!set.add(w)) {
        throw new IllegalStateException("word given twice: " + w);
      }
    }
    return java.util.Collections.unmodifiableSet(set);
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new java.util.HashSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return java.util.Collections.unmodifiableSet(all);
  }

  /** The production normaliser, with the shipped variant and stop-word tables. */
  public static NameNormalizer standard() {
    return STANDARD;
  }

  public NormalizedName normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return new NormalizedName(List.of(), false, false);
    }
    boolean truncated = false;
    String input = raw;
    if (input.length() > MAX_NAME_CHARS) {
      input = input.substring(0, MAX_NAME_CHARS);
      truncated = true;
    }
    List<Word> words = new ArrayList<>(8);
    truncated |= split(input, words);
    boolean[] removed = new boolean[words.size()];
    boolean legalForm = markRemovable(words, removed);
    markAcronyms(words, removed);
    List<Word> kept = words;
    for (int i = 0; i < words.size(); i++) {
      if (removed[i]) { // most names lose no word: then no copy of the list
        kept = new ArrayList<>(words.size());
        for (int k = 0; k < words.size(); k++) {
          if (!removed[k]) {
            kept.add(words.get(k));
          }
        }
        break;
      }
    }
    if (kept.isEmpty()) {
      // A name made only of stop words ("Bank", "Co.") is still a name: keep what was written.
      kept = words;
      legalForm = false;
    }
    kept = glue(kept);
    int count = Math.min(kept.size(), MAX_TOKENS);
    truncated |= kept.size() > MAX_TOKENS;
    List<NameToken> tokens = new ArrayList<>(count);
    String[] forms = new String[2]; // one for all the words' skeletons and vowel keys
    for (int i = 0; i < count; i++) {
      tokens.add(token(kept.get(i), count, forms));
    }
    return new NormalizedName(tokens, legalForm, truncated);
  }

  /** Folds and splits into words; returns whether words were cut to the limits. */
  private static boolean split(String input, List<Word> out) {
    Transliteration.Folded folded = Transliteration.toFoldedLatin(input);
    String text = folded.text();
    boolean truncated = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      int start = i;
      boolean abjad = false;
      while (i < n && text.charAt(i) != ' ') {
        abjad |= folded.abjadAt(i);
        i++;
      }
      if (i > start) {
        if (out.size() == MAX_RAW_WORDS) {
          return true;
        }
        int end = i;
        if (end - start > MAX_TOKEN_CHARS) {
          end = start + MAX_TOKEN_CHARS;
          truncated = true;
        }
        String phon = text.substring(start, end);
        String corePhon = phon;
        // Arabic script writes the article joined to its word (التكريتي = al-Tikriti).
        if (abjad && phon.startsWith("al") && phon.length() >= 4 && !GLUE_TO_PREVIOUS.contains(phon)) {
          corePhon = phon.substring(2);
        }
        Word word = Word.of(phon, corePhon, abjad);
        if (!word.text().isEmpty()) {
          out.add(word);
        }
      }
    }
    return truncated;
  }

  private boolean markRemovable(List<Word> words, boolean[] removed) {
    boolean legalForm = false;
    int i = 0;
    while (i < words.size()) {
      Phrase match = longestPhraseAt(words, i);
      if (match == null) {
        i++;
        continue;
      }
      for (int k = 0; k < match.words().length; k++) {
        removed[i + k] = true;
      }
      legalForm |= match.kind() == PhraseKind.LEGAL_FORM;
      i += match.words().length;
    }
    return legalForm;
  }

  /**
   * Drops a word that only abbreviates the words before it: "National Iranian Oil Company
   * (NIOC)", "Islamic Republic of Iran Shipping Lines (IRISL)". The abbreviation adds no identity
   * the full words do not carry, and would otherwise count as an unmatched word.
   */
  private void markAcronyms(List<Word> words, boolean[] removed) {
    for (int i = 2; i < words.size(); i++) {
      Word w = words.get(i);
      int len = w.text().length();
      if (w.abjad() || len < 2 || len > 8 || removed[i]) {
        continue;
      }
      if (initialsBefore(words, i, len, null) || initialsBefore(words, i, len, removed)) {
        removed[i] = true;
      }
    }
  }

  /** Whether the {@code count} words before {@code end} (skipping removed ones if given) spell it. */
  private boolean initialsBefore(List<Word> words, int end, int count, boolean[] skip) {
    String acronym = words.get(end).text();
    int k = count - 1;
    for (int i = end - 1; i >= 0 && k >= 0; i--) {
      if (skip != null && skip[i]) {
        continue;
      }
      String t = words.get(i).text();
      if (words.get(i).abjad() || t.charAt(0) != acronym.charAt(k)) {
        return false;
      }
      k--;
    }
    return k < 0;
  }

  private Phrase longestPhraseAt(List<Word> words, int at) {
    Word first = words.get(at);
    List<Phrase> candidates = phrasesByFirstWord.get(first.abjad() ? first.phon() : first.text());
    if (candidates == null) {
      return null;
    }
    Phrase best = null;
    for (Phrase p : candidates) {
      if (at + p.words().length > words.size()) {
        continue;
      }
      boolean all = true;
      for (int k = 0; k < p.words().length && all; k++) {
        Word w = words.get(at + k);
        // Arabic-script phrases compare with the sound boundaries kept: سید (Seyyed) is an
        // honorific, سعيد (Saʿid) a name, though both fold to "syd".
        all = p.words()[k].equals(w.abjad() ? w.phon() : w.text()) && w.abjad() == p.abjad();
      }
      if (all && (best == null || p.words().length > best.words().length)) {
        best = p;
      }
    }
    return best;
  }

  /**
   * Whether {@link #glue} can change {@code words}: each of its passes acts only at a word of
   * {@link #GLUE_ANY}, so with none it would copy the list three times and give the same words.
   */
  private static boolean mayGlue(List<Word> words) {
    for (int i = 0; i < words.size(); i++) {
      String text = words.get(i).text();
      if (text.length() <= GLUE_MAX_CHARS && GLUE_ANY.contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static List<Word> glue(List<Word> words) {
    if (!mayGlue(words)) {
      return words;
    }
    List<Word> afterArticles = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      if (i + 1 < words.size() && isArticle(w.text(), words.get(i + 1).text())) {
        Word next = words.get(i + 1);
        afterArticles.add(Word.of(w.phon() + next.phon(), next.corePhon(), w.abjad() || next.abjad()));
        i++;
      } else {
        afterArticles.add(w);
      }
    }
    List<Word> afterSuffixes = new ArrayList<>(afterArticles.size());
    for (Word w : afterArticles) {
      int last = afterSuffixes.size() - 1;
      if (last >= 0 && GLUE_TO_PREVIOUS.contains(w.text()) && !GLUE_TO_NEXT.contains(afterSuffixes.get(last).text())) {
        Word prev = afterSuffixes.get(last);
        afterSuffixes.set(last, prev.join(w, false));
      } else {
        afterSuffixes.add(w);
      }
    }
    List<Word> out = new ArrayList<>(afterSuffixes.size());
    for (int i = 0; i < afterSuffixes.size(); i++) {
      Word w = afterSuffixes.get(i);
      if (i + 1 < afterSuffixes.size() && GLUE_TO_NEXT.contains(w.text())) {
        Word next = afterSuffixes.get(i + 1);
        out.add(w.join(next, true));
        i++;
      } else {
        out.add(w);
      }
    }
    return out;
  }

  private static String limit(String s) {
    return s.length() <= MAX_TOKEN_CHARS ? s : s.substring(0, MAX_TOKEN_CHARS);
  }

  private static boolean isArticle(String word, String next) {
    if (next.length() < 2) {
      return false;
    }
    if (ARTICLES.contains(word)) {
      return true;
    }
    return ASSIMILATED.contains(word) && next.startsWith(word.substring(1));
  }

  private NameToken token(Word w, int tokenCount, String[] forms) {
    Map<String, String> variants = w.abjad() ? abjadVariants : latinVariants;
    String canonical = variants.get(w.text());
    if (canonical == null && !w.core().equals(w.text())) {
      canonical = variants.get(w.core());
    }
    String skeleton;
    String vowelKey;
    if (w.phon().equals(w.core())) {
      // Most words: the skeleton and the vowel key read the same text, so read it once.
      Phonetic.skeletonAndVowelKey(w.phon(), forms);
      skeleton = forms[0];
      vowelKey = forms[1];
    } else {
      skeleton = Phonetic.skeleton(w.phon());
      vowelKey = Phonetic.vowelKey(w.core());
    }
    String coreSkeleton = w.corePhon().equals(w.phon()) ? skeleton : Phonetic.skeleton(w.corePhon());
    String coarse = Phonetic.coarse(coreSkeleton);
    if (coarse.isEmpty()) {
      coarse = coreSkeleton.isEmpty() ? w.core() : coreSkeleton;
    }
    boolean patronymic = tokenCount >= 3 && !w.abjad() && isPatronymic(w.text());
    return new NameToken(w.text(), w.core(), canonical, skeleton, coreSkeleton,
        vowelKey, coarse, w.abjad(), patronymic);
  }

  private static boolean isPatronymic(String text) {
    if (text.length() < 6) {
      return false;
    }
    for (String suffix : PATRONYMIC_SUFFIXES) {
      if (text.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** Words of {@code raw} after folding and gluing only: used to read the tables themselves. */
  private static List<Word> plainWords(String raw) {
    List<Word> words = new ArrayList<>();
    split(raw, words);
    return glue(words);
  }

  private static Variants loadVariants(String resource) {
    Map<String, String> latin = new HashMap<>();
    Map<String, String> abjad = new HashMap<>();
    for (String line : readLines(resource)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalStateException(resource + ": expected 'canonical: variant, ...' in: " + line);
      }
      String canonical = line.substring(0, colon).trim();
      List<String> forms = new ArrayList<>();
      forms.add(canonical);
      for (String v : line.substring(colon + 1).split(",")) {
        if (!v.isBlank()) {
          forms.add(v.trim());
        }
      }
      for (String form : forms) {
        List<Word> words = plainWords(form);
        if (words.size() != 1) {
          throw new IllegalStateException(resource + ": variant '" + form + "' of '" + canonical
              + "' must normalise to one word, got " + words);
        }
        Word w = words.get(0);
        Map<String, String> target = w.abjad() ? abjad : latin;
        String previous = target.put(w.text(), canonical);
        if (previous != null && !previous.equals(canonical)) {
          throw new IllegalStateException(resource + ": '" + form + "' (" + w.text() + ") belongs to both '"
              + previous + "' and '" + canonical + "'");
        }
      }
    }
    return new Variants(latin, abjad);
  }

  private static Map<String, List<Phrase>> loadPhrases(String resource) {
    Map<String, List<Phrase>> byFirst = new HashMap<>();
    PhraseKind kind = null;
    for (String line : readLines(resource)) {
      if (line.startsWith("[")) {
        kind = switch (line) {
          case "[legal-form]" -> PhraseKind.LEGAL_FORM;
          case "[honorific]" -> PhraseKind.HONORIFIC;
          case "[connector]" -> PhraseKind.CONNECTOR;
          default -> throw new IllegalStateException(resource + ": unknown section " + line);
        };
        continue;
      }
      if (kind == null) {
        throw new IllegalStateException(resource + ": phrase before any section: " + line);
      }
      List<Word> words = new ArrayList<>();
      split(line, words);
      if (words.isEmpty()) {
        throw new IllegalStateException(resource + ": phrase normalises to nothing: " + line);
      }
      String[] texts = new String[words.size()];
      boolean abjad = false;
      for (int i = 0; i < texts.length; i++) {
        Word w = words.get(i);
        texts[i] = w.abjad() ? w.phon() : w.text();
        abjad |= w.abjad();
      }
      byFirst.computeIfAbsent(texts[0], k -> new ArrayList<>()).add(new Phrase(texts, kind, abjad));
    }
    Map<String, List<Phrase>> frozen = new HashMap<>();
    byFirst.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return frozen;
  }

  private static List<String> readLines(String resource) {
    List<String> lines = new ArrayList<>();
    try (InputStream in = NameNormalizer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " next to " + NameNormalizer.class.getName());
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          lines.add(trimmed);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return lines;
  }
}
