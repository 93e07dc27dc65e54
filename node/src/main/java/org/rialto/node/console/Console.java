package org.rialto.node.console;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rialto.calendar.BusinessCalendar;
import org.rialto.calendar.SolarHijri;
import org.rialto.fx.FxPosition;
import org.rialto.fx.PublishedRate;
import org.rialto.node.config.NodeConfig;
import org.rialto.node.engine.Balances;
import org.rialto.node.engine.FxDesk;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.engine.Participants;
import org.rialto.node.engine.QuoteDesk;
import org.rialto.node.http.ApiServer;
import org.rialto.node.http.Inbox;
import org.rialto.node.http.OperatorServer;
import org.rialto.node.operators.Cases;
import org.rialto.node.operators.OperatorAccess;
import org.rialto.node.operators.PendingChanges;
import org.rialto.node.operators.Principal;
import org.rialto.security.operators.AccessDeniedException;
import org.rialto.security.operators.ActionKind;
import org.rialto.security.operators.DualAction;
import org.rialto.security.operators.Role;
import org.rialto.node.peer.PeerDispatcher;
import org.rialto.node.rtgs.Priority;
import org.rialto.store.Store;

/**
 * The operator console: server-rendered pages under {@code /console}, served by the node itself
 * (htmx and the stylesheet come from the node's own jar, so it works with no internet).
 *
 * <p>Live figures (balances, queues, FX book) are read on the writer thread through
 * {@link NodeEngine#query}, so they are one consistent instant; history and search are read from
 * the store on the HTTP thread, so they never slow settlement.
 *
 * <p>Served on the operator listener only. Every page needs a signed-in operator (session cookie:
 * HttpOnly, SameSite=Strict); every form that changes something carries the session's CSRF token,
 * checked before the request reaches these handlers ({@link org.rialto.node.http.OperatorServer}).
 * Decisions go through the same four-eyes rules as the admin API ({@link Cases}, {@link PendingChanges}).
 */
public final class Console implements ApiServer.RouteRegistrar {
  static final String HTMX_VERSION = "2.0.4";
  private static final String HTMX_RESOURCE = "/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js";
  private static final long QUERY_TIMEOUT_MILLIS = 5_000;
  static final int CALENDAR_DAYS = 14;

  private final NodeConfig config;
  private final NodeEngine engine;
  private final List<PeerDispatcher> dispatchers;
  private final FxDesk fx;
  private final Clock clock;
  private final ConsoleReads reads;
  private final Inbox inbox;
  private final Money money;
  private final BusinessCalendar calendar;
  private final ZoneId zone;
  private final boolean solarHijri;
  private final byte[] htmx;
  private final byte[] css;
  private final OperatorAccess access;
  private final PendingChanges changes;
  private final Cases cases;
  private final boolean https;
  private final Store store;
  /** Links to the peers for their side of a payment's story; a separate pool from the dispatchers', with short timeouts. */
  private final Map<String, org.rialto.node.client.PeerClient> peerLinks;
  private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
  /** An operator waits for the page: a peer that has not answered by then is shown as unreachable. */
  public static final long PEER_HISTORY_TIMEOUT_MILLIS = 3_000;

  /**
   * @param dispatchers the node's links to its peers
   * @param peerLinks by peer node: where the payment page asks a peer for its side of a payment
   * @param fx the node's FX desk (a {@link QuoteDesk} when it has FX providers); only touched on
   *     the writer thread, inside engine queries
   */
  public Console(NodeConfig config, Store store, NodeEngine engine, List<PeerDispatcher> dispatchers, FxDesk fx, Clock clock,
      OperatorAccess access, PendingChanges changes, Cases cases, boolean https,
      Map<String, org.rialto.node.client.PeerClient> peerLinks) {
    this.store = store;
    this.peerLinks = Map.copyOf(peerLinks);
    this.access = access;
    this.changes = changes;
    this.cases = cases;
    this.https = https;
    this.config = config;
    this.engine = engine;
    this.dispatchers = List.copyOf(dispatchers);
    this.fx = fx;
    this.clock = clock;
    this.reads = new ConsoleReads(store, engine.paymentIndex());
    this.inbox = new Inbox(store, engine.paymentIndex());
    inbox.renderWith(config.centralBank(), config.currency().code(), config.currency().minorUnits());
    var units = new HashMap<String, Integer>();
    units.put(config.currency().code(), config.currency().minorUnits());
    for (var p : config.peers()) units.put(p.currency().code(), p.currency().minorUnits());
    this.money = new Money(units);
    this.calendar = config.calendar() == null ? null : BusinessCalendar.of(config.calendar());
    this.zone = calendar == null ? ZoneOffset.UTC : calendar.zone();
    this.solarHijri = calendar != null && config.calendar().solarHijri();
    this.htmx = resource(HTMX_RESOURCE);
    this.css = resource("/console/console.css");
  }

  private static byte[] resource(String path) {
    try (InputStream in = Console.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("console asset missing from the classpath: " + path);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read console asset " + path, e);
    }
  }

  @Override
  public void register(Javalin app) {
    app.get("/console/assets/htmx.min.js", ctx -> asset(ctx, htmx, "text/javascript; charset=utf-8"));
    app.get("/console/assets/console.css", ctx -> asset(ctx, css, "text/css; charset=utf-8"));
    // Javalin ignores trailing slashes, so this serves both /console and /console/.
    app.get("/console/login", ctx -> loginPage(ctx, null));
    app.post("/console/login", this::login);
    app.post("/console/logout", ctx -> {
      var who = OperatorServer.principalOrNull(ctx);
      if (who != null) access.logout(who);
      OperatorServer.clearSessionCookies(ctx, config.node(), https);
      ctx.redirect("/console/login", io.javalin.http.HttpStatus.SEE_OTHER);
    });
    app.post("/console/cases/{uetr}/release", ctx -> act(ctx, "/console/payments/" + uuid(ctx.pathParam("uetr")), who -> {
      String status = cases.release(who, uuid(ctx.pathParam("uetr")), ctx.formParam("reason"));
      return status.equals("released") ? "Released: the payment continues." : "Release approved by you; a second operator must confirm.";
    }));
    app.post("/console/cases/{uetr}/reject", ctx -> act(ctx, "/console/payments/" + uuid(ctx.pathParam("uetr")), who -> {
      cases.reject(who, uuid(ctx.pathParam("uetr")), ctx.formParam("reasonCode"), ctx.formParam("reason"));
      return "Rejected.";
    }));
    app.post("/console/credit-line", ctx -> act(ctx, "/console/changes", who -> {
      long minor = amountField(ctx.formParam("creditLine"), "credit line");
      var a = changes.proposeCreditLine(who, bic(ctx.formParam("bic")), minor);
      return "Proposed " + a.id() + ": another operator must approve it.";
    }));
    app.post("/console/participants", ctx -> act(ctx, "/console/changes", who -> {
      String country = field(ctx.formParam("country"), "country", 2);
      if (!country.matches("[A-Z]{2}")) throw new IllegalArgumentException("country: ISO 3166 alpha-2, e.g. RU");
      var a = changes.proposeParticipant(who, bic(ctx.formParam("bic")), field(ctx.formParam("name"), "name", 140), country,
          amountField(ctx.formParam("creditLine"), "credit line"));
      return "Proposed " + a.id() + ": another operator must approve it.";
    }));
    app.post("/console/changes/{id}/approve", ctx -> act(ctx, "/console/changes", who -> {
      var a = changes.approve(who, ctx.pathParam("id"));
      return "Approved and applied " + a.id() + ".";
    }));
    app.post("/console/changes/{id}/reject", ctx -> act(ctx, "/console/changes", who -> {
      var a = changes.reject(who, ctx.pathParam("id"));
      return "Turned down " + a.id() + ".";
    }));
    page(app, "/console/changes", Layout.Page.CHANGES, "Pending changes", this::changesPage);
    page(app, "/console/operators", Layout.Page.OPERATORS, "Operators", this::operatorsPage);
    app.post("/console/operators", ctx -> act(ctx, "/console/operators", who -> {
      who.require(Role.ADMINISTRATOR);
      String name = field(ctx.formParam("name"), "name", 64);
      Role role;
      try {
        role = Role.valueOf(field(ctx.formParam("role"), "role", 20));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("role: VIEWER, OPERATOR, SUPERVISOR or ADMINISTRATOR");
      }
      String password = ctx.formParam("password");
      access.addOperator(who.name(), name, role, password == null ? new char[0] : password.toCharArray());
      return "Operator " + name + " (" + role.name().toLowerCase(java.util.Locale.ROOT) + ") created.";
    }));
    page(app, "/console", Layout.Page.DASHBOARD, "Dashboard", ctx -> dashboard());
    app.get("/console/payments", ctx -> render(ctx, Layout.Page.PAYMENTS, "Payments", () -> {
      var form = SearchForm.from(ctx);
      String results = paymentResults(form);
      boolean fragment = ctx.header("HX-Request") != null && ctx.header("HX-History-Restore-Request") == null;
      return fragment ? results : payments(form, results);
    }, ctx.header("HX-Request") != null && ctx.header("HX-History-Restore-Request") == null));
    app.get("/console/payments/{uetr}", ctx -> render(ctx, Layout.Page.PAYMENTS, "Payment", () -> paymentPage(ctx, ctx.pathParam("uetr")), false));
    app.get("/console/messages/{id}", ctx -> render(ctx, Layout.Page.PAYMENTS, "Bank message", () -> messagePage(ctx.pathParam("id")), false));
    page(app, "/console/participants", Layout.Page.PARTICIPANTS, "Participants & accounts", this::participants);
    page(app, "/console/compliance", Layout.Page.COMPLIANCE, "Compliance cases", ctx -> compliance());
    page(app, "/console/fx", Layout.Page.FX, "FX providers & rates", this::fxPage);
    app.post("/console/fx-providers", ctx -> act(ctx, "/console/changes", who -> {
      var a = changes.proposeFxProvider(who, bic(ctx.formParam("bic")));
      return "Proposed " + a.id() + ": an administrator must approve it.";
    }));
    page(app, "/console/calendar", Layout.Page.CALENDAR, "Business calendar", ctx -> calendarPage());
    page(app, "/console/audit", Layout.Page.AUDIT, "Audit & day close", this::audit);
    app.get("/console/audit/invariants", ctx -> render(ctx, Layout.Page.AUDIT, "Invariants", this::invariants, true));
  }

