package org.rialto.iso20022;

import java.time.OffsetDateTime;
import java.util.List;

/** camt.054.001.08 BankToCustomerDebitCreditNotification: debit and credit notifications. */
public record Camt054(StatementGroupHeader groupHeader, List<AccountReport> notifications, List<XmlElement> otherElements)
    implements IsoMessage {
  public Camt054 {
    Check.required(groupHeader, "groupHeader");
    notifications = Check.list(notifications, "notifications");
    if (notifications.isEmpty()) throw new IllegalArgumentException("a camt.054 carries at least one notification");
    for (AccountReport n : notifications) {
      if (!n.balances().isEmpty()) throw new IllegalArgumentException("a notification has no balances");
    }
    otherElements = Check.list(otherElements, "otherElements");
  }

  public static Camt054 of(String messageId, OffsetDateTime created, AccountReport report) {
    return new Camt054(StatementGroupHeader.of(messageId, created), List.of(report), List.of());
  }

  @Override
  public MessageType type() {
    return MessageType.CAMT_054_001_08;
  }

  @Override
  public String messageId() {
    return groupHeader.messageId();
  }
}
