package org.rialto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders cleanly. picocli reads descriptions as format strings, so a bare
 * "5%" made `rialto bench corridor --help` print three warnings to stderr instead of the text an
 * operator asked for.
 */
class HelpTextTest {
  /** Far more than the CLI has; a bound so a cycle in the command tree cannot loop forever. */
  private static final int MAX_COMMANDS = 500;

  @Test
  void everyCommandsHelpRendersWithoutWarnings() {
    PrintStream originalErr = System.err;
    var err = new ByteArrayOutputStream();
    List<String> rendered = new ArrayList<>();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      var pending = new ArrayDeque<CommandLine>();
      pending.add(new CommandLine(new Main()));
      while (!pending.isEmpty()) {
        assertThat(rendered).hasSizeLessThan(MAX_COMMANDS);
        CommandLine command = pending.poll();
        var out = new StringWriter();
        command.usage(new PrintWriter(out));
        assertThat(out.toString()).as(command.getCommandSpec().qualifiedName()).contains("Usage:");
        assertThat(out.toString()).as(command.getCommandSpec().qualifiedName()).doesNotContain("%n");
        rendered.add(command.getCommandSpec().qualifiedName());
        pending.addAll(command.getSubcommands().values());
      }
    } finally {
      System.setErr(originalErr);
    }
    assertThat(rendered).contains("rialto bench corridor", "rialto bench screening");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
