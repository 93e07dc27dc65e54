package org.rialto.iso20022;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One account's report (camt.052 Rpt, AccountReport25), statement (camt.053 Stmt,
 * AccountStatement9) or notification (camt.054 Ntfctn, AccountNotification17): they share this
 * shape. A notification has no balances; a statement has at least one. Pagination, reporting
 * sequence and source, interest and transaction summary are kept untyped.
 *
 * @param fromDateTime FrToDt/FrDtTm, or null (then toDateTime is null too)
 */
public record AccountReport(
    String id,
    Long electronicSequenceNumber,
    Long legalSequenceNumber,
    OffsetDateTime creationDateTime,
    OffsetDateTime fromDateTime,
    OffsetDateTime toDateTime,
    String copyDuplicate,
    Account account,
    Account relatedAccount,
    List<Balance> balances,
    List<Entry> entries,
    String additionalInformation,
    List<XmlElement> otherElements) {
  public AccountReport {
    Check.requiredText(id, 35, "id");
    if ((fromDateTime == null) != (toDateTime == null)) throw new IllegalArgumentException("from and to date-times come together");
    Check.required(account, "account");
    balances = Check.list(balances, "balances");
    entries = Check.list(entries, "entries");
    Check.text(additionalInformation, 500, "additionalInformation");
    otherElements = Check.list(otherElements, "otherElements");
  }

  /** A statement (camt.053) or report with the given balances and entries. */
  public static AccountReport of(String id, OffsetDateTime created, Account account, List<Balance> balances, List<Entry> entries) {
    return new AccountReport(id, null, null, created, null, null, null, account, null, balances, entries, null, List.of());
  }

  /** A notification (camt.054): entries, no balances. */
  public static AccountReport notification(String id, OffsetDateTime created, Account account, List<Entry> entries) {
    return new AccountReport(id, null, null, created, null, null, null, account, null, List.of(), entries, null, List.of());
  }
}
