package org.rialto.node.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A payment's history (every step, for operators) stored in its own row, in the column
 * {@code payment.history}, instead of one {@code payment_event} row per step: the payment row is
 * written in the same turn anyway, and the two event rows of a settled payment, with their index
 * keyed by the random UETR, were a quarter of what the node wrote per payment.
 *
 * <p>Text form, one line per event, each ending with a newline so a turn appends with plain
 * concatenation: {@code seq TAB at_millis TAB state TAB step [TAB detail]}, step and detail
 * escaped as in {@link InboxPack}; a null detail has no field.
 */
public final class PaymentHistory {
  /** One event as stored. */
  public record Event(long seq, long atMillis, String state, String step, String detail) {}

  private PaymentHistory() {}

  static void append(StringBuilder b, Turn.PaymentEventRow e) {
    b.append(e.seq()).append('\t').append(e.atMillis()).append('\t').append(e.state().name()).append('\t');
    InboxPack.escape(b, e.step());
    if (e.detail() != null) {
      b.append('\t');
      InboxPack.escape(b, e.detail());
    }
    b.append('\n');
  }

  /** The events in the order written, at most {@code max}. */
  public static List<Event> decode(String history, int max) {
    var out = new ArrayList<Event>();
    if (history == null) return out;
    int start = 0;
    int n = history.length();
    while (start < n && out.size() < max) {
      int end = history.indexOf('\n', start);
      if (end < 0) throw new IllegalStateException("corrupt payment history: unterminated line");
      int t1 = history.indexOf('\t', start);
      int t2 = t1 < 0 ? -1 : history.indexOf('\t', t1 + 1);
      int t3 = t2 < 0 ? -1 : history.indexOf('\t', t2 + 1);
      if (t3 < 0 || t3 > end) throw new IllegalStateException("corrupt payment history line at " + start);
      int t4 = history.indexOf('\t', t3 + 1);
      if (t4 > end) t4 = -1;
      long seq = Long.parseLong(history, start, t1, 10);
      long at = Long.parseLong(history, t1 + 1, t2, 10);
      String state = history.substring(t2 + 1, t3);
      String step = InboxPack.unescape(history, t3 + 1, t4 < 0 ? end : t4);
      String detail = t4 < 0 ? null : InboxPack.unescape(history, t4 + 1, end);
      out.add(new Event(seq, at, state, step, detail));
      start = end + 1;
    }
    return out;
  }
}
