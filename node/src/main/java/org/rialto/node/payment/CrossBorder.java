package org.rialto.node.payment;

/**
 * The cross-border side of a payment, as one node sees it. The sending node S holds leg 1
 * (debtor → FX provider, in S's currency); the receiving node R holds leg 2 (FX provider →
 * creditor, in R's currency) and decides.
 *
 * @param role OUTGOING on S, INCOMING on R
 * @param peerNode the other node
 * @param fxpBic the FX provider, a participant of both nodes
 * @param sourceAmountMinor what the debtor pays, in {@code sourceCurrency} (S's currency)
 * @param targetAmountMinor what the creditor receives, in {@code targetCurrency} (R's currency)
 * @param rate the quoted rate as exact decimal text (target units per source unit)
 * @param expiresAtMillis R commits only before this instant; after it R rejects, forever
 */
public record CrossBorder(
    Role role,
    String peerNode,
    String fxpBic,
    String quoteId,
    long sourceAmountMinor,
    String sourceCurrency,
    long targetAmountMinor,
    String targetCurrency,
    String rate,
    long expiresAtMillis) {

  public enum Role {
    OUTGOING,
    INCOMING
  }

  public CrossBorder {
    if (sourceAmountMinor <= 0 || targetAmountMinor <= 0) throw new IllegalArgumentException("amounts must be > 0");
    if (sourceCurrency.equals(targetCurrency)) throw new IllegalArgumentException("a corridor joins two currencies");
  }
}
