package org.rialto.iso20022;

import java.time.OffsetDateTime;
import java.util.List;

/** camt.052.001.08 BankToCustomerAccountReport: intraday account reports. */
public record Camt052(StatementGroupHeader groupHeader, List<AccountReport> reports, List<XmlElement> otherElements)
    implements IsoMessage {
  public Camt052 {
    Check.required(groupHeader, "groupHeader");
    reports = Check.list(reports, "reports");
    if (reports.isEmpty()) throw new IllegalArgumentException("a camt.052 carries at least one report");
    otherElements = Check.list(otherElements, "otherElements");
  }

  public static Camt052 of(String messageId, OffsetDateTime created, AccountReport report) {
    return new Camt052(StatementGroupHeader.of(messageId, created), List.of(report), List.of());
  }

  @Override
  public MessageType type() {
    return MessageType.CAMT_052_001_08;
  }

  @Override
  public String messageId() {
    return groupHeader.messageId();
  }
}
