package org.rialto.iso20022;

import java.util.List;

/** The parties of an entry's transaction (TransactionParties6); proprietary parties untyped. */
public record TransactionParties(
    PartyOrAgent initiatingParty,
    PartyOrAgent debtor,
    Account debtorAccount,
    PartyOrAgent ultimateDebtor,
    PartyOrAgent creditor,
    Account creditorAccount,
    PartyOrAgent ultimateCreditor,
    PartyOrAgent tradingParty,
    List<XmlElement> otherElements) {
  public TransactionParties {
    otherElements = Check.list(otherElements, "otherElements");
  }
}
