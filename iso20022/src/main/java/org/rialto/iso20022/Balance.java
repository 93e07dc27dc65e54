package org.rialto.iso20022;

import java.time.LocalDate;
import java.util.List;

/**
 * A balance of a statement or report (CashBalance8): type (e.g. OPBD opening booked, CLBD
 * closing booked, ITBD interim booked), amount, sign and date. Credit lines and availability are
 * kept untyped.
 */
public record Balance(
    CodeOrProprietary type, CodeOrProprietary subType, Amount amount, CreditDebit creditDebit, DateOrDateTime date,
    List<XmlElement> otherElements) {
  public Balance {
    Check.required(type, "type");
    Check.required(amount, "amount");
    Check.required(creditDebit, "creditDebit");
    Check.required(date, "date");
    otherElements = Check.list(otherElements, "otherElements");
  }

  /**
   * A balance of {@code balanceMinor} minor units (negative for a debit balance).
   *
   * @param typeCode e.g. "OPBD", "CLBD", "ITBD"
   */
  public static Balance of(String typeCode, String currency, long balanceMinor, LocalDate date) {
    if (balanceMinor == Long.MIN_VALUE) throw new IllegalArgumentException("balance out of range");
    return new Balance(CodeOrProprietary.code(typeCode), null, Amount.ofMinor(currency, Math.abs(balanceMinor)),
        balanceMinor < 0 ? CreditDebit.DBIT : CreditDebit.CRDT, DateOrDateTime.of(date), List.of());
  }
}
