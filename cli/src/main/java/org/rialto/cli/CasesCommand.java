package org.rialto.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rialto.compliance.cases.CaseCommand;
import org.rialto.compliance.cases.CaseEvent;
import org.rialto.compliance.cases.CaseOutcome;
import org.rialto.compliance.cases.ComplianceCase;
import org.rialto.compliance.cases.HoldReason;
import org.rialto.compliance.cases.JournaledCaseBook;
import org.rialto.compliance.cases.JsonLinesCaseJournal;
import org.rialto.compliance.cases.RejectReason;
import org.rialto.compliance.lists.ListRepository;
import org.rialto.compliance.screening.ScreeningConfig;
import org.rialto.compliance.screening.ScreeningResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "cases",
    mixinStandardHelpOptions = true,
    description = {
      "Compliance cases of held payments in a case journal file (a running node keeps its cases in",
      "its store; this command works on a journal file, for drills and tests). A release needs two",
      "different operators; a rejection one operator and a reason code (RR01..RR12, FRAD)."
    },
    subcommands = {CasesCommand.ListCases.class, CasesCommand.Show.class, CasesCommand.Open.class,
        CasesCommand.Approve.class, CasesCommand.Reject.class})
public final class CasesCommand implements Runnable {
  static final String DEFAULT_JOURNAL = "data/cases.jsonl";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static JournaledCaseBook book(Path journal) {
    return JournaledCaseBook.open(JsonLinesCaseJournal.open(journal));
  }

  static int report(CaseOutcome outcome) {
    if (outcome instanceof CaseOutcome.Refused r) {
      System.err.println("refused (" + r.refusal() + "): " + r.message());
      return 1;
    }
    CaseEvent e = ((CaseOutcome.Accepted) outcome).event();
    System.out.println("recorded #" + e.sequence() + ": " + describe(e));
    return 0;
  }

  static String describe(CaseEvent e) {
    return switch (e) {
      case CaseEvent.Opened o -> o.at() + " case " + o.caseId() + " opened for payment " + o.paymentRef() + " ("
          + o.reasons().size() + " reason" + (o.reasons().size() == 1 ? "" : "s") + ")";
      case CaseEvent.ReleaseApproved a -> a.at() + " first release approval by " + a.operator() + ": " + a.comment();
      case CaseEvent.Released r -> r.at() + " released by " + r.operator() + " (first approval " + r.firstApprover() + "): "
          + r.comment();
      case CaseEvent.Rejected r -> r.at() + " rejected by " + r.operator() + " with " + r.reason() + " ("
          + r.reason().description() + "): " + r.comment();
    };
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Cases, pending first.")
  static final class ListCases implements Callable<Integer> {
    @Option(names = "--journal", paramLabel = "FILE", description = "Case journal (default: ${DEFAULT-VALUE}).")
    Path journal = Path.of(DEFAULT_JOURNAL);

    @Option(names = "--all", description = "Include closed cases.")
    boolean all;

    @Override
    public Integer call() {
      JournaledCaseBook book = book(journal);
      List<ComplianceCase> cases = all ? book.all() : book.pending();
      System.out.printf(Locale.ROOT, "%-24s %-26s %-36s %-24s %s%n", "CASE", "STATUS", "PAYMENT", "OPENED", "REASONS");
      for (ComplianceCase c : cases) {
        System.out.printf(Locale.ROOT, "%-24s %-26s %-36s %-24s %d%n", c.caseId(), c.status(), c.paymentRef(), c.openedAt(),
            c.reasons().size());
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "A case with its reasons and decisions.")
  static final class Show implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE") String caseId;

    @Option(names = "--journal", paramLabel = "FILE", description = "Case journal (default: ${DEFAULT-VALUE}).")
    Path journal = Path.of(DEFAULT_JOURNAL);

    @Override
    public Integer call() {
      ComplianceCase c = book(journal).get(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
      System.out.printf(Locale.ROOT, "case %s: payment %s, %s%n", c.caseId(), c.paymentRef(), c.status());
      System.out.println("reasons:");
      for (HoldReason r : c.reasons()) {
        System.out.printf(Locale.ROOT, "  [%s] %s %s: %s%n", r.kind(), r.source(), r.reference(), r.evidence());
      }
      System.out.println("decisions:");
      for (CaseEvent e : c.history()) {
        System.out.println("  #" + e.sequence() + " " + describe(e));
      }
      return 0;
    }
  }

  @Command(name = "open", mixinStandardHelpOptions = true,
      description = "Open a case for a held payment: from a screening of --screen NAME, or with a --reason.")
  static final class Open implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE") String caseId;

    @Option(names = "--payment", required = true, paramLabel = "REF", description = "The held payment (UETR).")
    String payment;

    @Option(names = "--screen", paramLabel = "NAME", description = "Screen this name; its hits are the reasons.")
    String screen;

    @Option(names = "--reason", paramLabel = "TEXT", description = "A reason in words (an AML or manual hold).")
    String reason;

    @Option(names = "--lists-dir", paramLabel = "DIR", description = "List snapshots (default: ${DEFAULT-VALUE}).")
    Path listsDir = ListRepository.DEFAULT_DIR;

    @Option(names = "--journal", paramLabel = "FILE", description = "Case journal (default: ${DEFAULT-VALUE}).")
    Path journal = Path.of(DEFAULT_JOURNAL);

    @Override
    public Integer call() {
      List<HoldReason> reasons;
      if (screen != null) {
        ScreeningResult r = ScreeningConfig.defaults().buildScreener(ListRepository.open(listsDir)).screenName(screen);
        reasons = HoldReason.from(r, null);
        if (reasons.isEmpty()) {
          System.err.println("'" + screen + "' screens clear: nothing to hold");
          return 1;
        }
      } else if (reason != null) {
        reasons = List.of(new HoldReason(HoldReason.Kind.AML, "manual", "operator", reason));
      } else {
        throw new IllegalArgumentException("give --screen NAME or --reason TEXT");
      }
      return report(book(journal).submit(new CaseCommand.Open(caseId, payment, Instant.now(), reasons)));
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Approve release: the first approval, or the second (by another operator) that releases.")
  static final class Approve implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE") String caseId;

    @Option(names = "--operator", required = true, paramLabel = "ID") String operator;

    @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "Why.") String comment;

    @Option(names = "--journal", paramLabel = "FILE", description = "Case journal (default: ${DEFAULT-VALUE}).")
    Path journal = Path.of(DEFAULT_JOURNAL);

    @Override
    public Integer call() {
      return report(book(journal).submit(new CaseCommand.Approve(caseId, operator, Instant.now(), comment)));
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject the held payment with a reason code.")
  static final class Reject implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE") String caseId;

    @Option(names = "--operator", required = true, paramLabel = "ID") String operator;

    @Option(names = "--reason", paramLabel = "CODE", description = "RR01..RR12 or FRAD (default: ${DEFAULT-VALUE}).")
    String reason = "RR04";

    @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "Why.") String comment;

    @Option(names = "--journal", paramLabel = "FILE", description = "Case journal (default: ${DEFAULT-VALUE}).")
    Path journal = Path.of(DEFAULT_JOURNAL);

    @Override
    public Integer call() {
      return report(book(journal).submit(
          new CaseCommand.Reject(caseId, operator, Instant.now(), RejectReason.parse(reason), comment)));
    }
  }
}
