package org.rialto.node.console;

/**
 * A small HTML writer: every piece of text that comes from data goes through {@link #text}, so a
 * BIC, a remittance line or a search term can never inject markup into an operator's browser.
 */
final class Html {
  /** No console page legitimately grows past this; a larger one means a missing limit. */
  static final int MAX_PAGE_CHARS = 4 * 1024 * 1024;

  private final StringBuilder out = new StringBuilder(8_192);

  /** Appends trusted markup written in this package (never data). */
  Html raw(String markup) {
    out.append(markup);
    checkSize();
    return this;
  }

  /** Appends data as text, escaped. */
  Html text(Object value) {
    out.append(escape(value == null ? "" : value.toString()));
    checkSize();
    return this;
  }

  /** Appends {@code <tag class="cls">text</tag>} with the text escaped. */
  Html el(String tag, String cls, Object value) {
    out.append('<').append(tag);
    if (cls != null && !cls.isEmpty()) out.append(" class=\"").append(cls).append('"');
    out.append('>');
    text(value);
    out.append("</").append(tag).append('>');
    return this;
  }

  /** A link whose href is built from data: both the href and the label are escaped. */
  Html link(String href, Object label) {
    out.append("<a href=\"").append(escape(href)).append("\">");
    text(label);
    out.append("</a>");
    return this;
  }

  private void checkSize() {
    if (out.length() > MAX_PAGE_CHARS) throw new IllegalStateException("console page exceeds " + MAX_PAGE_CHARS + " chars");
  }

  static String escape(String s) {
    var b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  /** Encodes a value for a URL query or path segment. */
  static String url(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
