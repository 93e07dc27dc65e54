package org.rialto.iso20022;

/**
 * A cash account (CashAccount38, and CashAccount39 in statements, which adds owner and servicer).
 * Identified by exactly one of an IBAN or another identification.
 *
 * @param owner Ownr, only in statement and report accounts, else null
 * @param servicer Svcr, only in statement and report accounts, else null
 */
public record Account(
    String iban,
    GenericId other,
    CodeOrProprietary type,
    String currency,
    String name,
    Proxy proxy,
    Party owner,
    Agent servicer) {
  public Account {
    Check.oneOf(iban, other, "account iban or other id");
    if (iban != null && (iban.length() < 5 || iban.length() > 34)) {
      throw new IllegalArgumentException("IBAN must have 5 to 34 characters: " + iban);
    }
    if (other != null && other.id().length() > 34) {
      throw new IllegalArgumentException("account id must have at most 34 characters: " + other.id());
    }
    if (currency != null && currency.length() != 3) throw new IllegalArgumentException("currency must have 3 letters: " + currency);
    Check.text(name, 70, "account name");
  }

  public static Account iban(String iban) {
    return new Account(Check.required(iban, "iban"), null, null, null, null, null, null, null);
  }

  /** An account identified by a number outside the IBAN scheme, e.g. a Russian account number. */
  public static Account other(String id) {
    return new Account(null, new GenericId(id, null, null), null, null, null, null, null, null);
  }

  /** The identification whatever its form: the IBAN, or the other id. */
  public String identification() {
    return iban != null ? iban : other.id();
  }
}
