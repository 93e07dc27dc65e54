package org.rialto.node.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of bookings: one {@code booking_batch} row per account, value date and writer
 * turn, with the row's debit and credit totals and entry count beside the packed lines, so the
 * day close and the console sum rows without reading lines, and a statement decodes its day's
 * rows in order. Booking sequence numbers stay the writer's global, increasing sequence.
 *
 * <p>Text form, one line per booking: {@code delta TAB uetr TAB side TAB amount_minor TAB kind
 * TAB counterparty}, delta being the seq minus the row's first seq; kind and counterparty are
 * escaped as in {@link InboxPack}.
 */
public final class BookingPack {
  static final int MAX_BOOKINGS_PER_ROW = 10_000;

  /** One posting as stored. */
  public record Booking(long seq, String uetr, String side, long amountMinor, String kind, String counterparty) {}

  private BookingPack() {}

  static String encode(long firstSeq, List<Turn.BookingRow> rows) {
    var b = new StringBuilder(rows.size() * 72);
    long previous = firstSeq - 1;
    for (var r : rows) {
      if (r.seq() <= previous) throw new IllegalStateException("booking seqs out of order: " + r.seq() + " after " + previous);
      previous = r.seq();
      if (b.length() > 0) b.append('\n');
      b.append(r.seq() - firstSeq).append('\t').append(r.uetr()).append('\t').append(r.side()).append('\t')
          .append(r.amountMinor()).append('\t');
      InboxPack.escape(b, r.kind());
      b.append('\t');
      InboxPack.escape(b, r.counterparty());
    }
    return b.toString();
  }

  /** Every booking of one row, in seq order. */
  public static List<Booking> decode(long firstSeq, String lines) {
    var out = new ArrayList<Booking>();
    int start = 0;
    int n = lines.length();
    while (start <= n) {
      int end = lines.indexOf('\n', start);
      if (end < 0) end = n;
      int[] tab = new int[5];
      int from = start;
      for (int i = 0; i < 5; i++) {
        tab[i] = lines.indexOf('\t', from);
        if (tab[i] < 0 || tab[i] > end) throw new IllegalStateException("corrupt booking row at " + firstSeq);
        from = tab[i] + 1;
      }
      out.add(new Booking(firstSeq + Long.parseLong(lines, start, tab[0], 10), lines.substring(tab[0] + 1, tab[1]),
          lines.substring(tab[1] + 1, tab[2]), Long.parseLong(lines, tab[2] + 1, tab[3], 10),
          InboxPack.unescape(lines, tab[3] + 1, tab[4]), InboxPack.unescape(lines, tab[4] + 1, end)));
      start = end + 1;
    }
    return out;
  }
}
