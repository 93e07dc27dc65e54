package org.rialto.fx;

import java.util.HashSet;
import java.util.List;

/**
 * A participant that converts between currencies: it holds a settlement account on the home
 * node of each currency it lists (each currency has exactly one home node, so the currency names
 * the node). A central bank can be one (the swap-line model); so can dealer banks, several per
 * corridor.
 *
 * @param bic the participant's BIC
 * @param settlementCurrencies at least two distinct currencies, at most {@link #MAX_CURRENCIES}
 */
public record FxProvider(String bic, List<String> settlementCurrencies) {

  public static final int MAX_CURRENCIES = 32;

  public FxProvider {
    Bic.require(bic, "FX provider BIC");
    if (settlementCurrencies == null || settlementCurrencies.size() < 2
        || settlementCurrencies.size() > MAX_CURRENCIES) {
      throw new IllegalArgumentException("FX provider " + bic + " needs 2.."
          + MAX_CURRENCIES + " settlement currencies, got " + settlementCurrencies);
    }
    settlementCurrencies = List.copyOf(settlementCurrencies);
    HashSet<String> seen = new HashSet<>();
    for (String code : settlementCurrencies) {
      Currency.requireCode(code, "FX provider " + bic + " settlement currency");
      if (!seen.add(code)) {
        throw new IllegalArgumentException("FX provider " + bic + " lists " + code + " twice");
      }
    }
  }
}
