package org.rialto.compliance.screening;

import java.util.List;
import org.rialto.compliance.lists.EntryKind;
import org.rialto.compliance.lists.EntryName;
import org.rialto.compliance.match.TokenPair;

/**
 * One list entry a screened name matched, with everything an operator needs to judge it.
 *
 * @param role the role of the screened party
 * @param screenedName the name as the payment carries it
 * @param listName the list ("UN", "OFAC", "RU"...)
 * @param listVersion the version of the list used
 * @param entryId the list's id of the entry (UN DATAID, OFAC ent_num...)
 * @param entryReference the list's human reference (UN "IRi.039"), or empty
 * @param entryKind person, organisation, vessel, aircraft
 * @param primaryName the entry's primary name
 * @param matchedName the entry name that matched (primary name, alias or original script)
 * @param matchedNameType its type
 * @param matchedNameQuality its quality (LOW aliases score slightly lower)
 * @param nameScore the name similarity, 0..1
 * @param score the final score: name score adjusted by the evidence
 * @param threshold the list's threshold the score reached
 * @param matchedTokens the words paired between the two names, with their similarity
 * @param unmatchedWords words of either name left unpaired ("screened:x", "list:y")
 * @param evidence the adjustments applied, in words (date of birth, country, weak alias)
 */
public record ScreeningHit(
    PartyRole role,
    String screenedName,
    String listName,
    int listVersion,
    String entryId,
    String entryReference,
    EntryKind entryKind,
    String primaryName,
    String matchedName,
    EntryName.Type matchedNameType,
    EntryName.Quality matchedNameQuality,
    double nameScore,
    double score,
    double threshold,
    List<TokenPair> matchedTokens,
    List<String> unmatchedWords,
    List<String> evidence) {
  public ScreeningHit {
    if (!(score >= threshold)) {
      throw new IllegalStateException("a hit scores at least its threshold: " + score + " < " + threshold);
    }
    matchedTokens = List.copyOf(matchedTokens);
    unmatchedWords = List.copyOf(unmatchedWords);
    evidence = List.copyOf(evidence);
  }

  /** One line for logs and the operator console. */
  public String explain() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(java.util.Locale.ROOT, "%s '%s' matches %s v%d entry %s%s (%s) '%s' via %s '%s': score %.3f (name %.3f, threshold %.2f)",
        role, screenedName, listName, listVersion, entryId, entryReference.isEmpty() ? "" : " [" + entryReference + "]",
        entryKind, primaryName, matchedNameType.name().toLowerCase(java.util.Locale.ROOT), matchedName, score, nameScore, threshold));
    b.append("; words");
    for (TokenPair p : matchedTokens) {
      b.append(String.format(java.util.Locale.ROOT, " %s~%s(%.2f)", p.queryWord(), p.listWord(), p.similarity()));
    }
    if (!unmatchedWords.isEmpty()) {
      b.append("; unmatched ").append(String.join(" ", unmatchedWords));
    }
    if (!evidence.isEmpty()) {
      b.append("; ").append(String.join("; ", evidence));
    }
    return b.toString();
  }
}
