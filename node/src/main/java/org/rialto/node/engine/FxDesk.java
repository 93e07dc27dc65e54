package org.rialto.node.engine;

/**
 * What the writer needs from the FX side: does this quote hold for this payment now, and record
 * that it was used. Implemented over the fx module's quote book; owned by the writer thread.
 */
public interface FxDesk {
  /**
   * @param sourceAmountMinor what the payment debits, in this node's currency
   * @param targetCurrency the currency of the creditor's node
   */
  QuoteCheck check(String quoteId, String debtorBic, long sourceAmountMinor, String targetCurrency, long nowMillis);

  /** A desk for nodes without FX providers: every cross-border payment is refused clearly. */
  FxDesk NONE = (quoteId, debtorBic, amount, target, now) ->
      new QuoteCheck.Invalid("NARR", "this node has no FX provider for " + target);
}
