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

  /** Both legs settled: the quote is filled and counts in the provider's position. */
  void settled(String quoteId, long nowMillis);

  /** The payment was rejected after its quote was reserved: the quote is released. */
  void released(String quoteId, long nowMillis);

  /** Journal rows to store with the current turn. */
  java.util.List<QuoteDesk.FxEvent> unsavedEvents();

  /** A desk for nodes without FX providers: every cross-border payment is refused clearly. */
  FxDesk NONE = new FxDesk() {
    @Override
    public QuoteCheck check(String quoteId, String debtorBic, long amount, String target, long now) {
      return new QuoteCheck.Invalid("NARR", "this node has no FX provider for " + target);
    }

    @Override
    public void settled(String quoteId, long nowMillis) {
      throw new IllegalStateException("no quote can be settled on a node without FX providers");
    }

    @Override
    public void released(String quoteId, long nowMillis) {
      throw new IllegalStateException("no quote can be released on a node without FX providers");
    }

    @Override
    public java.util.List<QuoteDesk.FxEvent> unsavedEvents() {
      return java.util.List.of();
    }
  };
}
