package org.rialto.compliance.aml;

import java.time.Instant;

/**
 * What the AML rules read about a payment.
 *
 * @param paymentId the payment's id (UETR or internal), for evidence
 * @param at when the node accepted the payment (the rules never read a clock)
 * @param amountMinor the amount in minor units of {@code currency}, positive
 * @param currency ISO 4217 code
 * @param debtor the payer
 * @param creditor the payee
 * @param debtorAgentBic the debtor's bank BIC, or null
 * @param creditorAgentBic the creditor's bank BIC, or null
 * @param crossBorder the payment crosses a border (FATF R16 applies in full)
 * @param customerDetailsCarried whether accounts, addresses and identifications were given to
 *     the rules; false where they are checked elsewhere (a settlement node keeps its customers'
 *     names and agents only; the ISO 20022 edge checks the rest of R16), so R16 checks names only
 */
public record PaymentView(String paymentId, Instant at, long amountMinor, String currency, PartyView debtor,
    PartyView creditor, String debtorAgentBic, String creditorAgentBic, boolean crossBorder,
    boolean customerDetailsCarried) {
  /** A payment with every customer detail it has given to the rules. */
  public PaymentView(String paymentId, Instant at, long amountMinor, String currency, PartyView debtor,
      PartyView creditor, String debtorAgentBic, String creditorAgentBic, boolean crossBorder) {
    this(paymentId, at, amountMinor, currency, debtor, creditor, debtorAgentBic, creditorAgentBic, crossBorder, true);
  }

  public PaymentView {
    if (paymentId == null || paymentId.isBlank() || at == null || debtor == null || creditor == null) {
      throw new IllegalArgumentException("a payment view needs an id, a time, a debtor and a creditor");
    }
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("payment amount must be positive, got " + amountMinor);
    }
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code like RUB, got " + currency);
    }
    for (String bic : new String[] {debtorAgentBic, creditorAgentBic}) {
      if (bic != null && !bic.matches("[A-Z0-9]{8}([A-Z0-9]{3})?")) {
        throw new IllegalArgumentException("not a BIC: " + bic);
      }
    }
  }

  /** The country of a BIC (its fifth and sixth characters). */
  static String bicCountry(String bic) {
    return bic == null ? null : bic.substring(4, 6);
  }
}
