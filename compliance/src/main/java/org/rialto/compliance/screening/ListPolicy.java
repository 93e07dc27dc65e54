package org.rialto.compliance.screening;

import org.rialto.compliance.lists.ListVersion;

/**
 * How a node uses one list.
 *
 * @param listName the list ("UN", "OFAC", "RU"...)
 * @param version a pinned version, or 0 for the latest
 * @param threshold the score at or above which a name is a hit on this list, in [0.5, 1.0]
 */
public record ListPolicy(String listName, int version, double threshold) {
  public static final double MIN_THRESHOLD = 0.5;

  public ListPolicy {
    ListVersion.checkName(listName);
    if (version < 0) {
      throw new IllegalArgumentException("list version must be >= 0 (0 = latest): " + version);
    }
    if (!(threshold >= MIN_THRESHOLD && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold of list " + listName + " must be in [" + MIN_THRESHOLD + ", 1]: " + threshold);
    }
  }

  public static ListPolicy latest(String listName, double threshold) {
    return new ListPolicy(listName, 0, threshold);
  }
}
