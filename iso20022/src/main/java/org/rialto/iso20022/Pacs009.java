package org.rialto.iso20022;

import java.util.List;

/** pacs.009.001.08 FinancialInstitutionCreditTransfer: transfers between institutions (and cover payments). */
public record Pacs009(CreditTransferGroupHeader groupHeader, List<FiCreditTransfer> transactions, List<XmlElement> otherElements)
    implements IsoMessage {
  public Pacs009 {
    Check.required(groupHeader, "groupHeader");
    transactions = Check.list(transactions, "transactions");
    if (transactions.isEmpty()) throw new IllegalArgumentException("a pacs.009 carries at least one transaction");
    otherElements = Check.list(otherElements, "otherElements");
  }

  @Override
  public MessageType type() {
    return MessageType.PACS_009_001_08;
  }

  @Override
  public String messageId() {
    return groupHeader.messageId();
  }
}
