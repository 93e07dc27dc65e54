package org.rialto.node.engine;

import java.time.Clock;
import org.rialto.ledger.Ledger;
import org.rialto.store.Store;

/** Rebuilds a node's writer state from its store: the ledger from the journal, the rest from tables. */
public final class NodeStartup {
  private NodeStartup() {}

  public static NodeEngine rebuild(String nodeId, String currency, int minorUnits, String centralBankBic,
      Store store, Ledger ledger, BusinessHours hours, Clock clock, Routes routes, FxDesk fx,
      java.util.Set<String> fxProviders, long decisionWindowMillis, org.rialto.node.metrics.NodeMetrics metrics) {
    // Replaying the journal through the same deterministic ledger gives the same state: the
    // journal holds every batch with its timestamp, so even pending-transfer expiry recurs.
    store.replay((seq, timestampNanos, events) -> ledger.apply(timestampNanos, events));
    ledger.verifyFully();
    long lastTimestamp = store.tail().nextMinTimestampNanos() - 1;
    long highWater = store.read(NodeTables::bankMessageHighWater);
    var state = new NodeState(nodeId, currency, minorUnits, centralBankBic, ledger, hours,
        new NodePersistence(store), highWater, lastTimestamp, routes, fx, fxProviders, decisionWindowMillis, metrics);
    store.read(c -> {
      NodeTables.load(c, state);
      state.nextEventSeq = NodeTables.maxEventSeq(c) + 1;
      state.nextBookingSeq = NodeTables.maxBookingSeq(c) + 1;
      try (var st = c.createStatement(); var rs = st.executeQuery("SELECT MAX(business_date) FROM balance_snapshot")) {
        rs.next();
        state.lastClosedDate = rs.getString(1);
      }
      // Only needed before the first close (a scan, but of a node's first days only).
      if (state.lastClosedDate == null) {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT MIN(value_date) FROM booking_batch")) {
          rs.next();
          state.firstBusinessDate = rs.getString(1);
        }
      }
      return null;
    });
    if (state.firstBusinessDate == null) state.firstBusinessDate = hours.valueDate(clock.millis());
    state.checkAgainstLedger();
    return new NodeEngine(state, clock);
  }
}
