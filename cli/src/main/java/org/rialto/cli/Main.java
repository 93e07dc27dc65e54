package org.rialto.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one `rialto` program; every capability is a subcommand so operators learn one tool. */
@Command(
    name = "rialto",
    mixinStandardHelpOptions = true,
    version = "rialto 0.1.0",
    description = "Cross-border payment and settlement network in national currencies.",
    subcommands = {
      DemoCommand.class,
      NodeCommand.class,
      BenchCommand.class,
      LedgerCommand.class,
      PkiCommand.class,
      AuditCommand.class,
      OperatorCommand.class,
      IsoCommand.class,
      ScreenCommand.class,
      ListsCommand.class,
      CasesCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    int exitCode = new CommandLine(new Main()).execute(args);
    System.exit(exitCode);
  }
}
