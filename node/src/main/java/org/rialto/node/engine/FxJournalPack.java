package org.rialto.node.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of the FX journal since V113: one {@code fx_journal} row per run of consecutive
 * journal entries of one writer turn (same clock, consecutive seqs), instead of one
 * {@code fx_event} row per entry. A cross-border payment journals three entries on its sending
 * node (the quote request, the reservation, the fill); packed, they are a fraction of one row per
 * turn. The entries, their seqs and their order are unchanged, so the replay at start is too.
 *
 * <p>Text form, one line per entry: {@code kind TAB body}, the body with backslash, tab and
 * newline escaped; entry i of a row has seq {@code first_seq + i}.
 */
final class FxJournalPack {
  /** At most this many entries per row; more go to further rows. */
  static final int MAX_EVENTS_PER_ROW = 10_000;

  private FxJournalPack() {}

  /** One row to write: {@code events} are consecutive and share {@code atMillis}. */
  record Row(long firstSeq, long lastSeq, long atMillis, String events) {}

  /** The rows of a turn's (or a group's) entries, in seq order. */
  static List<Row> pack(List<QuoteDesk.FxEvent> events) {
    var rows = new ArrayList<Row>();
    var b = new StringBuilder(events.size() * 96);
    QuoteDesk.FxEvent first = null;
    QuoteDesk.FxEvent previous = null;
    int count = 0;
    for (var e : events) {
      if (e.kind().indexOf('\t') >= 0 || e.kind().indexOf('\n') >= 0 || e.kind().indexOf('\\') >= 0) {
        throw new IllegalStateException("FX journal kind " + e.kind() + " cannot be packed");
      }
      if (previous != null && e.seq() <= previous.seq()) {
        throw new IllegalStateException("FX journal seqs out of order: " + e.seq() + " after " + previous.seq());
      }
      if (first != null && (e.seq() != previous.seq() + 1 || e.atMillis() != first.atMillis() || count == MAX_EVENTS_PER_ROW)) {
        rows.add(new Row(first.seq(), previous.seq(), first.atMillis(), b.toString()));
        b.setLength(0);
        first = null;
        count = 0;
      }
      if (first == null) first = e;
      else b.append('\n');
      b.append(e.kind()).append('\t');
      InboxPack.escape(b, e.body());
      previous = e;
      count++;
    }
    if (first != null) rows.add(new Row(first.seq(), previous.seq(), first.atMillis(), b.toString()));
    return rows;
  }

  /** Every entry of one row, in seq order; a row that does not hold exactly its seqs is corrupt. */
  static List<QuoteDesk.FxEvent> unpack(long firstSeq, long lastSeq, long atMillis, String events) {
    var out = new ArrayList<QuoteDesk.FxEvent>();
    int start = 0;
    int n = events.length();
    long seq = firstSeq;
    while (start <= n) {
      int end = events.indexOf('\n', start);
      if (end < 0) end = n;
      int tab = events.indexOf('\t', start);
      if (tab < 0 || tab > end) throw new IllegalStateException("corrupt FX journal row at " + firstSeq);
      out.add(new QuoteDesk.FxEvent(seq++, atMillis, events.substring(start, tab), InboxPack.unescape(events, tab + 1, end)));
      start = end + 1;
    }
    if (seq - 1 != lastSeq) throw new IllegalStateException("FX journal row " + firstSeq + ".." + lastSeq + " holds " + out.size() + " entries");
    return out;
  }
}
