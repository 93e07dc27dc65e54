package org.rialto.store.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.ledger.EventResult;

class LedgerDemoTest {
  @TempDir Path dir;

  @Test
  void settlesRestartsAndVerifiesTwiceOnTheSameStore() throws Exception {
    var out = new ByteArrayOutputStream();
    var print = new PrintStream(out, true, StandardCharsets.UTF_8);
    LedgerDemo.Outcome first = LedgerDemo.run(dir, 600, print);
    assertThat(first.ok()).isTrue();
    assertThat(first.results().get(EventResult.OK)).isGreaterThan(500);
    // The too-large payments are refused whole: a failed cross-currency leg leaves nothing behind.
    assertThat(first.results().keySet()).contains(EventResult.EXCEEDS_CREDITS);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("state identical to before the restart: yes", "ledger verify: OK", "all checks passed",
        "Volga Commercial Bank", "RUB: debits posted", "IRR: debits posted");

    LedgerDemo.Outcome second = LedgerDemo.run(dir, 100, print);
    assertThat(second.ok()).isTrue();
    assertThat(second.journalRows()).isGreaterThan(first.journalRows());
  }
}
