package org.rialto.node.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON of a page of a bank's inbox ({@code GET /v1/messages}), written directly: the same
 * fields, in the order Jackson writes {@link Inbox.InboxMessage}, and the same values as Jackson's
 * {@code {"messages": [...], "next": n}} of the page (InboxJsonTest reads both back as the same
 * JSON). A bank polls its inbox about once per 30 of its payments; Jackson's bean serializer and
 * the String it returns were most of the read's CPU after the store.
 */
final class InboxJson {
  /** The JSON of a message without its XML is under 200 characters; a page is at most MAX_PAGE of them. */
  private static final int STATUS_CHARS = 160;

  private InboxJson() {}

  static byte[] page(List<Inbox.InboxMessage> page, long next) {
    if (page.size() > Inbox.MAX_PAGE) throw new IllegalArgumentException("a page holds at most " + Inbox.MAX_PAGE + " messages, not " + page.size());
    var b = new StringBuilder(32 + page.size() * STATUS_CHARS);
    b.append("{\"messages\":[");
    for (int i = 0; i < page.size(); i++) {
      var m = page.get(i);
      if (i > 0) b.append(',');
      b.append("{\"id\":").append(m.id()).append(",\"kind\":");
      string(b, m.kind());
      b.append(",\"uetr\":");
      string(b, m.uetr());
      b.append(",\"detail\":");
      string(b, m.detail());
      b.append(",\"createdAtMillis\":").append(m.createdAtMillis()).append(",\"xml\":");
      string(b, m.xml());
      b.append('}');
    }
    b.append("],\"next\":").append(next).append('}');
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A JSON string as Jackson writes it by default: quote, backslash and the control characters
   * escaped (the five with a short form by it), everything else as it is; null as null.
   */
  static void string(StringBuilder b, String s) {
    if (s == null) {
      b.append("null");
      return;
    }
    b.append('"');
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      b.append(s, start, i);
      start = i + 1;
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    b.append(s, start, s.length()).append('"');
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
