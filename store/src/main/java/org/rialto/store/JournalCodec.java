package org.rialto.store;

import java.util.List;
import org.rialto.ledger.BatchCodec;
import org.rialto.ledger.LedgerEvent;

/** The journal's view of the ledger's batch encoding: a row's blob must agree with its columns. */
final class JournalCodec {
  private JournalCodec() {}

  static byte[] encode(long timestampNanos, List<LedgerEvent> events) {
    return BatchCodec.encode(timestampNanos, events);
  }

  /**
   * Decodes a row's blob and checks it against the row's own timestamp and event count.
   *
   * @throws JournalCorruptException when the blob is not a batch or disagrees with its row
   */
  static BatchCodec.DecodedBatch decodeRow(JournalRow row) {
    BatchCodec.DecodedBatch batch;
    try {
      batch = BatchCodec.decode(row.events());
    } catch (RuntimeException e) {
      throw new JournalCorruptException(row.seq(), "events blob cannot be decoded: " + e.getMessage(), e);
    }
    if (batch.timestampNanos() != row.timestampNanos()) {
      throw new JournalCorruptException(row.seq(), "blob timestamp " + batch.timestampNanos()
          + " differs from the row's timestamp " + row.timestampNanos());
    }
    if (batch.events().size() != row.eventCount()) {
      throw new JournalCorruptException(row.seq(), "blob holds " + batch.events().size()
          + " events, the row says " + row.eventCount());
    }
    return batch;
  }
}
