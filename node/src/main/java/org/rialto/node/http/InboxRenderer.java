package org.rialto.node.http;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.rialto.iso20022.Account;
import org.rialto.iso20022.AccountReport;
import org.rialto.iso20022.Agent;
import org.rialto.iso20022.Amount;
import org.rialto.iso20022.BankTransactionCode;
import org.rialto.iso20022.Camt054;
import org.rialto.iso20022.ChargeBearer;
import org.rialto.iso20022.CreditDebit;
import org.rialto.iso20022.CreditTransfer;
import org.rialto.iso20022.Entry;
import org.rialto.iso20022.EntryTransaction;
import org.rialto.iso20022.Envelope;
import org.rialto.iso20022.Iso20022;
import org.rialto.iso20022.OriginalGroupInfo;
import org.rialto.iso20022.OriginalRef;
import org.rialto.iso20022.Pacs002;
import org.rialto.iso20022.Pacs008;
import org.rialto.iso20022.Party;
import org.rialto.iso20022.PaymentId;
import org.rialto.iso20022.ReasonInformation;
import org.rialto.iso20022.RemittanceInformation;
import org.rialto.iso20022.SettlementInstruction;
import org.rialto.iso20022.SettlementMethod;
import org.rialto.node.payment.Payment;

/**
 * Renders a bank's inbox rows as ISO 20022 messages from the payment they refer to. Every input
 * (ids, times) comes from the stored rows, so a message delivered twice is the same bytes twice.
 * Amounts use the node's minor units for its currency, which may differ from ISO 4217's (IRR).
 */
final class InboxRenderer {
  /** A statement lists at most this many entries (as before the bookings were packed). */
  private static final int MAX_STATEMENT_ENTRIES = 100_000;

  private final String nodeBic;
  private final String nodeCurrency;
  private final int minorUnits;

  InboxRenderer(String nodeBic, String nodeCurrency, int minorUnits) {
    this.nodeBic = nodeBic;
    this.nodeCurrency = nodeCurrency;
    this.minorUnits = minorUnits;
  }

  /** The XML for one row, or null for kinds that have no ISO rendering here. */
  String render(Inbox.InboxMessage m, Payment p) {
    if (p == null) return null;
    String id = "RIALTO" + m.id();
    OffsetDateTime created = Instant.ofEpochMilli(m.createdAtMillis()).atOffset(ZoneOffset.UTC);
    var doc = switch (m.kind()) {
      case "pacs.002" -> status(id, created, p, m.detail());
      case "pacs.008" -> Pacs008.of(id, created, SettlementInstruction.of(SettlementMethod.CLRG), transfer(p));
      case "camt.054" -> notification(id, created, p, m.detail());
      default -> null;
    };
    return doc == null ? null : new String(Iso20022.write(Envelope.of(doc)), StandardCharsets.UTF_8);
  }

  /**
   * A camt.053 statement for one business day: opening and closing booked balances from the day
   * close, and one entry per booking of that value date.
   */
  String statement(java.sql.Connection c, String bic, Inbox.InboxMessage m) throws java.sql.SQLException {
    String date = m.detail();
    String id = "RIALTO" + m.id();
    OffsetDateTime created = Instant.ofEpochMilli(m.createdAtMillis()).atOffset(ZoneOffset.UTC);
    long opening;
    long closing;
    try (var ps = c.prepareStatement("SELECT opening_minor, closing_minor FROM balance_snapshot WHERE business_date = ? AND bic = ?")) {
      ps.setString(1, date);
      ps.setString(2, bic);
      try (var rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        opening = rs.getLong(1);
        closing = rs.getLong(2);
      }
    }
    var entries = new java.util.ArrayList<Entry>();
    LocalDate day = LocalDate.parse(date);
    try (var ps = c.prepareStatement("SELECT first_seq, lines FROM booking_batch WHERE bic = ? AND value_date = ?"
        + " ORDER BY last_seq")) {
      ps.setString(1, bic);
      ps.setString(2, date);
      try (var rs = ps.executeQuery()) {
        while (rs.next() && entries.size() < MAX_STATEMENT_ENTRIES) {
          for (var b : org.rialto.node.engine.BookingPack.decode(rs.getLong(1), rs.getString(2))) {
            if (entries.size() == MAX_STATEMENT_ENTRIES) break;
            boolean debit = b.side().equals("DBIT");
            var side = debit ? CreditDebit.DBIT : CreditDebit.CRDT;
            var code = debit ? BankTransactionCode.ISSUED_DOMESTIC : BankTransactionCode.RECEIVED_DOMESTIC;
            entries.add(new Entry(null, new Amount(nodeCurrency, BigDecimal.valueOf(b.amountMinor(), minorUnits)), side, null,
                org.rialto.iso20022.CodeOrProprietary.code("BOOK"), org.rialto.iso20022.DateOrDateTime.of(day),
                org.rialto.iso20022.DateOrDateTime.of(day), "B" + b.seq(), code, List.of(),
                b.kind() + " " + b.uetr() + " with " + b.counterparty(), List.of()));
          }
        }
      }
    }
    var balances = List.of(balance("OPBD", opening, day), balance("CLBD", closing, day));
    var report = AccountReport.of(id, created, Account.other(nodeCurrency + "-" + bic), balances, entries);
    var doc = org.rialto.iso20022.Camt053.of(id, created, report);
    return new String(Iso20022.write(Envelope.of(doc)), StandardCharsets.UTF_8);
  }

