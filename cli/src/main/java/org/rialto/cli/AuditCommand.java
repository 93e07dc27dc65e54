package org.rialto.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Inspect and verify the node's hash-chained audit trail.",
    subcommands = {AuditVerifyCommand.class})
public final class AuditCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
