package org.rialto.node.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rialto.node.payment.PaymentState;

class PaymentHistoryTest {
  @Test
  void eventsAppendedTurnByTurnReadBackInOrderWhateverTheDetail() {
    UUID uetr = UUID.randomUUID();
    var first = new StringBuilder();
    PaymentHistory.append(first, new Turn.PaymentEventRow(3, uetr, 1_000L, PaymentState.RECEIVED, "received", null));
    PaymentHistory.append(first, new Turn.PaymentEventRow(4, uetr, 1_000L, PaymentState.HELD, "held-screening",
        "hit: \"Mahfouz\"\tlist UN\nsecond line \\n"));
    var second = new StringBuilder();
    PaymentHistory.append(second, new Turn.PaymentEventRow(90, uetr, 2_000L, PaymentState.SETTLED, "settled", ""));
    // The store concatenates a turn's lines to what is already there.
    var events = PaymentHistory.decode(first.toString() + second, 100);
    assertThat(events).containsExactly(
        new PaymentHistory.Event(3, 1_000L, "RECEIVED", "received", null),
        new PaymentHistory.Event(4, 1_000L, "HELD", "held-screening", "hit: \"Mahfouz\"\tlist UN\nsecond line \\n"),
        new PaymentHistory.Event(90, 2_000L, "SETTLED", "settled", ""));
    assertThat(PaymentHistory.decode(first.toString() + second, 2)).hasSize(2);
    assertThat(PaymentHistory.decode("", 10)).isEmpty();
  }

  @Test
  void aTornOrCorruptHistoryIsRefused() {
    assertThatThrownBy(() -> PaymentHistory.decode("1\t2\tSETTLED\tsettled", 10)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> PaymentHistory.decode("1\t2\n", 10)).isInstanceOf(IllegalStateException.class);
  }
}