  private org.rialto.iso20022.Balance balance(String type, long minor, LocalDate day) {
    return new org.rialto.iso20022.Balance(org.rialto.iso20022.CodeOrProprietary.code(type), null,
        new Amount(nodeCurrency, BigDecimal.valueOf(Math.abs(minor), minorUnits)), minor < 0 ? CreditDebit.DBIT : CreditDebit.CRDT,
        org.rialto.iso20022.DateOrDateTime.of(day), List.of());
  }

  private Pacs002 status(String id, OffsetDateTime created, Payment p, String detail) {
    var original = new OriginalRef(new OriginalGroupInfo(p.msgId().length() > 35 ? p.msgId().substring(0, 35) : p.msgId(),
        "pacs.008.001.08", null), null, p.endToEndId(), null, p.uetr().toString(), null, null, null);
    boolean rejected = detail != null && detail.startsWith("RJCT");
    String reason = rejected && detail.contains(":") ? detail.substring(detail.indexOf(':') + 1) : null;
    return Pacs002.of(id, created, Agent.ofBic(nodeBic), Agent.ofBic(p.senderBic()), original,
        rejected ? Pacs002.RJCT : Pacs002.ACSC, reason == null ? null : ReasonInformation.of(reason, null));
  }

  private Amount amount(Payment p) {
    return new Amount(p.currency(), BigDecimal.valueOf(p.amountMinor(), minorUnits));
  }

  private CreditTransfer transfer(Payment p) {
    LocalDate date = p.valueDate() == null ? Instant.ofEpochMilli(p.updatedAtMillis()).atOffset(ZoneOffset.UTC).toLocalDate()
        : LocalDate.parse(p.valueDate());
    var builder = CreditTransfer.builder()
        .paymentId(PaymentId.of(null, p.endToEndId() == null ? "NOTPROVIDED" : p.endToEndId(), null, p.uetr().toString()))
        .interbankSettlementAmount(amount(p))
        .interbankSettlementDate(date)
        .chargeBearer(ChargeBearer.SHAR)
        // The customers' R16 details go on to the creditor's bank as the debtor's bank gave them.
        .debtor(org.rialto.node.payment.PartyDetails.party(p.debtorName() == null ? "NOTPROVIDED" : p.debtorName(), p.debtorDetails()))
        .debtorAccount(org.rialto.node.payment.PartyDetails.account(p.debtorDetails()))
        .debtorAgent(Agent.ofBic(p.debtorBic()))
        .creditorAgent(Agent.ofBic(p.creditorBic()))
        .creditor(org.rialto.node.payment.PartyDetails.party(p.creditorName() == null ? "NOTPROVIDED" : p.creditorName(),
            p.creditorDetails()))
        .creditorAccount(org.rialto.node.payment.PartyDetails.account(p.creditorDetails()));
    if (p.remittance() != null) builder.remittanceInformation(new RemittanceInformation(List.of(p.remittance()), List.of()));
    return builder.build();
  }

  private Camt054 notification(String id, OffsetDateTime created, Payment p, String detail) {
    boolean debit = detail != null && detail.startsWith("DBIT");
    var side = debit ? CreditDebit.DBIT : CreditDebit.CRDT;
    var t = transfer(p);
    LocalDate date = t.interbankSettlementDate();
    var code = debit ? BankTransactionCode.ISSUED_DOMESTIC : BankTransactionCode.RECEIVED_DOMESTIC;
    var entry = Entry.booked(amount(p), side, date, date, id, code, EntryTransaction.of(id, t, side));
    return Camt054.of(id, created, AccountReport.notification(id, created, Account.other(p.currency() + "-" + (debit ? p.debtorBic() : p.creditorBic())),
        List.of(entry)));
  }
}
