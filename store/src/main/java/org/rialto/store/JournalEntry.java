package org.rialto.store;

import java.util.List;
import org.rialto.ledger.LedgerEvent;

/**
 * One ledger batch as applied: the timestamp given to {@code Ledger.apply} and its events. The
 * store encodes it, numbers it and chains it onto the journal.
 *
 * @param events may be empty: a batch that only advanced time still matters when it expired
 *     pending transfers, because replay must expire them at the same point
 */
public record JournalEntry(long timestampNanos, List<LedgerEvent> events) {
  public JournalEntry {
    if (timestampNanos <= 0) {
      throw new IllegalArgumentException("timestampNanos must be positive: " + timestampNanos);
    }
    events = List.copyOf(events);
  }
}
