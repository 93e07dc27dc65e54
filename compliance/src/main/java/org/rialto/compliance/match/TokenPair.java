package org.rialto.compliance.match;

/**
 * Two words the matcher paired, for the explanation of a hit.
 *
 * @param queryWord the screened name's word (normalised), or two words joined by '+' when the
 *     other side wrote them as one
 * @param listWord the list name's word, likewise
 * @param similarity 0..1
 */
public record TokenPair(String queryWord, String listWord, double similarity) {}
