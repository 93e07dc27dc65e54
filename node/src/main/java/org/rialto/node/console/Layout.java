package org.rialto.node.console;

/** The frame every console page shares: navigation, node identity, today's dates. */
final class Layout {
  /** The console's pages, in navigation order. */
  enum Page {
    DASHBOARD("Dashboard", "/console/"),
    PAYMENTS("Payments", "/console/payments"),
    PARTICIPANTS("Participants & accounts", "/console/participants"),
    COMPLIANCE("Compliance cases", "/console/compliance"),
    CHANGES("Pending changes", "/console/changes"),
    FX("FX providers & rates", "/console/fx"),
    CALENDAR("Business calendar", "/console/calendar"),
    AUDIT("Audit & day close", "/console/audit"),
    OPERATORS("Operators", "/console/operators");

    final String title;
    final String href;

    Page(String title, String href) {
      this.title = title;
      this.href = href;
    }
  }

  /** The signed-in operator, shown with the sign-out button (a form: signing out changes state). */
  record Who(String name, String role, String csrfToken) {}

  private Layout() {}

  /**
   * @param dates today's date line (Gregorian, and Solar Hijri where the node shows it)
   * @param body the page's own markup, already escaped where it carries data
   */
  static String page(String nodeId, String currency, String dates, Page active, String title, String body, Who who) {
    var h = new Html();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>").text(title).raw(" · ").text(nodeId).raw(" · Rialto</title>")
        .raw("<link rel=\"stylesheet\" href=\"/console/assets/console.css\">")
        .raw("<script src=\"/console/assets/htmx.min.js\" defer></script>")
        .raw("</head><body><nav class=\"side\">")
        .raw("<div class=\"brand\">Rialto</div><div class=\"node\">").text(nodeId).raw(" · ").text(currency).raw("</div>");
    for (Page p : Page.values()) {
      if (p == Page.OPERATORS && !"administrator".equals(who.role())) continue;
      h.raw("<a href=\"").raw(p.href).raw("\"").raw(p == active ? " class=\"active\"" : "").raw(">").text(p.title).raw("</a>");
    }
    h.raw("<div class=\"who\" id=\"who\">Signed in as <b>").text(who.name()).raw("</b> · ").text(who.role())
        .raw("<form method=\"post\" action=\"/console/logout\"><input type=\"hidden\" name=\"csrf\" value=\"").text(who.csrfToken())
        .raw("\"><button type=\"submit\" id=\"logout\">Sign out</button></form></div>")
        .raw("</nav><main><header class=\"top\"><h1>").text(title).raw("</h1><div class=\"dates\">").text(dates)
        .raw("</div></header>")
        .raw(body)
        .raw("</main></body></html>");
    return h.toString();
  }
}
