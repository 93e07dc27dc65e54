package org.rialto.node.log;

import java.util.Collection;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * The MDC keys a node's log lines carry, and the few places they are set: a node's own threads
 * (writer, committer, peer dispatchers) and its request handlers carry {@link #NODE} for their
 * whole life or request; whatever handles one payment puts {@link #UETR} for as long as it does,
 * and a batch of payments (a peer exchange) puts {@link #UETRS}. MDC entries are per thread.
 */
public final class Logs {
  public static final String NODE = "node";
  public static final String UETR = "uetr";
  /** The UETRs of a batch, comma-separated, at most {@link #MAX_BATCH_UETRS} of them. */
  public static final String UETRS = "uetrs";
  public static final String PEER = "peer";
  public static final int MAX_BATCH_UETRS = 50;

  private static final org.slf4j.Logger HTTP = org.slf4j.LoggerFactory.getLogger("rialto.http");
  private static final java.util.regex.Pattern UUID_IN_PATH =
      java.util.regex.Pattern.compile("/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/|$)");

  private Logs() {}

  /**
   * Every request on {@code app} is handled with the node's id in the MDC, and with the UETR when
   * its path names a payment ({@code /v1/payments/{uetr}…}, {@code /console/payments/{uetr}},
   * {@code /peer/v1/payments/{uetr}/history}, a case…). Installed before any other handler.
   */
  public static void perRequest(io.javalin.Javalin app, String nodeId) {
    app.before(ctx -> {
      MDC.clear();
      MDC.put(NODE, nodeId);
      var m = UUID_IN_PATH.matcher(ctx.path());
      if (m.find()) MDC.put(UETR, m.group(1).toLowerCase(java.util.Locale.ROOT));
    });
    app.after(ctx -> MDC.clear());
  }

  /** A request that failed in a way nobody foresaw: answered 500 with a reason, and logged with its stack. */
  public static void unexpected(io.javalin.http.Context ctx, Exception e) {
    HTTP.error("{} {} failed", ctx.method(), ctx.path(), e);
  }

  /** Marks the calling thread as working for {@code nodeId}, for the rest of its life. */
  public static void node(String nodeId) {
    MDC.put(NODE, nodeId);
  }

  /** Puts the UETRs of a batch (the first {@link #MAX_BATCH_UETRS}, then how many more). */
  public static void batch(Collection<UUID> uetrs) {
    var b = new StringBuilder(uetrs.size() * 37);
    int n = 0;
    for (UUID u : uetrs) {
      if (n == MAX_BATCH_UETRS) {
        b.append(",+").append(uetrs.size() - n);
        break;
      }
      if (n++ > 0) b.append(',');
      b.append(u);
    }
    MDC.put(UETRS, b.toString());
  }

  /**
   * A JSON string (null as JSON null): quotes, backslashes and control characters escaped, so a
   * line is always one object. Shared by the log lines and the payment lines (engine/PaymentLog).
   */
  public static void quote(StringBuilder b, String s) {
    if (s == null) {
      b.append("null");
      return;
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    b.append('"');
  }
}
