package org.rialto.iso20022;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry on an account (ReportEntry10): amount, credit or debit, status (BOOK, PDNG, INFO),
 * booking and value dates, bank transaction code and details. Availability, charges, interest,
 * card data and the rest are kept untyped.
 */
public record Entry(
    String entryReference,
    Amount amount,
    CreditDebit creditDebit,
    Boolean reversal,
    CodeOrProprietary status,
    DateOrDateTime bookingDate,
    DateOrDateTime valueDate,
    String accountServicerReference,
    BankTransactionCode bankTransactionCode,
    List<EntryDetails> details,
    String additionalInformation,
    List<XmlElement> otherElements) {
  public Entry {
    Check.text(entryReference, 35, "entryReference");
    Check.required(amount, "amount");
    Check.required(creditDebit, "creditDebit");
    Check.required(status, "status");
    Check.text(accountServicerReference, 35, "accountServicerReference");
    Check.required(bankTransactionCode, "bankTransactionCode");
    details = Check.list(details, "details");
    Check.text(additionalInformation, 500, "additionalInformation");
    otherElements = Check.list(otherElements, "otherElements");
  }

  /** A booked entry for one settled transfer. */
  public static Entry booked(Amount amount, CreditDebit side, LocalDate bookingDate, LocalDate valueDate, String accountServicerReference,
      BankTransactionCode code, EntryTransaction transaction) {
    return new Entry(null, amount, side, null, CodeOrProprietary.code("BOOK"), DateOrDateTime.of(bookingDate),
        DateOrDateTime.of(valueDate), accountServicerReference, code, List.of(EntryDetails.of(transaction)), null, List.of());
  }
}
