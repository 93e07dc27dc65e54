package org.rialto.node.engine;

import org.rialto.store.Store;

/** Makes a writer turn durable: its journal batches and its node rows in one transaction. */
final class NodePersistence {
  private final Store store;

  NodePersistence(Store store) {
    this.store = store;
  }

  void commit(Turn turn) {
    store.commit(turn.ledgerBatches, connection -> NodeTables.write(connection, turn));
  }
}
