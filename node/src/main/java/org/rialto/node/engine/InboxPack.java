package org.rialto.node.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a bank's inbox: one {@code bank_inbox} row per bank per writer turn holds
 * every message the turn addressed to that bank. A settled domestic payment gives four inbox
 * messages; as separate rows (each with its index entry) they were a third of what the node wrote
 * per payment, packed they are a fraction of one row. Message ids stay the writer's global,
 * increasing sequence, so a bank's cursor and dedupe by id are unchanged.
 *
 * <p>Text form, one line per message: {@code delta TAB kind TAB uetr [TAB detail]}, where delta
 * is the id minus the row's first id, uetr may be empty, and a null detail has no field at all.
 * Backslash, tab and newline in the detail are escaped, so any detail round-trips.
 */
public final class InboxPack {
  /** A turn gives a bank at most this many messages per row; more go to further rows. */
  static final int MAX_MESSAGES_PER_ROW = 10_000;

  /** One message as stored; {@code uetr} is null for kinds without a payment (camt.053). */
  public record Message(long id, String kind, String uetr, String detail) {}

  private InboxPack() {}

  static String encode(long firstId, List<Turn.BankMessageRow> rows) {
    var b = new StringBuilder(rows.size() * 56);
    long previous = firstId - 1;
    for (var m : rows) {
      // Ids are handed out in order, so a row's messages are increasing and decode keeps order.
      if (m.id() <= previous) throw new IllegalStateException("inbox ids out of order: " + m.id() + " after " + previous);
      previous = m.id();
      if (b.length() > 0) b.append('\n');
      b.append(m.id() - firstId).append('\t').append(m.kind()).append('\t');
      if (m.uetr() != null) b.append(m.uetr());
      if (m.detail() != null) {
        b.append('\t');
        escape(b, m.detail());
      }
    }
    return b.toString();
  }

  /** Every message of one row, in id order. */
  public static List<Message> decode(long firstId, String packed) {
    var out = new ArrayList<Message>();
    int start = 0;
    int n = packed.length();
    while (start <= n) {
      int end = packed.indexOf('\n', start);
      if (end < 0) end = n;
      int t1 = packed.indexOf('\t', start);
      int t2 = t1 < 0 ? -1 : packed.indexOf('\t', t1 + 1);
      if (t1 < 0 || t1 > end || t2 < 0 || t2 > end) throw new IllegalStateException("corrupt inbox row at " + firstId);
      int t3 = packed.indexOf('\t', t2 + 1);
      if (t3 > end) t3 = -1;
      long id = firstId + Long.parseLong(packed, start, t1, 10);
      String kind = packed.substring(t1 + 1, t2);
      String uetr = t3 < 0 ? packed.substring(t2 + 1, end) : packed.substring(t2 + 1, t3);
      String detail = t3 < 0 ? null : unescape(packed, t3 + 1, end);
      out.add(new Message(id, kind, uetr.isEmpty() ? null : uetr, detail));
      start = end + 1;
    }
    return out;
  }

  static void escape(StringBuilder b, String s) {
    // Most texts hold nothing to escape: one scan, then one bulk copy instead of a char at a time.
    int n = s.length();
    int i = 0;
    while (i < n) {
      char ch = s.charAt(i);
      if (ch == '\\' || ch == '\t' || ch == '\n') break;
      i++;
    }
    b.append(s, 0, i);
    for (; i < n; i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        default -> b.append(ch);
      }
    }
  }

  static String unescape(String s, int from, int to) {
    if (s.indexOf('\\', from) < 0 || s.indexOf('\\', from) >= to) return s.substring(from, to);
    var b = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (ch != '\\') {
        b.append(ch);
        continue;
      }
      if (++i >= to) throw new IllegalStateException("corrupt inbox detail: trailing backslash");
      char e = s.charAt(i);
      b.append(switch (e) {
        case '\\' -> '\\';
        case 't' -> '\t';
        case 'n' -> '\n';
        default -> throw new IllegalStateException("corrupt inbox detail: escape \\" + e);
      });
    }
    return b.toString();
  }
}
