package org.rialto.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks are commands, not timed tests, so anyone can re-run them on their own machine. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure a capability against its bar and its named baseline.",
    subcommands = {BenchLedgerCommand.class, BenchIsoCommand.class, BenchScreeningCommand.class, BenchNodeCommand.class,
        BenchCorridorCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
