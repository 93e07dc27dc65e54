package org.rialto.compliance.text;

/**
 * One word of a normalised name, with the forms the matcher compares.
 *
 * @param text folded Latin form ("husayn", "abdalrahman")
 * @param core the form without a glued Arabic article ("rahman" of "alrahman"), or {@code text}
 * @param canonical the canonical name from the variant table ("muhammad" for Mohammed, Мухаммад,
 *     محمد), or {@code null} when the word is not a known common name
 * @param skeleton phonetic skeleton of {@code text} (see {@link Phonetic})
 * @param coreSkeleton phonetic skeleton of {@code core}
 * @param vowelKey phonetic form that keeps a/e/o, for Latin-to-Latin comparison
 * @param coarseKey blocking key derived from the skeleton
 * @param abjad the word was written in Arabic script, so its short vowels are unknown
 * @param patronymic the word is an East Slavic patronymic (Viktorovich, Sergeyevna)
 */
public record NameToken(
    String text,
    String core,
    String canonical,
    String skeleton,
    String coreSkeleton,
    String vowelKey,
    String coarseKey,
    boolean abjad,
    boolean patronymic) {

  public NameToken {
    if (text == null || text.isEmpty() || text.length() > NameNormalizer.MAX_TOKEN_CHARS) {
      throw new IllegalArgumentException("token text must be 1.." + NameNormalizer.MAX_TOKEN_CHARS + " chars: " + text);
    }
    if (core == null || skeleton == null || coreSkeleton == null || vowelKey == null || coarseKey == null) {
      throw new IllegalArgumentException("token forms must be present: " + text);
    }
  }

  /** A single letter, as in "A. Rudenko". */
  public boolean initial() {
    return text.length() == 1 && Character.isLetter(text.charAt(0));
  }

  public boolean hasCore() {
    return !core.equals(text);
  }
}
