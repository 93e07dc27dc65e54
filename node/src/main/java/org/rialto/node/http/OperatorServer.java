package org.rialto.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.engine.NodeUnavailableException;
import org.rialto.node.engine.RejectException;
import org.rialto.node.operators.OperatorAccess;
import org.rialto.node.operators.Principal;
import org.rialto.security.operators.AccessDeniedException;

/**
 * The operators' listener, apart from the banks': the console and every {@code /v1/admin/*}
 * route. Nothing here trusts a name a request gives itself: each request is signed in through a
 * session, from the console's cookie (then every change also carries the session's CSRF token)
 * or from {@code Authorization: Bearer} (API clients, which hold the token themselves).
 */
public final class OperatorServer implements AutoCloseable {
  /**
   * Cookies carry the node's id: browsers keep cookies per host, not per port, so two nodes on one
   * machine (the demo, a test) would otherwise overwrite each other's session.
   */
  public static String sessionCookie(String nodeId) {
    return "rialto_session_" + nodeId.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  public static String csrfCookie(String nodeId) {
    return "rialto_csrf_" + nodeId.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  public static final String CSRF_FIELD = "csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String PRINCIPAL = "rialto.principal";
  /** Where a request without a session may go: signing in, health and the scrape. */
  private static final List<String> OPEN_PATHS = List.of("/console/login", "/v1/admin/session", "/health/live", "/health/ready",
      "/metrics", "/openapi.json", "/console/assets/");

  private final Javalin app;
  private final OperatorAccess access;
  private final boolean https;
  private final String nodeId;

  /** Raised when a route needs a signed-in operator and the request has none. */
  public static final class NotSignedIn extends RuntimeException {
    public NotSignedIn(String message) {
      super(message, null, false, false);
    }
  }

  private String listenHost;
  private int listenPort;

  /**
   * @param tls the node's server identity for HTTPS (no client certificate: operators sign in
   *     with a password), or null for plain HTTP on a trusted loopback or management network;
   *     with TLS the session cookies are marked Secure
   */
  public OperatorServer(String nodeId, NodeEngine engine, OperatorAccess access, ObjectMapper json, javax.net.ssl.SSLContext tls,
      List<ApiServer.RouteRegistrar> routes) {
    this.nodeId = nodeId;
    this.access = access;
    this.https = tls != null;
    this.app = Javalin.create(config -> {
      if (tls != null) config.jetty.addConnector((server, httpConfig) -> tlsConnector(server, httpConfig, tls));
      config.showJavalinBanner = false;
      config.useVirtualThreads = true;
      config.http.maxRequestSize = 1024 * 1024;
      config.jsonMapper(new JavalinJackson(json, false));
    });
    app.exception(NotSignedIn.class, (e, ctx) -> {
      if (ctx.path().startsWith("/console")) {
        ctx.redirect("/console/login?next=" + java.net.URLEncoder.encode(ctx.path(), java.nio.charset.StandardCharsets.UTF_8));
      } else {
        JsonApi.respondError(ctx, 401, "AG01", e.getMessage());
      }
    });
    app.exception(AccessDeniedException.class, (e, ctx) -> JsonApi.respondError(ctx, 403, "AG01", e.getMessage()));
    app.exception(JsonApi.BadRequest.class, (e, ctx) -> JsonApi.respondError(ctx, 400, e.reasonCode, e.getMessage()));
    app.exception(RejectException.class, (e, ctx) -> JsonApi.respondError(ctx, 422, e.reasonCode(), e.getMessage()));
    app.exception(NodeUnavailableException.class, (e, ctx) -> JsonApi.respondError(ctx, 503, "NARR", e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      org.rialto.node.log.Logs.unexpected(ctx, e);
      JsonApi.respondError(ctx, 500, "NARR", "internal error: " + e);
    });
    org.rialto.node.log.Logs.perRequest(app, nodeId);
    app.before(this::signIn);
    app.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
    app.get("/health/ready", ctx -> {
      if (engine.isHealthy()) ctx.json(Map.of("status", "ready"));
      else ctx.status(503).json(Map.of("status", "down", "reason", String.valueOf(engine.failure())));
    });
    for (var r : routes) r.register(app);
  }

  public int start(String host, int port) {
    if (!https) {
      app.start(host, port);
      return app.port();
    }
    this.listenHost = host;
    this.listenPort = port;
    app.start();
    return ((org.eclipse.jetty.server.ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
  }

  /** TLS 1.3 only, the node's own certificate; no client certificate is asked for. */
  private org.eclipse.jetty.server.Connector tlsConnector(org.eclipse.jetty.server.Server server,
      org.eclipse.jetty.server.HttpConfiguration httpConfig, javax.net.ssl.SSLContext tls) {
    var factory = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
    factory.setSslContext(tls);
    factory.setIncludeProtocols("TLSv1.3");
    factory.setNeedClientAuth(false);
    factory.setWantClientAuth(false);
    var config = new org.eclipse.jetty.server.HttpConfiguration(httpConfig);
    config.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
    var connector = new org.eclipse.jetty.server.ServerConnector(server,
        new org.eclipse.jetty.server.SslConnectionFactory(factory, "http/1.1"), new org.eclipse.jetty.server.HttpConnectionFactory(config));
    connector.setHost(listenHost);
    connector.setPort(listenPort);
    return connector;
  }

  public boolean https() {
    return https;
  }

  /** Resolves the session of every request; a change made with the cookie must carry the CSRF token. */
  private void signIn(Context ctx) {
    Principal p = null;
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      if (!authorization.startsWith("Bearer ") || authorization.length() > 7 + 64) {
        throw new NotSignedIn("Authorization: Bearer <token from POST /v1/admin/session>");
      }
      try {
        p = access.authenticate(authorization.substring(7).strip(), false);
      } catch (AccessDeniedException e) {
        throw new NotSignedIn(e.getMessage());
      }
    } else {
      String cookie = ctx.cookie(sessionCookie(nodeId));
      if (cookie != null && !cookie.isEmpty()) {
        try {
          p = access.authenticate(cookie, true);
        } catch (AccessDeniedException e) {
          // A stale cookie is a signed-out browser: the page sends it to the sign-in form.
          p = null;
        }
      }
    }
    ctx.attribute(PRINCIPAL, p);
    boolean change = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD") && !ctx.method().name().equals("OPTIONS");
    if (p != null && p.viaCookie() && change && !open(ctx.path())) {
      String presented = ctx.header(CSRF_HEADER);
      if (presented == null) presented = ctx.formParam(CSRF_FIELD);
      p.requireCsrf(presented);
    }
  }

  private static boolean open(String path) {
    for (String o : OPEN_PATHS) {
      if (o.endsWith("/") ? path.startsWith(o) : path.equals(o)) return true;
    }
    return false;
  }

  /** The signed-in operator of this request, or {@link NotSignedIn}. */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) throw new NotSignedIn("sign in first: POST /v1/admin/session, or the console's sign-in page");
    return p;
  }

  /** The signed-in operator, or null. */
  public static Principal principalOrNull(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  /** Session cookies: HttpOnly (scripts cannot read the session), SameSite=Strict, Secure under TLS. */
  public static void setSessionCookies(Context ctx, String nodeId, String token, String csrfToken, long maxAgeSeconds, boolean https) {
    String secure = https ? "; Secure" : "";
    ctx.res().addHeader("Set-Cookie", sessionCookie(nodeId) + "=" + token + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict" + secure);
    // Read back by the server to render forms (double submit); never sufficient alone, as it is checked against the session.
    ctx.res().addHeader("Set-Cookie", csrfCookie(nodeId) + "=" + csrfToken + "; Path=/console; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict" + secure);
  }

  public static void clearSessionCookies(Context ctx, String nodeId, boolean https) {
    String secure = https ? "; Secure" : "";
    ctx.res().addHeader("Set-Cookie", sessionCookie(nodeId) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure);
    ctx.res().addHeader("Set-Cookie", csrfCookie(nodeId) + "=; Path=/console; Max-Age=0; HttpOnly; SameSite=Strict" + secure);
  }

  @Override
  public void close() {
    app.stop();
  }
}
