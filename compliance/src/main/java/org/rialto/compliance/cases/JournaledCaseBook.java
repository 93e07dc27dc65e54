package org.rialto.compliance.cases;

import java.util.List;
import java.util.Optional;

/**
 * A case book with its journal: each accepted command is appended to the journal (durably)
 * before it takes effect in the book. One writer.
 */
public final class JournaledCaseBook {
  private final CaseJournal journal;
  private final CaseBook book;

  private JournaledCaseBook(CaseJournal journal, CaseBook book) {
    this.journal = journal;
    this.book = book;
  }

  /** Rebuilds the book from everything the journal holds. */
  public static JournaledCaseBook open(CaseJournal journal, int maxCases) {
    return new JournaledCaseBook(journal, CaseBook.replay(journal.readAll(), maxCases));
  }

  public static JournaledCaseBook open(CaseJournal journal) {
    return open(journal, CaseBook.DEFAULT_MAX_CASES);
  }

  /** Decides, records, applies. A refusal records nothing. */
  public CaseOutcome submit(CaseCommand command) {
    CaseOutcome outcome = book.decide(command);
    if (outcome instanceof CaseOutcome.Accepted accepted) {
      journal.append(accepted.event());
      book.apply(accepted.event());
    }
    return outcome;
  }

  public Optional<ComplianceCase> get(String caseId) {
    return book.get(caseId);
  }

  public List<ComplianceCase> all() {
    return book.all();
  }

  public List<ComplianceCase> pending() {
    return book.pending();
  }
}
