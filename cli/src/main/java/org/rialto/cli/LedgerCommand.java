package org.rialto.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Inspect and verify a node's ledger store.",
    subcommands = {LedgerVerifyCommand.class})
public final class LedgerCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
