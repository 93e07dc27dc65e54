package org.rialto.node.engine;

import java.util.List;
import org.rialto.node.payment.PaymentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Payment lines in the node's log, written after the turn that made them durable (a log line
 * never tells of a step a crash could undo). Each line is one JSON object with the UETR, and the
 * UETR is also in the SLF4J MDC under {@code uetr}, which the node's backend puts on the line
 * ({@link org.rialto.node.log.JsonLogProvider}).
 *
 * <p>What an operator investigates (held, rejected, returned, released) is logged at INFO on the
 * {@code rialto.payment} logger; every other step at DEBUG, which costs one level check per turn
 * when off, so the hot path pays nothing at INFO.
 */
final class PaymentLog {
  static final Logger LOG = LoggerFactory.getLogger("rialto.payment");
  /** A turn can change thousands of payments; past this many lines the rest are counted, not written. */
  static final int MAX_LINES_PER_TURN = 1_000;
  static final int MAX_DETAIL_CHARS = 300;

  private PaymentLog() {}

  static void committed(String nodeId, List<Turn.PaymentEventRow> events) {
    if (events.isEmpty() || !LOG.isInfoEnabled()) return;
    boolean debug = LOG.isDebugEnabled();
    int written = 0;
    int skipped = 0;
    for (var e : events) {
      boolean notable = notable(e);
      if (!notable && !debug) continue;
      if (written >= MAX_LINES_PER_TURN) {
        skipped++;
        continue;
      }
      written++;
      String uetr = e.uetr().toString();
      MDC.put("uetr", uetr);
      try {
        String line = line(nodeId, uetr, e);
        if (notable) LOG.info(line);
        else LOG.debug(line);
      } finally {
        MDC.remove("uetr");
      }
    }
    if (skipped > 0) LOG.warn("{\"node\":\"{}\",\"suppressedPaymentLines\":{}}", nodeId, skipped);
  }

  private static boolean notable(Turn.PaymentEventRow e) {
    return e.state() == PaymentState.HELD || e.state() == PaymentState.REJECTED || e.state() == PaymentState.RETURNED
        || "released".equals(e.step());
  }

  static String line(String nodeId, String uetr, Turn.PaymentEventRow e) {
    var b = new StringBuilder(160);
    b.append("{\"uetr\":\"").append(uetr).append("\",\"node\":");
    org.rialto.node.log.Logs.quote(b, nodeId);
    b.append(",\"state\":\"").append(e.state().name()).append("\",\"step\":");
    org.rialto.node.log.Logs.quote(b, e.step());
    b.append(",\"atMillis\":").append(e.atMillis());
    if (e.detail() != null) {
      b.append(",\"detail\":");
      org.rialto.node.log.Logs.quote(b, e.detail().length() > MAX_DETAIL_CHARS ? e.detail().substring(0, MAX_DETAIL_CHARS) + "…" : e.detail());
    }
    return b.append('}').toString();
  }
}
