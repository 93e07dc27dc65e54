package org.rialto.fx;

/**
 * What a payment says about the quote it uses, as read from the pacs.008: checked against the
 * quote field by field.
 *
 * @param requesterBic the debtor agent sending the payment
 * @param sourceAmountMinor the amount debited (interbank settlement amount of leg 1)
 * @param targetAmountMinor the amount the creditor receives
 */
public record QuoteUse(
    String quoteId,
    String requesterBic,
    String sourceCurrency,
    long sourceAmountMinor,
    String targetCurrency,
    long targetAmountMinor) {}
