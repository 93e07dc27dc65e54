package org.rialto.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** ISO 20022 messages: validate them, show them. */
@Command(
    name = "iso",
    mixinStandardHelpOptions = true,
    description = "Validate and show ISO 20022 messages (pacs, camt, admi; bare Document or AppHdr + Document).",
    subcommands = {IsoValidateCommand.class, IsoShowCommand.class})
public final class IsoCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
