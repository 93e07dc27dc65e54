package org.rialto.fx;

import java.util.List;

/**
 * The answer to a {@link QuoteRequest}: every eligible provider's firm quote, best first (most
 * received for a fixed source, least debited for a fixed target; ties by BIC), and every
 * provider with a rate on the corridor that declined, with the reason.
 */
public record QuoteResult(List<Quote> quotes, List<Declined> declined) {

  public QuoteResult {
    quotes = List.copyOf(quotes);
    declined = List.copyOf(declined);
  }
}
