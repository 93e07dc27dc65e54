package org.rialto.iso20022;

import java.util.List;

/** The details of an entry (EntryDetails9): batch information (untyped) and the transactions. */
public record EntryDetails(XmlElement batch, List<EntryTransaction> transactions) {
  public EntryDetails {
    transactions = Check.list(transactions, "transactions");
  }

  public static EntryDetails of(EntryTransaction transaction) {
    return new EntryDetails(null, List.of(transaction));
  }
}
