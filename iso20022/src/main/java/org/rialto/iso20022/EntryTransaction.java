package org.rialto.iso20022;

import java.util.List;

/**
 * One transaction behind an entry (EntryTransaction10): references, amount, parties, agents,
 * purpose and remittance information. Amount details, charges, dates, tax, return information
 * and the rest are kept untyped.
 */
public record EntryTransaction(
    TransactionReferences references,
    Amount amount,
    CreditDebit creditDebit,
    BankTransactionCode bankTransactionCode,
    TransactionParties relatedParties,
    TransactionAgents relatedAgents,
    CodeOrProprietary localInstrument,
    CodeOrProprietary purpose,
    RemittanceInformation remittanceInformation,
    String additionalInformation,
    List<XmlElement> otherElements) {
  public EntryTransaction {
    Check.text(additionalInformation, 500, "additionalInformation");
    otherElements = Check.list(otherElements, "otherElements");
  }

  /** The details of a settled pacs.008 transaction as its account holder should see them. */
  public static EntryTransaction of(String messageId, CreditTransfer t, CreditDebit side) {
    TransactionParties parties = new TransactionParties(null, PartyOrAgent.of(t.debtor()), t.debtorAccount(),
        t.ultimateDebtor() == null ? null : PartyOrAgent.of(t.ultimateDebtor()), PartyOrAgent.of(t.creditor()),
        t.creditorAccount(), t.ultimateCreditor() == null ? null : PartyOrAgent.of(t.ultimateCreditor()), null, List.of());
    TransactionAgents agents = new TransactionAgents(t.instructingAgent(), t.instructedAgent(), t.debtorAgent(), t.creditorAgent(),
        null, null, null, List.of());
    return new EntryTransaction(TransactionReferences.of(messageId, t.paymentId()), t.interbankSettlementAmount(), side, null,
        parties, agents, null, t.purpose(), t.remittanceInformation(), null, List.of());
  }
}