  private interface Body {
    String render(Context ctx) throws Exception;
  }

  private interface Fragment {
    String render() throws Exception;
  }

  private void page(Javalin app, String path, Layout.Page nav, String title, Body body) {
    app.get(path, ctx -> render(ctx, nav, title, () -> body.render(ctx), false));
  }

  /** Renders a page (or an htmx fragment); a failure becomes a readable page, never a stack trace. */
  private void render(Context ctx, Layout.Page nav, String title, Fragment body, boolean fragment) {
    Principal who = OperatorServer.principal(ctx).require(Role.VIEWER);
    String html;
    try {
      html = body.render();
      ctx.status(200);
    } catch (AccessDeniedException e) {
      ctx.status(403);
      html = "<div class=\"error\" id=\"forbidden\">" + Html.escape(e.getMessage()) + "</div>";
    } catch (NotFound e) {
      ctx.status(404);
      html = "<div class=\"error\">" + Html.escape(e.getMessage()) + "</div>";
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      html = "<div class=\"error\">" + Html.escape(e.getMessage()) + "</div>";
    } catch (Exception e) {
      ctx.status(503);
      html = "<div class=\"error\">The node could not answer: " + Html.escape(String.valueOf(e.getMessage())) + "</div>";
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(fragment ? html : Layout.page(config.node(), config.currency().code(), dates(), nav, title,
        flash(ctx) + html, new Layout.Who(who.name(), who.role().name().toLowerCase(java.util.Locale.ROOT), csrf(ctx))));
  }

  // ---- Signing in, acting ----

  private String csrf(Context ctx) {
    String token = ctx.cookie(OperatorServer.csrfCookie(config.node()));
    return token == null || token.length() > 64 ? "" : token;
  }

  /** The hidden field every changing form carries; the server checks it against the session. */
  private String csrfField(Context ctx) {
    return "<input type=\"hidden\" name=\"" + OperatorServer.CSRF_FIELD + "\" value=\"" + Html.escape(csrf(ctx)) + "\">";
  }

  private static final int MAX_FLASH_CHARS = 300;

  /** The outcome of the last action, carried in the redirect (escaped, bounded). */
  private static String flash(Context ctx) {
    String done = ctx.queryParam("done");
    String refused = ctx.queryParam("refused");
    var h = new Html();
    if (done != null) h.raw("<div class=\"ok\" id=\"done\">").text(cut(done)).raw("</div>");
    if (refused != null) h.raw("<div class=\"error\" id=\"refused\" style=\"margin-bottom:16px\">").text(cut(refused)).raw("</div>");
    return h.toString();
  }

  private static String cut(String s) {
    return s.length() > MAX_FLASH_CHARS ? s.substring(0, MAX_FLASH_CHARS) + "…" : s;
  }

  private void loginPage(Context ctx, String error) {
    var h = new Html();
    String next = safeNext(ctx.queryParam("next"));
    h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>Sign in · ").text(config.node()).raw(" · Rialto</title><link rel=\"stylesheet\" href=\"/console/assets/console.css\">")
        .raw("</head><body class=\"bare\"><form class=\"login\" id=\"login\" method=\"post\" action=\"/console/login\">")
        .raw("<h1>Rialto · ").text(config.node()).raw("</h1><p class=\"muted\" style=\"margin:0 0 6px\">Operator console · ")
        .text(ccy()).raw("</p>");
    if (error != null) h.raw("<div class=\"error\" id=\"login-error\">").text(error).raw("</div>");
    h.raw("<input type=\"hidden\" name=\"next\" value=\"").text(next).raw("\">")
        .raw("<label for=\"name\">Operator</label><input id=\"name\" name=\"name\" autocomplete=\"username\" required maxlength=\"64\">")
        .raw("<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\"")
        .raw(" autocomplete=\"current-password\" required maxlength=\"128\"><button type=\"submit\">Sign in</button></form></body></html>");
    ctx.header("Cache-Control", "no-store");
    ctx.status(error == null ? 200 : 401).contentType("text/html; charset=utf-8").result(h.toString());
  }

  /** Only a path inside the console: never an open redirect to another site. */
  private static String safeNext(String next) {
    if (next == null || next.length() > 200 || !next.startsWith("/console") || next.startsWith("/console/login") || next.contains("//")) {
      return "/console/";
    }
    return next;
  }

