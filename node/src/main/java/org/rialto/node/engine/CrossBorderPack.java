package org.rialto.node.engine;

import org.rialto.node.payment.CrossBorder;

/**
 * The cross-border record as it is stored since V114: one text column of its payment's row
 * ({@code payment.cross_border}) instead of a row of its own in {@code cross_border}, so a
 * cross-border payment is one row and one B-tree append on each node, not two.
 *
 * <p>Text form: ten fields separated by tabs, in the order of {@link CrossBorder}'s components;
 * the role as {@code O} or {@code I}; the quote id prefixed by {@code Q}, or empty when there is
 * none; text fields escaped as the inbox escapes them (backslash, tab, newline).
 */
final class CrossBorderPack {
  private static final int FIELDS = 10;

  private CrossBorderPack() {}

  static String encode(CrossBorder cb) {
    var b = new StringBuilder(128);
    b.append(cb.role() == CrossBorder.Role.OUTGOING ? 'O' : 'I').append('\t');
    InboxPack.escape(b, cb.peerNode());
    b.append('\t');
    InboxPack.escape(b, cb.fxpBic());
    b.append('\t');
    if (cb.quoteId() != null) {
      b.append('Q');
      InboxPack.escape(b, cb.quoteId());
    }
    b.append('\t').append(cb.sourceAmountMinor()).append('\t');
    InboxPack.escape(b, cb.sourceCurrency());
    b.append('\t').append(cb.targetAmountMinor()).append('\t');
    InboxPack.escape(b, cb.targetCurrency());
    b.append('\t');
    InboxPack.escape(b, cb.rate());
    b.append('\t').append(cb.expiresAtMillis());
    return b.toString();
  }

  static CrossBorder decode(String packed) {
    var at = new int[FIELDS + 1];
    at[0] = -1;
    int n = 1;
    for (int i = 0; i < packed.length(); i++) {
      if (packed.charAt(i) == '\t') {
        if (n == FIELDS) throw new IllegalStateException("corrupt cross-border record: more than " + FIELDS + " fields");
        at[n++] = i;
      }
    }
    if (n != FIELDS) throw new IllegalStateException("corrupt cross-border record: " + n + " fields");
    at[FIELDS] = packed.length();
    var role = switch (text(packed, at, 0)) {
      case "O" -> CrossBorder.Role.OUTGOING;
      case "I" -> CrossBorder.Role.INCOMING;
      default -> throw new IllegalStateException("corrupt cross-border record: role " + text(packed, at, 0));
    };
    String quote = text(packed, at, 3);
    if (!quote.isEmpty() && quote.charAt(0) != 'Q') throw new IllegalStateException("corrupt cross-border record: quote " + quote);
    return new CrossBorder(role, text(packed, at, 1), text(packed, at, 2), quote.isEmpty() ? null : quote.substring(1),
        Long.parseLong(text(packed, at, 4)), text(packed, at, 5), Long.parseLong(text(packed, at, 6)), text(packed, at, 7),
        text(packed, at, 8), Long.parseLong(text(packed, at, 9)));
  }

  private static String text(String packed, int[] at, int field) {
    return InboxPack.unescape(packed, at[field] + 1, at[field + 1]);
  }
}
