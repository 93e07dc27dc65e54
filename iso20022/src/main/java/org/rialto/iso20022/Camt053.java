package org.rialto.iso20022;

import java.time.OffsetDateTime;
import java.util.List;

/** camt.053.001.08 BankToCustomerStatement: end-of-period account statements. */
public record Camt053(StatementGroupHeader groupHeader, List<AccountReport> statements, List<XmlElement> otherElements)
    implements IsoMessage {
  public Camt053 {
    Check.required(groupHeader, "groupHeader");
    statements = Check.list(statements, "statements");
    if (statements.isEmpty()) throw new IllegalArgumentException("a camt.053 carries at least one statement");
    for (AccountReport s : statements) {
      if (s.balances().isEmpty()) throw new IllegalArgumentException("a statement has at least one balance");
    }
    otherElements = Check.list(otherElements, "otherElements");
  }

  public static Camt053 of(String messageId, OffsetDateTime created, AccountReport report) {
    return new Camt053(StatementGroupHeader.of(messageId, created), List.of(report), List.of());
  }

  @Override
  public MessageType type() {
    return MessageType.CAMT_053_001_08;
  }

  @Override
  public String messageId() {
    return groupHeader.messageId();
  }
}