  private void login(Context ctx) {
    String name = ctx.formParam("name");
    String password = ctx.formParam("password");
    try {
      var issued = access.login(name == null ? null : name.strip(), password == null ? null : password.toCharArray());
      long maxAge = java.time.Duration.between(clock.instant(), issued.session().expiresAt()).toSeconds();
      OperatorServer.setSessionCookies(ctx, config.node(), issued.token(), issued.csrfToken(), Math.max(1, maxAge), https);
      ctx.redirect(safeNext(ctx.formParam("next")), io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (AccessDeniedException e) {
      loginPage(ctx, e.getMessage());
    }
  }

  private interface Action {
    String run(Principal who) throws Exception;
  }

  /** Runs a change and redirects back (post/redirect/get), saying what happened or why it was refused. */
  private void act(Context ctx, String back, Action action) {
    Principal who = OperatorServer.principal(ctx);
    String outcome;
    try {
      outcome = "done=" + Html.url(action.run(who));
    } catch (org.rialto.node.engine.RejectException e) {
      outcome = "refused=" + Html.url(e.getMessage() + " (" + e.reasonCode() + ")");
    } catch (AccessDeniedException | IllegalArgumentException e) {
      outcome = "refused=" + Html.url(e.getMessage());
    } catch (Exception e) {
      outcome = "refused=" + Html.url("the node could not do it: " + e.getMessage());
    }
    ctx.redirect(back + (back.contains("?") ? "&" : "?") + outcome, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private static String field(String value, String name, int maxChars) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
    String v = value.strip();
    if (v.length() > maxChars) throw new IllegalArgumentException(name + " longer than " + maxChars + " characters");
    return v;
  }

  private long amountField(String value, String name) {
    String v = value == null || value.isBlank() ? "0" : value.strip();
    Long minor = Money.parseMajor(v, config.currency().minorUnits());
    if (minor == null || minor < 0) {
      throw new IllegalArgumentException(name + ": an amount in " + ccy() + " with at most " + config.currency().minorUnits() + " decimals");
    }
    return minor;
  }

  private static String bic(String value) {
    String v = field(value, "BIC", 11).toUpperCase(java.util.Locale.ROOT);
    if (!v.matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) throw new IllegalArgumentException("not a BIC: " + v);
    return v;
  }

  private static void asset(Context ctx, byte[] body, String type) {
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType(type);
    ctx.result(body);
  }

  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  private <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get(QUERY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    } catch (TimeoutException e) {
      throw new IllegalStateException("the node's writer did not answer within " + QUERY_TIMEOUT_MILLIS + " ms");
    }
  }

  // ---- Shared figures ----

  private LocalDate today() {
    return Instant.ofEpochMilli(clock.millis()).atZone(zone).toLocalDate();
  }

  /** Today's date line: Gregorian always, Solar Hijri for IRR nodes and Solar Hijri calendars. */
  String dates() {
    LocalDate today = today();
    String line = today.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " "
        + today + " · " + java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(Instant.ofEpochMilli(clock.millis()).atZone(zone))
        + " " + zoneName();
    if (showsSolarHijri()) line += " · " + SolarHijri.formatLong(today) + " (" + SolarHijri.format(today) + ")";
    return line;
  }

  private String zoneName() {
    return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  private boolean showsSolarHijri() {
    return solarHijri || "IRR".equals(config.currency().code());
  }

  private String time(long millis) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(Instant.ofEpochMilli(millis).atZone(zone));
  }

  private String preciseTime(long millis) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").format(Instant.ofEpochMilli(millis).atZone(zone));
  }

  private String ccy() {
    return config.currency().code();
  }

  /** One consistent reading of the writer's state. */
  record Live(List<Participants.Participant> participants, List<Balances.AccountBalance> balances,
      Map<Priority, Integer> queueDepth, int queued, List<FxPosition> positions, List<PublishedRate> rates,
      java.util.Set<String> fxProviders) {}

  private Live live() throws Exception {
    var corridors = corridors();
    return await(engine.query(view -> {
      var participants = view.participants();
      var balances = new ArrayList<Balances.AccountBalance>(participants.size());
      for (var p : participants) balances.add(view.balance(p.bic()));
      var depth = new java.util.EnumMap<Priority, Integer>(Priority.class);
      for (var p : Priority.values()) depth.put(p, view.queues().countByPriority(p));
      List<FxPosition> positions = List.of();
      var rates = new ArrayList<PublishedRate>();
      if (fx instanceof QuoteDesk desk) {
        positions = List.copyOf(desk.positions());
        for (String[] c : corridors) rates.addAll(desk.rates(c[0], c[1]));
      }
      return new Live(participants, balances, depth, view.queues().size(), positions, rates, view.fxProviders());
    }));
  }

  /** Every corridor this node quotes: its currency to each peer's, both ways. */
  private List<String[]> corridors() {
    var out = new ArrayList<String[]>();
    var seen = new java.util.HashSet<String>();
    for (var p : config.peers()) {
      String other = p.currency().code();
      if (other.equals(ccy()) || !seen.add(other)) continue;
      out.add(new String[] {ccy(), other});
      out.add(new String[] {other, ccy()});
    }
    return out;
  }

  private static String pill(String cls, String label) {
    return "<span class=\"pill " + Html.escape(cls) + "\">" + Html.escape(label) + "</span>";
  }

  private void card(Html h, String id, String label, String value, String sub) {
    h.raw("<div class=\"card\" id=\"").raw(id).raw("\"><div class=\"label\">").text(label).raw("</div><div class=\"value\">")
        .text(value).raw("</div><div class=\"sub\">").text(sub).raw("</div></div>");
  }

  // ---- Dashboard ----

  private String dashboard() throws Exception {
    LocalDate today = today();
    long dayStart = today.atStartOfDay(zone).toInstant().toEpochMilli();
    long dayEnd = today.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    int hours = (int) ((dayEnd - dayStart) / 3_600_000L);
    var settled = reads.settledBetween(dayStart, dayEnd, ccy());
    long held = reads.countInState("HELD");
    var live = live();
    var perHour = reads.throughputByHour(dayStart, hours);
    long rejectedToday = 0;
    for (long[] h : perHour) rejectedToday += h[1];
    int currentHour = (int) ((clock.millis() - dayStart) / 3_600_000L);

    var h = new Html();
    h.raw("<div class=\"cards\">");
    card(h, "settled-count", "Settled today", String.format("%,d", settled.count()), "payments in " + ccy());
    card(h, "settled-value", "Settled value today", money.amount(settled.valueMinor(), ccy()), ccy());
    card(h, "queued", "Queued now", String.format("%,d", live.queued()),
        "urgent " + live.queueDepth().get(Priority.URGENT) + " · high " + live.queueDepth().get(Priority.HIGH) + " · normal "
            + live.queueDepth().get(Priority.NORMAL));
    card(h, "held", "Held for compliance", String.format("%,d", held), "awaiting an operator");
    card(h, "rejected", "Rejected today", String.format("%,d", rejectedToday), "each with an ISO reason code");
    String status = calendar == null ? "open 24/7" : (calendar.isOpen(Instant.ofEpochMilli(clock.millis())) ? "open" : "closed");
    card(h, "business-day", "Business day", status,
        calendar == null ? "no calendar configured" : "value date " + calendar.businessDate(Instant.ofEpochMilli(clock.millis())));
    h.raw("</div>");

    h.raw("<div class=\"panel\"><h2>Throughput today</h2>").raw(ThroughputChart.svg(perHour, currentHour))
        .raw("<div class=\"legend\"><i style=\"background:#2c6e78\"></i>settled<i style=\"background:#c98a8a\"></i>rejected")
        .raw(" · per hour, ").text(zoneName()).raw(" time</div></div>");

    h.raw("<div class=\"panel\"><h2>Liquidity by participant</h2>");
    var closing = new java.util.LinkedHashMap<String, Long>();
    for (var b : live.balances()) closing.put(b.bic(), b.balanceMinor());
    var lines = LiquidityChart.series(closing, reads.netByHour(dayStart, hours), hours, currentHour);
    h.raw(LiquidityChart.svg(lines, hours, config.currency().minorUnits())).raw("<div class=\"legend\" id=\"liquidity-legend\">");
    for (int i = 0; i < lines.size(); i++) {
      h.raw("<i style=\"background:").raw(LiquidityChart.COLOURS.get(i % LiquidityChart.COLOURS.size())).raw("\"></i>").text(lines.get(i).bic());
    }
    h.raw(" · balance at the end of each hour, ").text(ccy()).raw("</div>");
    liquidityTable(h, live, false);
    h.raw("</div><div class=\"grid\"><div class=\"panel\"><h2>Queue depth by priority</h2><table id=\"queues\">")
        .raw("<tr><th>Priority</th><th class=\"num\">Payments queued</th></tr>");
    for (var p : Priority.values()) {
      h.raw("<tr><td>").text(p.name().toLowerCase(java.util.Locale.ROOT)).raw("</td><td class=\"num\">")
          .text(live.queueDepth().get(p)).raw("</td></tr>");
    }
    h.raw("</table></div>");
    h.raw("<div class=\"panel\"><h2>Links to peer nodes</h2>");
    peerLinks(h);
    h.raw("</div></div>");
    h.raw("<div class=\"panel\"><h2>FX providers' positions</h2>");
    positions(h, live.positions());
    h.raw("</div>");
    return h.toString();
  }

  private void liquidityTable(Html h, Live live, boolean full) {
    var fxps = live.fxProviders();
    h.raw("<table id=\"liquidity\"><tr>").raw(full ? "<th>Name</th><th>Country</th>" : "<th>Name</th>")
        .raw("<th>BIC</th><th class=\"num\">Balance</th><th class=\"num\">Credit line</th><th class=\"num\">Reserved</th>")
        .raw("<th class=\"num\">Available</th><th class=\"num\">Queued</th><th class=\"num\">Queued amount</th>")
        .raw(full ? "<th>Role</th>" : "").raw("</tr>");
    for (int i = 0; i < live.participants().size(); i++) {
      var p = live.participants().get(i);
      var b = live.balances().get(i);
      if (!b.bic().equals(p.bic())) throw new IllegalStateException("balances out of order: " + b.bic() + " vs " + p.bic());
      h.raw("<tr><td>").text(p.name()).raw("</td>");
      if (full) h.raw("<td>").text(p.country()).raw("</td>");
      h.raw("<td class=\"mono\">").text(p.bic()).raw("</td>")
          .raw("<td class=\"num\">").text(money.amount(b.balanceMinor(), b.currency())).raw("</td>")
          .raw("<td class=\"num\">").text(money.amount(b.creditLineMinor(), b.currency())).raw("</td>")
          .raw("<td class=\"num\">").text(money.amount(b.reservedMinor(), b.currency())).raw("</td>")
          .raw("<td class=\"num\">").text(money.amount(b.availableMinor(), b.currency())).raw("</td>")
          .raw("<td class=\"num\">").text(b.queuedCount()).raw("</td>")
          .raw("<td class=\"num\">").text(money.amount(b.queuedMinor(), b.currency())).raw("</td>");
      if (full) {
        var roles = new ArrayList<String>();
        if (p.bic().equals(config.centralBank())) roles.add("central bank");
        if (fxps.contains(p.bic())) roles.add("FX provider");
        h.raw("<td>").text(roles.isEmpty() ? "bank" : String.join(", ", roles)).raw("</td>");
      }
      h.raw("</tr>");
    }
    h.raw("</table>");
    h.raw("<p class=\"muted\">Amounts in ").text(ccy()).raw(". Reserved: leg 1 of cross-border payments in flight. ")
        .raw("Available = balance − reserved + credit line.</p>");
  }

  private void peerLinks(Html h) {
    if (dispatchers.isEmpty()) {
      h.raw("<p class=\"muted\">This node has no peer nodes configured.</p>");
      return;
    }
    h.raw("<table id=\"peers\"><tr><th>Peer node</th><th>Link</th><th class=\"num\">Backlog</th>")
        .raw("<th class=\"num\">Awaiting decision</th><th class=\"num\">Delivered</th></tr>");
    for (var d : dispatchers) {
      var s = d.status();
      h.raw("<tr><td>").text(s.peerNode()).raw("</td><td>").raw(s.up() ? pill("up", "up") : pill("down", "down"));
      if (!s.up() && s.downSinceMillis() > 0) h.raw(" <span class=\"muted\">since ").text(time(s.downSinceMillis())).raw("</span>");
      h.raw("</td><td class=\"num\">").text(s.backlog()).raw("</td><td class=\"num\">").text(s.awaitingDecision())
          .raw("</td><td class=\"num\">").text(s.delivered()).raw("</td></tr>");
    }
    h.raw("</table>");
  }

  private void positions(Html h, List<FxPosition> positions) {
    if (!(fx instanceof QuoteDesk)) {
      h.raw("<p class=\"muted\">No FX providers quote on this node.</p>");
      return;
    }
    if (positions.isEmpty()) {
      h.raw("<p class=\"muted\">No positions yet: no quote has been given.</p>");
      return;
    }
    h.raw("<table id=\"positions\"><tr><th>FX provider</th><th>Currency</th><th class=\"num\">Bought</th><th class=\"num\">Sold</th>")
        .raw("<th class=\"num\">Net</th><th class=\"num\">Pending bought</th><th class=\"num\">Pending sold</th>")
        .raw("<th class=\"num\">Open limit</th></tr>");
    for (var p : positions) {
      for (var c : List.of(p.first(), p.second())) {
        boolean known = money.knows(c.currency());
        h.raw("<tr><td class=\"mono\">").text(p.fxpBic()).raw("</td><td>").text(c.currency()).raw("</td>")
            .raw("<td class=\"num\">").text(amount(c.boughtMinor(), c.currency(), known)).raw("</td>")
            .raw("<td class=\"num\">").text(amount(c.soldMinor(), c.currency(), known)).raw("</td>")
            .raw("<td class=\"num\">").text(amount(c.netMinor(), c.currency(), known)).raw("</td>")
            .raw("<td class=\"num\">").text(amount(c.pendingBoughtMinor(), c.currency(), known)).raw("</td>")
            .raw("<td class=\"num\">").text(amount(c.pendingSoldMinor(), c.currency(), known)).raw("</td>")
            .raw("<td class=\"num\">").text(c.maxOpenMinor() < 0 ? "none" : amount(c.maxOpenMinor(), c.currency(), known))
            .raw("</td></tr>");
      }
    }
    h.raw("</table>");
  }

  private String amount(long minor, String currency, boolean known) {
    return known ? money.amount(minor, currency) : minor + " (minor units)";
  }

  // ---- Payments ----

  /** The search form as the operator filled it in; blank fields are absent. */
  record SearchForm(String uetr, String msgId, String bank, String amount, String state, String date) {
    static SearchForm from(Context ctx) {
      return new SearchForm(param(ctx, "uetr"), param(ctx, "msgId"), param(ctx, "bank"), param(ctx, "amount"),
          param(ctx, "state"), param(ctx, "date"));
    }

    private static String param(Context ctx, String name) {
      String v = ctx.queryParam(name);
      if (v == null || v.isBlank()) return null;
      v = v.strip();
      if (v.length() > ConsoleReads.MAX_FILTER_CHARS) throw new IllegalArgumentException(name + " longer than " + ConsoleReads.MAX_FILTER_CHARS);
      return v;
    }

    static String value(String s) {
      return s == null ? "" : s;
    }
  }

  private static final List<String> STATES = List.of("RECEIVED", "QUEUED", "HELD", "SETTLED", "REJECTED", "RETURNED");

  private String payments(SearchForm f, String results) {
    var h = new Html();
    h.raw("<div class=\"panel\"><form class=\"filters\" id=\"search\" method=\"get\" action=\"/console/payments\"")
        .raw(" hx-get=\"/console/payments\" hx-target=\"#results\" hx-push-url=\"true\" hx-indicator=\"#search\"")
        .raw(" hx-trigger=\"input changed delay:300ms, change, submit\">");
    input(h, "uetr", "UETR", f.uetr(), "starts with…");
    input(h, "msgId", "MsgId or EndToEndId", f.msgId(), "exact");
    input(h, "bank", "Bank (BIC)", f.bank(), "sender, debtor or creditor");
    input(h, "amount", "Amount (" + ccy() + ")", f.amount(), "exact, e.g. 1,500.00");
    h.raw("<div><label for=\"state\">State</label><select id=\"state\" name=\"state\"><option value=\"\">any</option>");
    for (String s : STATES) {
      h.raw("<option").raw(s.equals(f.state()) ? " selected" : "").raw(">").text(s).raw("</option>");
    }
    h.raw("</select></div>");
    h.raw("<div><label for=\"date\">Received on</label><input type=\"date\" id=\"date\" name=\"date\" value=\"")
        .text(SearchForm.value(f.date())).raw("\"></div>");
    h.raw("<div><button type=\"submit\">Search</button> <span class=\"busy\">searching…</span></div></form></div>");
    h.raw("<div class=\"panel\" id=\"results\">").raw(results).raw("</div>");
    return h.toString();
  }

  private static void input(Html h, String name, String label, String value, String placeholder) {
    h.raw("<div><label for=\"").raw(name).raw("\">").text(label).raw("</label><input type=\"search\" id=\"").raw(name)
        .raw("\" name=\"").raw(name).raw("\" autocomplete=\"off\" placeholder=\"").text(placeholder).raw("\" value=\"")
        .text(SearchForm.value(value)).raw("\"></div>");
  }

  private String paymentResults(SearchForm f) {
    if (f.state() != null && !STATES.contains(f.state())) throw new IllegalArgumentException("unknown state " + f.state());
    Long amountMinor = null;
    if (f.amount() != null) {
      amountMinor = Money.parseMajor(f.amount(), config.currency().minorUnits());
      if (amountMinor == null) {
        return "<p class=\"muted\">“" + Html.escape(f.amount()) + "” is not an amount in " + Html.escape(ccy())
            + " (at most " + config.currency().minorUnits() + " decimals).</p>";
      }
    }
    Long from = null;
    Long to = null;
    if (f.date() != null) {
      LocalDate d;
      try {
        d = LocalDate.parse(f.date());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("date: yyyy-MM-dd");
      }
      from = d.atStartOfDay(zone).toInstant().toEpochMilli();
      to = d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
    var found = reads.search(new ConsoleReads.Search(f.uetr(), f.msgId(), f.bank(), amountMinor, f.state(), from, to));
    var h = new Html();
    if (found.isEmpty()) {
      h.raw("<p class=\"muted\" id=\"no-results\">No payment matches.</p>");
      return h.toString();
    }
    h.raw("<table id=\"payment-list\"><tr><th>Received</th><th>UETR</th><th>MsgId</th><th>Debtor</th><th>Creditor</th>")
        .raw("<th class=\"num\">Amount</th><th>State</th><th>Step</th><th>Priority</th></tr>");
    for (var p : found) {
      h.raw("<tr><td class=\"time\">").text(time(p.receivedAtMillis())).raw("</td><td class=\"mono\">")
          .link("/console/payments/" + p.uetr(), p.uetr()).raw("</td><td class=\"mono\">").text(p.msgId()).raw("</td>")
          .raw("<td class=\"mono\">").text(p.debtorBic()).raw("</td><td class=\"mono\">").text(p.creditorBic()).raw("</td>")
          .raw("<td class=\"num\">").text(money.knows(p.currency()) ? money.withCode(p.amountMinor(), p.currency())
              : p.amountMinor() + " " + p.currency()).raw("</td>")
          .raw("<td>").raw(pill(p.state().name(), p.state().name()))
          .raw(p.reasonCode() == null ? "" : " <span class=\"mono\">" + Html.escape(p.reasonCode()) + "</span>").raw("</td>")
          .raw("<td class=\"muted\">").text(p.step()).raw("</td><td>").text(p.priority().name().toLowerCase(java.util.Locale.ROOT))
          .raw("</td></tr>");
    }
    h.raw("</table>");
    if (found.size() == ConsoleReads.MAX_SEARCH_ROWS) {
      h.raw("<p class=\"muted\">Showing the newest ").text(ConsoleReads.MAX_SEARCH_ROWS).raw(" matches: narrow the search.</p>");
    }
    return h.toString();
  }

  private static java.util.UUID uuid(String text) {
    try {
      if (text.length() != 36) throw new IllegalArgumentException();
      return java.util.UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a UETR: " + text.substring(0, Math.min(text.length(), 40)));
    }
  }

  private String paymentPage(Context ctx, String uetrText) {
    var uetr = uuid(uetrText);
    var p = reads.payment(uetr).orElseThrow(() -> new NotFound("No payment " + uetr + " on " + config.node() + "."));
    var cross = reads.crossBorder(uetr);
    var messages = reads.messagesFor(uetr);
    var forwards = reads.forwards(uetr);
    var h = new Html();
    h.raw("<div class=\"grid\"><div class=\"panel\" id=\"payment\"><h2>")
        .raw(pill(p.state().name(), p.state().name())).raw(" <span class=\"mono\">").text(p.uetr()).raw("</span></h2>")
        .raw("<dl class=\"facts\">");
    fact(h, "Amount", money.knows(p.currency()) ? money.withCode(p.amountMinor(), p.currency()) : p.amountMinor() + " " + p.currency());
    fact(h, "Internal step", p.step());
    if (p.reasonCode() != null) fact(h, "Reason code", p.reasonCode());
    fact(h, "Debtor agent", p.debtorBic() + (p.debtorName() == null ? "" : " · " + p.debtorName()));
    fact(h, "Creditor agent", p.creditorBic() + (p.creditorName() == null ? "" : " · " + p.creditorName()));
    fact(h, "Instructed by", p.senderBic());
    fact(h, "MsgId", p.msgId());
    if (p.endToEndId() != null) fact(h, "EndToEndId", p.endToEndId());
    fact(h, "Priority", p.priority().name().toLowerCase(java.util.Locale.ROOT));
    if (p.valueDate() != null) fact(h, "Value date", p.valueDate());
    fact(h, "Received", preciseTime(p.receivedAtMillis()));
    fact(h, "Last change", preciseTime(p.updatedAtMillis()));
    if (p.rejectAtMillis() > 0 && p.rejectAtMillis() < Long.MAX_VALUE) fact(h, "Reject time", time(p.rejectAtMillis()));
    if (p.remittance() != null) fact(h, "Remittance", p.remittance());
    h.raw("</dl></div>");

    // Both nodes' steps in one timeline: each node stamps its own clock, so two steps close in
    // time on different nodes may show in either order; within a node the order is exact.
    var local = PaymentStory.read(config.node(), store, reads, inbox, clock, uetr).orElseThrow(() -> new NotFound("No payment " + uetr + "."));
    PeerSide peer = cross.isPresent() ? peerSide(cross.get().peerNode(), uetr) : null;
    var steps = new ArrayList<PaymentStory.Step>(local.steps());
    if (peer != null && peer.story() != null) steps.addAll(peer.story().steps());
    steps.sort(java.util.Comparator.comparingLong(PaymentStory.Step::atMillis));
    h.raw("<div class=\"panel\" id=\"history\"><h2>History on ").text(config.node());
    if (cross.isPresent()) h.raw(" and ").text(cross.get().peerNode());
    h.raw("</h2>");
    if (peer != null && peer.story() == null) {
      h.raw("<div class=\"notice\" id=\"peer-unreachable\">").text(peer.problem()).raw(" Showing the steps on ")
          .text(config.node()).raw(" only.</div>");
    }
    h.raw("<ol class=\"timeline\">");
    for (var e : steps) {
      h.raw("<li data-node=\"").text(e.node()).raw("\"><span class=\"when\">").text(preciseTime(e.atMillis())).raw("</span>");
      if (cross.isPresent()) h.raw("<span class=\"node\">").text(e.node()).raw("</span> ");
      h.raw(pill(e.state(), e.state())).raw(" <span class=\"step\">").text(e.step()).raw("</span>");
      if (e.detail() != null) h.raw(" <span class=\"muted\">").text(e.detail()).raw("</span>");
      h.raw("</li>");
    }
    if (steps.isEmpty()) h.raw("<li class=\"muted\">No recorded steps.</li>");
    h.raw("</ol></div></div>");

    if (cross.isPresent()) crossBorderPanel(h, p, cross.get(), forwards, peer);
    var screening = reads.caseFor(uetr);
    if (screening.isPresent()) {
      h.raw("<div class=\"panel\" id=\"screening\"><h2>Screening</h2>");
      caseFacts(h, screening.get());
      if (screening.get().decision() == null) caseForms(h, ctx, screening.get());
      h.raw("</div>");
    }

    h.raw("<div class=\"panel\" id=\"messages\"><h2>Messages to banks</h2>");
    if (messages.isEmpty()) {
      h.raw("<p class=\"muted\">No bank has been sent a message about this payment on this node.</p>");
    } else {
      h.raw("<table><tr><th>#</th><th>To</th><th>Kind</th><th>Detail</th><th>Created</th><th></th></tr>");
      for (var m : messages) {
        h.raw("<tr><td class=\"num\">").text(m.id()).raw("</td><td class=\"mono\">").text(m.bic()).raw("</td><td>").text(m.kind())
            .raw("</td><td class=\"muted\">").text(m.detail()).raw("</td><td class=\"time\">").text(preciseTime(m.createdAtMillis()))
            .raw("</td><td>").link("/console/messages/" + m.id(), "view XML").raw("</td></tr>");
      }
      h.raw("</table>");
    }
    h.raw("</div>");
    isoMessages(h, local, peer);
    return h.toString();
  }

  /** The peer's side of a payment, or why there is none. */
  private record PeerSide(PaymentStory story, String problem) {}

  /**
   * Asks the peer for its story of the payment, on this HTTP thread (never the writer's), within
   * {@link #PEER_HISTORY_TIMEOUT_MILLIS}; a peer that is down, slow, or answers nonsense is
   * named as such and the page shows this node's side alone.
   */
  private PeerSide peerSide(String peerNode, java.util.UUID uetr) {
    var link = peerLinks.get(peerNode);
    if (link == null) return new PeerSide(null, "No link to " + peerNode + " is configured on " + config.node() + ".");
    try {
      var r = link.history(uetr, PEER_HISTORY_TIMEOUT_MILLIS);
      if (r.status() == 404) {
        return new PeerSide(null, peerNode + " has no record of this payment yet (not yet forwarded, or not yet taken in there).");
      }
      if (r.status() != 200) return new PeerSide(null, peerNode + " refused the question (HTTP " + r.status() + "): " + cut(r.text()));
      return new PeerSide(PaymentStory.parse(json, r.body(), peerNode, uetr), null);
    } catch (org.rialto.node.client.NodeLinkException e) {
      return new PeerSide(null, "Peer unreachable: " + peerNode + " did not answer within " + PEER_HISTORY_TIMEOUT_MILLIS + " ms ("
          + cut(String.valueOf(e.getMessage())) + ").");
    } catch (RuntimeException e) {
      // A bad signature or a malformed story: the peer answered, but not with something to show.
      return new PeerSide(null, "The answer of " + peerNode + " was refused: " + cut(String.valueOf(e.getMessage())) + ".");
    }
  }

  private void isoMessages(Html h, PaymentStory local, PeerSide peer) {
    var all = new ArrayList<PaymentStory.Message>(local.messages());
    if (peer != null && peer.story() != null) all.addAll(peer.story().messages());
    all.sort(java.util.Comparator.comparingLong(PaymentStory.Message::atMillis));
    h.raw("<div class=\"panel\" id=\"iso-messages\"><h2>ISO 20022 messages").text(peer == null ? "" : " on both nodes")
        .raw("</h2><p class=\"muted\">Received: the signed body as it arrived (kept as evidence). Sent: as the bank receives it.</p>");
    if (all.isEmpty()) {
      h.raw("<p class=\"muted\">No messages about this payment are on record.</p>");
    } else {
      h.raw("<table><tr><th>Time</th><th>Node</th><th>Message</th><th>Kind</th><th></th></tr>");
      for (var m : all) {
        h.raw("<tr data-node=\"").text(m.node()).raw("\"><td class=\"time\">").text(preciseTime(m.atMillis())).raw("</td><td>")
            .text(m.node()).raw("</td><td>").text(("received".equals(m.direction()) ? "received from " : "sent to ") + m.counterpart())
            .raw("</td><td class=\"mono\">").text(m.kind()).raw("</td><td><details><summary>show</summary><pre class=\"xml\">")
            .text(m.body()).raw(m.truncated() ? "\n… (cut; the whole body is in the evidence table)" : "").raw("</pre></details></td></tr>");
      }
      h.raw("</table>");
    }
    h.raw("</div>");
  }

  private void crossBorderPanel(Html h, org.rialto.node.payment.Payment p, org.rialto.node.payment.CrossBorder cb,
      List<ConsoleReads.Forward> forwards, PeerSide peerSide) {
    boolean outgoing = cb.role() == org.rialto.node.payment.CrossBorder.Role.OUTGOING;
    h.raw("<div class=\"panel\" id=\"cross-border\"><h2>Cross-border: ").text(outgoing ? "sent to " : "received from ")
        .text(cb.peerNode()).raw("</h2><table><tr><th>Leg</th><th>Node</th><th>From</th><th>To</th><th class=\"num\">Amount</th>"
            + "<th>State there</th></tr>");
    String leg1Node = outgoing ? config.node() : cb.peerNode();
    String leg2Node = outgoing ? cb.peerNode() : config.node();
    String peerState = peerSide.story() == null ? "unknown" : peerSide.story().leg().state();
    String leg1State = outgoing ? p.state().name() : peerState;
    String leg2State = outgoing ? peerState : p.state().name();
    h.raw("<tr><td>1 · debtor → FX provider</td><td>").text(leg1Node).raw("</td><td class=\"mono\">").text(p.debtorBic())
        .raw("</td><td class=\"mono\">").text(cb.fxpBic()).raw("</td><td class=\"num\">")
        .text(amount(cb.sourceAmountMinor(), cb.sourceCurrency(), money.knows(cb.sourceCurrency()))).raw(" ").text(cb.sourceCurrency())
        .raw("</td><td id=\"leg1-state\">").raw(pill(leg1State, leg1State)).raw("</td></tr>");
    h.raw("<tr><td>2 · FX provider → creditor</td><td>").text(leg2Node).raw("</td><td class=\"mono\">").text(cb.fxpBic())
        .raw("</td><td class=\"mono\">").text(p.creditorBic()).raw("</td><td class=\"num\">")
        .text(amount(cb.targetAmountMinor(), cb.targetCurrency(), money.knows(cb.targetCurrency()))).raw(" ").text(cb.targetCurrency())
        .raw("</td><td id=\"leg2-state\">").raw(pill(leg2State, leg2State)).raw("</td></tr></table><dl class=\"facts\" style=\"margin-top:10px\">");
    fact(h, "FX provider", cb.fxpBic());
    fact(h, "Rate", cb.rate() + " " + cb.targetCurrency() + " per " + cb.sourceCurrency());
    fact(h, "Quote", cb.quoteId() == null ? "—" : cb.quoteId());
    fact(h, "Decision deadline", preciseTime(cb.expiresAtMillis()));
    fact(h, "Decided by", leg2Node + " (the receiving node)");
    h.raw("<dt>Peer node</dt><dd>").text(cb.peerNode());
    for (var peer : config.peers()) {
      if (peer.node().equals(cb.peerNode()) && peer.consoleUrl() != null && peer.consoleUrl().startsWith("http")) {
        h.raw(" · ").link(peer.consoleUrl().replaceAll("/+$", "") + "/console/payments/" + p.uetr(), "this payment on " + cb.peerNode());
      }
    }
    h.raw("</dd>");
    for (var f : forwards) {
      fact(h, "Forwarded", preciseTime(f.createdAtMillis()) + " to " + f.peerNode()
          + (f.doneAtMillis() != null ? " · answer applied " + preciseTime(f.doneAtMillis())
              // A final answer is not marked on the outbox row: the payment's own last change is it.
              : p.state().isFinal() ? " · final answer applied " + preciseTime(p.updatedAtMillis())
              : " · answer not yet applied"));
    }
    if (forwards.isEmpty() && outgoing && FORWARDED_STEPS.contains(p.step())) {
      // Since V114 no outbox row is written: the payment's own steps (and its history, with the
      // time of each) say when it was forwarded and answered.
      fact(h, "Forwarded", "to " + cb.peerNode() + " (see the history)"
          + (p.state().isFinal() ? " · final answer applied " + preciseTime(p.updatedAtMillis())
              : "awaiting-decision".equals(p.step()) ? " · answered pending " + preciseTime(p.updatedAtMillis())
              : " · answer not yet applied"));
    }
    h.raw("</dl></div>");
  }

  /** The steps of an outgoing payment once forwarded to its peer (Turn.prepareOutgoing and peerReplies). */
  private static final java.util.Set<String> FORWARDED_STEPS =
      java.util.Set.of("prepared", "awaiting-decision", "settled-both-legs", "rejected-by-peer");

  private static void fact(Html h, String label, Object value) {
    h.raw("<dt>").text(label).raw("</dt><dd>").text(value).raw("</dd>");
  }

  private String messagePage(String idText) {
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a message id: " + idText.substring(0, Math.min(idText.length(), 30)));
    }
    var m = reads.message(id).orElseThrow(() -> new NotFound("No bank message " + id + "."));
    // The inbox renders the body exactly as the bank receives it (deterministic, byte-identical).
    var page = inbox.read(m.bic(), id - 1, 1);
    String xml = page.isEmpty() || page.get(0).id() != id ? null : page.get(0).xml();
    var h = new Html();
    h.raw("<div class=\"panel\"><dl class=\"facts\">");
    fact(h, "Message", "#" + m.id() + " · " + m.kind());
    fact(h, "To", m.bic());
    fact(h, "Created", preciseTime(m.createdAtMillis()));
    if (m.detail() != null) fact(h, "Detail", m.detail());
    h.raw("<dt>Payment</dt><dd>");
    if (m.uetr() != null) h.link("/console/payments/" + m.uetr(), m.uetr());
    else h.raw("—");
    h.raw("</dd></dl></div><div class=\"panel\"><h2>As the bank received it</h2>");
    if (xml == null) h.raw("<p class=\"muted\">This message has no ISO 20022 body.</p>");
    else h.raw("<pre class=\"xml\" id=\"xml\">").text(xml).raw("</pre>");
    h.raw("</div>");
    return h.toString();
  }

  // ---- Compliance ----

  private String compliance() {
    var open = reads.cases(true);
    var decided = reads.cases(false);
    var h = new Html();
    h.raw("<div class=\"notice\">Releasing needs two different people: an operator approves, a supervisor confirms. ")
        .raw("Rejecting needs one operator (RR04 by default). Open a payment to decide its case.</div>");
    h.raw("<div class=\"panel\"><h2>Open cases</h2>");
    if (open.isEmpty()) {
      h.raw("<p class=\"muted\" id=\"no-open-cases\">No payment is held.</p>");
    } else {
      h.raw("<table id=\"open-cases\"><tr><th>Opened</th><th>UETR</th><th>Kind</th><th>Hits</th><th>Lists</th><th>First approval</th></tr>");
      for (var c : open) {
        h.raw("<tr><td class=\"time\">").text(time(c.openedAtMillis())).raw("</td><td class=\"mono\">")
            .link("/console/payments/" + c.uetr(), c.uetr()).raw("</td><td>").text(c.kind()).raw("</td><td>");
        hits(h, c);
        h.raw("</td><td class=\"muted\">").text(c.lists()).raw("</td><td>")
            .text(c.firstApprover() == null ? "—" : c.firstApprover() + " at " + time(c.firstApprovedAtMillis())).raw("</td></tr>");
      }
      h.raw("</table>");
      if (open.size() == ConsoleReads.MAX_CASES) h.raw("<p class=\"muted\">The oldest ").text(ConsoleReads.MAX_CASES).raw(" open cases.</p>");
    }
    h.raw("</div><div class=\"panel\"><h2>Decided</h2>");
    if (decided.isEmpty()) {
      h.raw("<p class=\"muted\">No case decided yet.</p>");
    } else {
      h.raw("<table id=\"decided-cases\"><tr><th>Decided</th><th>UETR</th><th>Decision</th><th>By</th><th>Hits</th></tr>");
      for (var c : decided) {
        h.raw("<tr><td class=\"time\">").text(time(c.decidedAtMillis())).raw("</td><td class=\"mono\">")
            .link("/console/payments/" + c.uetr(), c.uetr()).raw("</td><td>").text(c.decision()).raw("</td><td>")
            .text(c.firstApprover() == null ? c.decidedBy() : c.firstApprover() + ", " + c.decidedBy()).raw("</td><td>");
        hits(h, c);
        h.raw("</td></tr>");
      }
      h.raw("</table>");
    }
    h.raw("</div>");
    return h.toString();
  }

  /**
   * Release and reject, for whoever may act now: the first approval needs an operator, the
   * confirmation a supervisor who is not the first approver (the writer checks again).
   */
  private void caseForms(Html h, Context ctx, ConsoleReads.Case c) {
    Principal who = OperatorServer.principal(ctx);
    if (!who.may(Role.OPERATOR)) {
      h.raw("<p class=\"muted\">Your role (").text(who.role()).raw(") may look at cases, not decide them.</p>");
      return;
    }
    String base = "/console/cases/" + c.uetr();
    boolean confirming = c.firstApprover() != null;
    h.raw("<div id=\"case-actions\" style=\"margin-top:12px\">");
    if (confirming && c.firstApprover().equals(who.name())) {
      h.raw("<p class=\"muted\" id=\"awaiting-second\">You approved the release; a second operator (a supervisor) must confirm it.</p>");
    } else if (confirming && !who.may(ActionKind.RELEASE_HELD_PAYMENT.approver)) {
      h.raw("<p class=\"muted\">Approved by ").text(c.firstApprover()).raw("; a supervisor must confirm the release.</p>");
    } else {
      h.raw("<form class=\"inline\" id=\"release-form\" method=\"post\" action=\"").raw(base).raw("/release\">").raw(csrfField(ctx))
          .raw("<div><label for=\"release-reason\">").text(confirming ? "Confirm release (approved by " + c.firstApprover() + ")" : "Approve release")
          .raw("</label><input id=\"release-reason\" name=\"reason\" required maxlength=\"500\" size=\"40\" placeholder=\"why: e.g. namesake, documents checked\"></div>")
          .raw("<button type=\"submit\" id=\"release\">").text(confirming ? "Confirm release" : "Approve release").raw("</button></form>");
    }
    h.raw("<form class=\"inline\" id=\"reject-form\" method=\"post\" action=\"").raw(base).raw("/reject\">").raw(csrfField(ctx))
        .raw("<div><label for=\"reject-code\">Reason code</label><select id=\"reject-code\" name=\"reasonCode\">")
        .raw("<option>RR04</option><option>RR01</option><option>RR02</option><option>RR03</option><option>FF01</option></select></div>")
        .raw("<div><label for=\"reject-reason\">Reject</label><input id=\"reject-reason\" name=\"reason\" required maxlength=\"500\" size=\"30\"")
        .raw(" placeholder=\"why: e.g. true match\"></div><button type=\"submit\" class=\"secondary\" id=\"reject\">Reject</button></form></div>");
  }

  private static void hits(Html h, ConsoleReads.Case c) {
    for (int i = 0; i < c.hits().size(); i++) {
      if (i > 0) h.raw("<br>");
      h.text(c.hits().get(i));
    }
  }

  private void caseFacts(Html h, ConsoleReads.Case c) {
    h.raw("<dl class=\"facts\">");
    fact(h, "Held", preciseTime(c.openedAtMillis()) + " · " + c.kind());
    h.raw("<dt>Hits</dt><dd>");
    hits(h, c);
    h.raw("</dd>");
    fact(h, "Screened against", c.lists());
    if (c.firstApprover() != null) fact(h, "First approval", c.firstApprover() + " at " + preciseTime(c.firstApprovedAtMillis()));
    fact(h, "Decision", c.decision() == null ? "awaiting operators" : c.decision() + " by " + c.decidedBy() + " at " + preciseTime(c.decidedAtMillis()));
    h.raw("</dl>");
  }

  // ---- Participants, FX ----

  private String participants(Context ctx) throws Exception {
    var live = live();
    var turnover = reads.turnover(calendar == null ? today().toString() : calendar.businessDate(Instant.ofEpochMilli(clock.millis())).toString());
    var h = new Html();
    h.raw("<div class=\"panel\"><h2>Settlement accounts</h2>");
    liquidityTable(h, live, true);
    h.raw("</div><div class=\"panel\"><h2>Bookings on today's value date</h2>");
    if (turnover.isEmpty()) {
      h.raw("<p class=\"muted\">No bookings yet today.</p>");
    } else {
      h.raw("<table id=\"turnover\"><tr><th>BIC</th><th class=\"num\">Debits</th><th class=\"num\">Credits</th><th class=\"num\">Entries</th></tr>");
      for (var t : turnover) {
        h.raw("<tr><td class=\"mono\">").text(t.bic()).raw("</td><td class=\"num\">").text(money.amount(t.debitsMinor(), ccy()))
            .raw("</td><td class=\"num\">").text(money.amount(t.creditsMinor(), ccy())).raw("</td><td class=\"num\">").text(t.entries())
            .raw("</td></tr>");
      }
      h.raw("</table>");
    }
    h.raw("</div>");
    Principal who = OperatorServer.principal(ctx);
    if (who.may(ActionKind.CHANGE_CREDIT_LINE.proposer)) {
      h.raw("<div class=\"grid\"><div class=\"panel\"><h2>Propose a credit line</h2><form class=\"inline\" id=\"credit-line-form\" method=\"post\"")
          .raw(" action=\"/console/credit-line\">")
          .raw(csrfField(ctx)).raw("<div><label for=\"cl-bic\">Participant</label><select id=\"cl-bic\" name=\"bic\">");
      for (var p : live.participants()) h.raw("<option value=\"").text(p.bic()).raw("\">").text(p.bic() + " · " + p.name()).raw("</option>");
      h.raw("</select></div><div><label for=\"cl-amount\">New line (").text(ccy()).raw(")</label><input id=\"cl-amount\" name=\"creditLine\" required")
          .raw(" maxlength=\"30\" placeholder=\"e.g. 5000000.00\"></div><button type=\"submit\" id=\"propose-credit-line\">Propose</button></form>")
          .raw("<p class=\"muted\">Applied only once a second operator approves it under Pending changes.</p></div>");
      h.raw("<div class=\"panel\"><h2>Propose a participant</h2><form class=\"inline\" id=\"participant-form\" method=\"post\" action=\"/console/participants\">")
          .raw(csrfField(ctx))
          .raw("<div><label for=\"p-bic\">BIC</label><input id=\"p-bic\" name=\"bic\" required maxlength=\"11\" size=\"11\"></div>")
          .raw("<div><label for=\"p-name\">Name</label><input id=\"p-name\" name=\"name\" required maxlength=\"140\"></div>")
          .raw("<div><label for=\"p-country\">Country</label><input id=\"p-country\" name=\"country\" required maxlength=\"2\" size=\"3\"></div>")
          .raw("<div><label for=\"p-line\">Credit line</label><input id=\"p-line\" name=\"creditLine\" maxlength=\"30\" placeholder=\"0\"></div>")
          .raw("<button type=\"submit\" id=\"propose-participant\">Propose</button></form></div></div>");
    }
    return h.toString();
  }

  private String fxPage(Context ctx) throws Exception {
    var live = live();
    var h = new Html();
    h.raw("<div class=\"panel\"><h2>FX providers on this node</h2>");
    var providers = new java.util.TreeSet<>(live.fxProviders());
    if (providers.isEmpty()) {
      h.raw("<p class=\"muted\">None configured.</p>");
    } else {
      h.raw("<table id=\"providers\"><tr><th>BIC</th><th>Name</th><th class=\"num\">Balance here</th><th class=\"num\">Available</th></tr>");
      for (String bic : providers) {
        int i = indexOf(live, bic);
        h.raw("<tr><td class=\"mono\">").text(bic).raw("</td><td>").text(i < 0 ? "not yet a participant" : live.participants().get(i).name())
            .raw("</td><td class=\"num\">").text(i < 0 ? "—" : money.withCode(live.balances().get(i).balanceMinor(), ccy()))
            .raw("</td><td class=\"num\">").text(i < 0 ? "—" : money.withCode(live.balances().get(i).availableMinor(), ccy()))
            .raw("</td></tr>");
      }
      h.raw("</table>");
    }
    Principal who = OperatorServer.principal(ctx);
    if (who.may(ActionKind.ADD_FX_PROVIDER.proposer) && fx instanceof QuoteDesk) {
      h.raw("<form class=\"inline\" id=\"fx-provider-form\" method=\"post\" action=\"/console/fx-providers\">").raw(csrfField(ctx))
          .raw("<div><label for=\"fxp-bic\">Propose a participant as FX provider</label><select id=\"fxp-bic\" name=\"bic\">");
      for (var p : live.participants()) {
        if (!providers.contains(p.bic())) h.raw("<option value=\"").text(p.bic()).raw("\">").text(p.bic() + " · " + p.name()).raw("</option>");
      }
      h.raw("</select></div><button type=\"submit\" id=\"propose-fx-provider\">Propose</button></form>")
          .raw("<p class=\"muted\">An administrator (another person) approves it under Pending changes.</p>");
    }
    h.raw("</div><div class=\"panel\"><h2>Published rates</h2>");
    if (live.rates().isEmpty()) {
      h.raw("<p class=\"muted\">No rate is published on this node.</p>");
    } else {
      h.raw("<table id=\"rates\"><tr><th>FX provider</th><th>Corridor</th><th class=\"num\">Source amounts</th><th class=\"num\">Rate</th>")
          .raw("<th class=\"num\">Fixed fee</th><th class=\"num\">Fee</th><th>Published</th><th class=\"num\">Rate id</th></tr>");
      for (var r : live.rates()) {
        var rate = r.rate();
        String src = rate.sourceCurrency();
        boolean known = money.knows(src);
        h.raw("<tr><td class=\"mono\">").text(rate.fxpBic()).raw("</td><td>").text(src + " → " + rate.targetCurrency())
            .raw("</td><td class=\"num\">").text(amount(rate.minSourceAmountMinor(), src, known) + " – " + amount(rate.maxSourceAmountMinor(), src, known))
            .raw("</td><td class=\"num\">").text(rate.rate().toPlainString()).raw("</td><td class=\"num\">")
            .text(amount(rate.fees().fixedFeeMinor(), src, known) + " " + src).raw("</td><td class=\"num\">")
            .text(java.math.BigDecimal.valueOf(rate.fees().percentageBasisPoints(), 2).toPlainString() + " %").raw("</td><td>")
            .text(time(r.publishedAt().toEpochMilli())).raw("</td><td class=\"num\">").text(r.rateId()).raw("</td></tr>");
      }
      h.raw("</table>");
    }
    h.raw("</div><div class=\"panel\"><h2>Positions</h2>");
    positions(h, live.positions());
    h.raw("</div>");
    return h.toString();
  }

  private static int indexOf(Live live, String bic) {
    for (int i = 0; i < live.participants().size(); i++) {
      if (live.participants().get(i).bic().equals(bic)) return i;
    }
    return -1;
  }

  // ---- Calendar, audit ----

  private String calendarPage() {
    var h = new Html();
    LocalDate today = today();
    if (calendar == null) {
      h.raw("<div class=\"notice\">No business calendar is configured: this node is open 24/7 and every day is a business day.</div>");
    }
    h.raw("<div class=\"panel\"><dl class=\"facts\">");
    fact(h, "Time zone", zoneName());
    if (calendar != null) {
      var c = config.calendar();
      fact(h, "Hours", c.alwaysOpen() ? "open 24/7" : c.openTime() + " – " + c.cutOffTime() + " (cut-off)");
      if (!c.cutOffs().isEmpty()) fact(h, "Earlier cut-offs", c.cutOffs().toString());
      fact(h, "Weekend", c.weekendDays().isEmpty() ? "none" : c.weekendDays().stream()
          .map(d -> d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)).toList().toString().replaceAll("[\\[\\]]", ""));
      fact(h, "Today's value date", calendar.businessDate(Instant.ofEpochMilli(clock.millis())).toString());
    }
    if (showsSolarHijri()) {
      h.raw("<dt>Today (Solar Hijri)</dt><dd>").text(SolarHijri.formatLong(today)).raw(" · <bdi dir=\"rtl\" lang=\"fa\">")
          .text(SolarHijri.formatLongPersian(today)).raw("</bdi></dd>");
    }
    h.raw("</dl></div><div class=\"panel\"><h2>Next ").text(CALENDAR_DAYS).raw(" days</h2><table id=\"days\"><tr><th>Date</th><th>Day</th>");
    if (showsSolarHijri()) h.raw("<th>Solar Hijri</th>");
    h.raw("<th>Business day</th><th class=\"num\">Opens</th><th class=\"num\">Cut-off</th><th>Note</th></tr>");
    var c = config.calendar();
    for (int i = 0; i < CALENDAR_DAYS; i++) {
      LocalDate d = today.plusDays(i);
      boolean business = calendar == null || calendar.isBusinessDay(d);
      h.raw("<tr><td class=\"time\">").text(d).raw("</td><td>")
          .text(d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)).raw("</td>");
      if (showsSolarHijri()) h.raw("<td>").text(SolarHijri.formatLong(d)).raw(" · <bdi class=\"muted\" dir=\"rtl\" lang=\"fa\">").text(SolarHijri.formatLongPersian(d)).raw("</bdi></td>");
      h.raw("<td>").raw(business ? pill("open", "yes") : pill("closed", "no")).raw("</td>");
      if (calendar != null && business && !c.alwaysOpen()) {
        h.raw("<td class=\"num\">").text(time(calendar.openingOf(d).toEpochMilli()).substring(11, 16)).raw("</td><td class=\"num\">")
            .text(time(calendar.closeOf(d).toEpochMilli()).substring(11, 16)).raw("</td>");
      } else {
        h.raw("<td class=\"num muted\">—</td><td class=\"num muted\">—</td>");
      }
      String note = "";
      if (i == 0) note = "today";
      if (calendar != null) {
        if (c.holidays().contains(d)) note = (note.isEmpty() ? "" : note + " · ") + "holiday";
        else if (c.extraBusinessDays().contains(d)) note = (note.isEmpty() ? "" : note + " · ") + "working weekend day";
        else if (c.weekendDays().contains(d.getDayOfWeek())) note = (note.isEmpty() ? "" : note + " · ") + "weekend";
      }
      h.raw("<td class=\"muted\">").text(note).raw("</td></tr>");
    }
    h.raw("</table></div>");
    return h.toString();
  }

  private String changesPage(Context ctx) {
    Principal who = OperatorServer.principal(ctx);
    var pending = changes.list(true);
    var all = changes.list(false);
    var h = new Html();
    h.raw("<div class=\"notice\">Four eyes: a credit line or a new participant is applied only when a second, different operator ")
        .raw("approves it. The proposer cannot approve their own change. Proposals lapse after ")
        .text(PendingChanges.PROPOSAL_TTL.toHours()).raw(" hours.</div>");
    h.raw("<div class=\"panel\"><h2>Waiting for approval</h2>");
    if (pending.isEmpty()) {
      h.raw("<p class=\"muted\" id=\"no-pending\">Nothing waits for approval.</p>");
    } else {
      h.raw("<table id=\"pending-changes\"><tr><th>Id</th><th>Change</th><th>Subject</th><th>Details</th><th>Proposed</th><th></th></tr>");
      for (var a : pending) {
        h.raw("<tr id=\"change-").text(a.id()).raw("\"><td class=\"mono\">").text(a.id()).raw("</td><td>").text(kind(a.kind()))
            .raw("</td><td class=\"mono\">").text(a.subject()).raw("</td><td>").text(describe(a)).raw("</td><td>")
            .text(a.proposedBy() + " at " + time(a.proposedAt().toEpochMilli())).raw("</td><td>");
        if (a.proposedBy().equals(who.name())) {
          h.raw("<span class=\"muted\">yours: another operator decides</span>");
        } else if (who.may(a.kind().approver)) {
          h.raw("<form class=\"inline\" method=\"post\" action=\"/console/changes/").text(a.id()).raw("/approve\">").raw(csrfField(ctx))
              .raw("<button type=\"submit\" class=\"approve\">Approve</button></form>")
              .raw("<form class=\"inline\" method=\"post\" action=\"/console/changes/").text(a.id()).raw("/reject\">").raw(csrfField(ctx))
              .raw("<button type=\"submit\" class=\"secondary\">Turn down</button></form>");
        } else {
          h.raw("<span class=\"muted\">needs a ").text(a.kind().approver.name().toLowerCase(java.util.Locale.ROOT)).raw("</span>");
        }
        h.raw("</td></tr>");
      }
      h.raw("</table>");
    }
    h.raw("</div><div class=\"panel\"><h2>Decided</h2>");
    var decided = all.stream().filter(a -> a.state() != DualAction.State.PENDING).toList();
    if (decided.isEmpty()) {
      h.raw("<p class=\"muted\">No change decided yet.</p>");
    } else {
      h.raw("<table id=\"decided-changes\"><tr><th>Id</th><th>Change</th><th>Subject</th><th>Details</th><th>Outcome</th><th>Proposed by</th><th>Decided by</th></tr>");
      for (var a : decided) {
        h.raw("<tr><td class=\"mono\">").text(a.id()).raw("</td><td>").text(kind(a.kind())).raw("</td><td class=\"mono\">").text(a.subject())
            .raw("</td><td>").text(describe(a)).raw("</td><td>").raw(a.state() == DualAction.State.COMPLETED ? pill("up", "applied") : pill("down", "turned down"))
            .raw("</td><td>").text(a.proposedBy()).raw("</td><td>").text(a.decidedBy() + " at " + time(a.decidedAt().toEpochMilli())).raw("</td></tr>");
      }
      h.raw("</table>");
    }
    h.raw("</div>");
    return h.toString();
  }

  /** Accounts (administrators only): who may do what, who is locked out. */
  private String operatorsPage(Context ctx) {
    Principal who = OperatorServer.principal(ctx).require(Role.ADMINISTRATOR);
    var h = new Html();
    h.raw("<div class=\"panel\"><h2>Operator accounts</h2><table id=\"operators\"><tr><th>Name</th><th>Role</th>")
        .raw("<th class=\"num\">Failed sign-ins</th><th>Locked until</th><th>Status</th></tr>");
    long now = clock.millis();
    for (var a : access.accounts()) {
      boolean locked = a.lockedUntil().toEpochMilli() > now;
      h.raw("<tr><td class=\"mono\">").text(a.name()).raw("</td><td>").text(a.role().name().toLowerCase(java.util.Locale.ROOT))
          .raw("</td><td class=\"num\">").text(a.failedAttempts()).raw("</td><td>").text(locked ? time(a.lockedUntil().toEpochMilli()) : "—")
          .raw("</td><td>").raw(a.disabled() ? pill("down", "disabled") : locked ? pill("closed", "locked") : pill("up", "active"))
          .raw("</td></tr>");
    }
    h.raw("</table></div><div class=\"panel\"><h2>Create an operator</h2><form class=\"inline\" id=\"operator-form\" method=\"post\"")
        .raw(" action=\"/console/operators\">").raw(csrfField(ctx))
        .raw("<div><label for=\"op-name\">Name</label><input id=\"op-name\" name=\"name\" required maxlength=\"64\" placeholder=\"e.g. officer.ivanova\"></div>")
        .raw("<div><label for=\"op-role\">Role</label><select id=\"op-role\" name=\"role\"><option>VIEWER</option><option>OPERATOR</option>")
        .raw("<option>SUPERVISOR</option><option>ADMINISTRATOR</option></select></div>")
        .raw("<div><label for=\"op-password\">Initial password</label><input id=\"op-password\" name=\"password\" type=\"password\"")
        .raw(" required minlength=\"12\" maxlength=\"128\" autocomplete=\"new-password\"></div><button type=\"submit\">Create</button></form>")
        .raw("<p class=\"muted\">Signed in as ").text(who.name()).raw(". Passwords are kept as Argon2id hashes only.</p></div>");
    return h.toString();
  }

  private static String kind(ActionKind k) {
    return switch (k) {
      case CHANGE_CREDIT_LINE -> "credit line";
      case CHANGE_LIMIT -> "limit";
      case ADD_PARTICIPANT -> "new participant";
      case ADD_FX_PROVIDER -> "new FX provider";
      case RELEASE_HELD_PAYMENT -> "release";
    };
  }

  /** The change in words and this node's currency, from the stored details. */
  private String describe(DualAction a) {
    try {
      var d = new com.fasterxml.jackson.databind.ObjectMapper().readTree(a.details());
      return switch (a.kind()) {
        case CHANGE_CREDIT_LINE, CHANGE_LIMIT -> (d.has("fromMinor") ? money.withCode(d.get("fromMinor").asLong(), ccy()) + " → " : "→ ")
            + money.withCode(d.get("creditLineMinor").asLong(), ccy());
        case ADD_PARTICIPANT -> d.path("name").asText() + " (" + d.path("country").asText() + "), credit line "
            + money.withCode(d.path("creditLineMinor").asLong(), ccy());
        case ADD_FX_PROVIDER -> d.path("bic").asText() + " quotes on every corridor of this node";
        default -> a.details();
      };
    } catch (Exception e) {
      return a.details();
    }
  }

  private String audit(Context ctx) {
    var snapshots = reads.snapshots();
    String filter = ctx.queryParam("q");
    if (filter != null && (filter.isBlank() || filter.length() > ConsoleReads.MAX_FILTER_CHARS)) filter = null;
    var trail = reads.auditTrail(filter == null ? null : filter.strip());
    var h = new Html();
    h.raw("<div class=\"panel\"><h2>Audit trail</h2><p class=\"muted\">Every operator action, configuration change and ")
        .raw("sign-in, hash-chained in the store: <span class=\"mono\">rialto audit verify</span> finds any edited, removed or ")
        .raw("reordered entry. Newest first.</p><form class=\"inline\" method=\"get\" action=\"/console/audit\">")
        .raw("<div><label for=\"q\">Operator, action or subject</label><input id=\"q\" name=\"q\" maxlength=\"64\" value=\"")
        .text(filter == null ? "" : filter).raw("\"></div><button type=\"submit\">Filter</button></form>");
    if (trail.isEmpty()) {
      h.raw("<p class=\"muted\">No entry.</p>");
    } else {
      h.raw("<table id=\"audit-trail\"><tr><th class=\"num\">#</th><th>Time</th><th>Who</th><th>Action</th><th>Subject</th><th>Details</th></tr>");
      for (var a : trail) {
        h.raw("<tr><td class=\"num\">").text(a.seq()).raw("</td><td class=\"time\">").text(time(a.timeMicros() / 1_000)).raw("</td><td>")
            .text(a.actor()).raw("</td><td>").text(a.action()).raw("</td><td class=\"mono\">").text(a.subject()).raw("</td><td class=\"details\">")
            .text(a.details()).raw("</td></tr>");
      }
      h.raw("</table>");
      if (trail.size() == ConsoleReads.MAX_AUDIT_ROWS) h.raw("<p class=\"muted\">The newest ").text(ConsoleReads.MAX_AUDIT_ROWS).raw(" entries.</p>");
    }
    h.raw("</div>");
    h.raw("<div class=\"panel\"><h2>Ledger invariants</h2><p class=\"muted\">Checks double entry, limits and pending transfers ")
        .raw("over the whole ledger, and the node's tables against it. It runs on the writer: use it when the node is quiet.</p>")
        .raw("<button id=\"check-invariants\" hx-get=\"/console/audit/invariants\" hx-target=\"#invariants\">Check now</button>")
        .raw("<div id=\"invariants\" style=\"margin-top:10px\"></div></div>");
    h.raw("<div class=\"panel\"><h2>Day close</h2>");
    if (snapshots.isEmpty()) {
      h.raw("<p class=\"muted\" id=\"no-snapshots\">No business day has been closed on this node yet.</p>");
    } else {
      h.raw("<table id=\"snapshots\"><tr><th>Business date</th><th>BIC</th><th class=\"num\">Opening</th><th class=\"num\">Closing</th>")
          .raw("<th class=\"num\">Entries</th><th>Closed at</th></tr>");
      for (var s : snapshots) {
        h.raw("<tr><td class=\"time\">").text(s.businessDate()).raw("</td><td class=\"mono\">").text(s.bic()).raw("</td><td class=\"num\">")
            .text(money.amount(s.openingMinor(), ccy())).raw("</td><td class=\"num\">").text(money.amount(s.closingMinor(), ccy()))
            .raw("</td><td class=\"num\">").text(s.entries()).raw("</td><td>").text(time(s.closedAtMillis())).raw("</td></tr>");
      }
      h.raw("</table>");
      if (snapshots.size() == ConsoleReads.MAX_SNAPSHOT_ROWS) h.raw("<p class=\"muted\">The newest ").text(ConsoleReads.MAX_SNAPSHOT_ROWS).raw(" rows.</p>");
    }
    h.raw("</div>");
    return h.toString();
  }

  private String invariants() throws Exception {
    Map<String, Object> result;
    try {
      result = await(engine.query(NodeEngine.View::verifyInvariants));
    } catch (IllegalStateException | org.rialto.ledger.InvariantViolationError e) {
      return "<div class=\"error\" id=\"invariants-broken\">Invariant broken: " + Html.escape(String.valueOf(e.getMessage())) + "</div>";
    }
    var h = new Html();
    h.raw("<div id=\"invariants-ok\">").raw(pill("up", "all invariants hold")).raw(" <span class=\"muted\">checked ")
        .text(time(clock.millis())).raw("</span><dl class=\"facts\" style=\"margin-top:8px\">");
    Object issued = result.get("issuedMinor");
    if (issued != null) {
      try {
        fact(h, "Issued", money.withCode(Long.parseLong(issued.toString()), ccy()));
      } catch (NumberFormatException e) {
        fact(h, "Issued (minor units)", issued);
      }
    }
    if (result.get("paymentsByState") instanceof Map<?, ?> byState) {
      var line = new StringBuilder();
      for (var e : byState.entrySet()) {
        if (line.length() > 0) line.append(" · ");
        line.append(e.getKey()).append(' ').append(e.getValue());
      }
      fact(h, "Payments by state", line.length() == 0 ? "none" : line);
    }
    fact(h, "Queued", result.get("queued"));
    h.raw("</dl></div>");
    return h.toString();
  }
}
