package org.rialto.fx;

/**
 * An FX provider's position on a currency pair (both directions of the corridor), visible to the
 * provider and to both central banks. The pair's currencies are in alphabetical order.
 */
public record FxPosition(String fxpBic, CurrencyPosition first, CurrencyPosition second) {

  /** The position in {@code currency}, which must be one of the pair. */
  public CurrencyPosition in(String currency) {
    if (first.currency().equals(currency)) {
      return first;
    }
    if (second.currency().equals(currency)) {
      return second;
    }
    throw new IllegalArgumentException(currency + " is not in the pair " + first.currency()
        + "/" + second.currency());
  }
}
