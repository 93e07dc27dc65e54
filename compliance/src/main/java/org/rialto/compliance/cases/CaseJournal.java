package org.rialto.compliance.cases;

import java.util.List;

/**
 * Where a case book's events are kept: the persistence SPI. The node implements it over its
 * store (same transaction discipline as its other records); {@link InMemoryCaseJournal} and
 * {@link JsonLinesCaseJournal} exist for the CLI and tests only.
 *
 * <p>Contract: {@link #append} returns only once the event is durable; events are never changed
 * or removed; {@link #readAll} returns every appended event in append order.
 */
public interface CaseJournal {
  void append(CaseEvent event);

  List<CaseEvent> readAll();
}
