package org.rialto.node.console;

/** The frame every console page shares: navigation, node identity, today's dates. */
final class Layout {
  /** The console's pages, in navigation order. */
  enum Page {
    DASHBOARD("Dashboard", "/console/"),
    PAYMENTS("Payments", "/console/payments"),
    PARTICIPANTS("Participants & accounts", "/console/participants"),
    COMPLIANCE("Compliance cases", "/console/compliance"),
    FX("FX providers & rates", "/console/fx"),
    CALENDAR("Business calendar", "/console/calendar"),
    AUDIT("Audit & day close", "/console/audit");

    final String title;
    final String href;

    Page(String title, String href) {
      this.title = title;
      this.href = href;
    }
  }

  private Layout() {}

  /**
   * @param dates today's date line (Gregorian, and Solar Hijri where the node shows it)
   * @param body the page's own markup, already escaped where it carries data
   */
  static String page(String nodeId, String currency, String dates, Page active, String title, String body) {
    var h = new Html();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>").text(title).raw(" · ").text(nodeId).raw(" · Rialto</title>")
        .raw("<link rel=\"stylesheet\" href=\"/console/assets/console.css\">")
        .raw("<script src=\"/console/assets/htmx.min.js\" defer></script>")
        .raw("</head><body><nav class=\"side\">")
        .raw("<div class=\"brand\">Rialto</div><div class=\"node\">").text(nodeId).raw(" · ").text(currency).raw("</div>");
    for (Page p : Page.values()) {
      h.raw("<a href=\"").raw(p.href).raw("\"").raw(p == active ? " class=\"active\"" : "").raw(">").text(p.title).raw("</a>");
    }
    // Honest placeholders: these screens need work that has not landed yet, so they are not links.
    h.raw("<div class=\"group\">Coming</div>")
        .raw("<span class=\"soon\" id=\"soon-operators\">Operator login &amp; dual control<small>with the security work; then release and reject from the console</small></span>")
        .raw("</nav><main><header class=\"top\"><h1>").text(title).raw("</h1><div class=\"dates\">").text(dates)
        .raw("</div></header>")
        .raw(body)
        .raw("</main></body></html>");
    return h.toString();
  }
}
