package org.rialto.fx;

import java.time.Instant;
import java.util.List;

/**
 * A rate as the quote book holds it.
 *
 * @param rateId assigned by the book, increasing from 1: quotes name the rate they were given on
 * @param replacedRateIds the rates this one replaced (their quotes have a grace period left)
 */
public record PublishedRate(long rateId, Rate rate, Instant publishedAt, List<Long> replacedRateIds) {

  public PublishedRate {
    replacedRateIds = List.copyOf(replacedRateIds);
  }
}
