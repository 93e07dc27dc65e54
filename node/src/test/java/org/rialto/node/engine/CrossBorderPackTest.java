package org.rialto.node.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rialto.node.payment.CrossBorder;

class CrossBorderPackTest {
  @Test
  void aRecordReadsBackWhole() {
    var out = new CrossBorder(CrossBorder.Role.OUTGOING, "IR-NODE", "DLRXRUMM", "e55e9549-cc5c-435c-b5f4-58cac99a5386",
        5_435_391, "RUB", 28_291_210, "IRR", "520.5", 1_795_507_823_589L);
    assertEquals("O\tIR-NODE\tDLRXRUMM\tQe55e9549-cc5c-435c-b5f4-58cac99a5386\t5435391\tRUB\t28291210\tIRR\t520.5\t1795507823589",
        CrossBorderPack.encode(out));
    assertEquals(out, CrossBorderPack.decode(CrossBorderPack.encode(out)));
    // What a peer sent is kept as sent: no quote, an empty one, tabs, newlines, backslashes.
    var in = new CrossBorder(CrossBorder.Role.INCOMING, "RU\tNODE\\", "F\nX", null, 1, "RUB", Long.MAX_VALUE, "IRR", "1E+3", -1);
    assertEquals(in, CrossBorderPack.decode(CrossBorderPack.encode(in)));
    var empty = new CrossBorder(CrossBorder.Role.INCOMING, "RU-NODE", "FXP", "", 1, "RUB", 2, "IRR", "2", 3);
    assertEquals(empty, CrossBorderPack.decode(CrossBorderPack.encode(empty)));
  }

  @Test
  void aCorruptRecordIsRefused() {
    assertThrows(IllegalStateException.class, () -> CrossBorderPack.decode("O\tIR-NODE"));
    assertThrows(IllegalStateException.class, () -> CrossBorderPack.decode("X\ta\tb\t\t1\tRUB\t2\tIRR\t2\t3"));
    assertThrows(IllegalStateException.class, () -> CrossBorderPack.decode("O\ta\tb\tZq\t1\tRUB\t2\tIRR\t2\t3"));
    assertThrows(IllegalStateException.class, () -> CrossBorderPack.decode("O\ta\tb\t\t1\tRUB\t2\tIRR\t2\t3\t4"));
    assertThrows(NumberFormatException.class, () -> CrossBorderPack.decode("O\ta\tb\t\tx\tRUB\t2\tIRR\t2\t3"));
  }
}
