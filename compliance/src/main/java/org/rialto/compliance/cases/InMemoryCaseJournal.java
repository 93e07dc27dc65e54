package org.rialto.compliance.cases;

import java.util.ArrayList;
import java.util.List;

/** A journal in memory, for tests: not durable. */
public final class InMemoryCaseJournal implements CaseJournal {
  private final List<CaseEvent> events = new ArrayList<>();

  @Override
  public synchronized void append(CaseEvent event) {
    events.add(event);
  }

  @Override
  public synchronized List<CaseEvent> readAll() {
    return List.copyOf(events);
  }
}
