package org.rialto.node.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rialto.node.payment.PaymentState;

class PaymentLogTest {
  @Test
  void aPaymentLineIsOneJsonObjectWithTheUetrWhateverTheDetailHolds() throws Exception {
    UUID uetr = UUID.randomUUID();
    var row = new Turn.PaymentEventRow(7, uetr, 1_700_000_000_000L, PaymentState.HELD, "held-screening",
        "held: \"Mahfouz\" \\ line\nbreak \u0001 and more");
    String line = PaymentLog.line("RU-NODE", uetr.toString(), row);
    var json = new ObjectMapper().readTree(line);
    assertThat(json.get("uetr").asText()).isEqualTo(uetr.toString());
    assertThat(json.get("state").asText()).isEqualTo("HELD");
    assertThat(json.get("node").asText()).isEqualTo("RU-NODE");
    assertThat(json.get("detail").asText()).isEqualTo("held: \"Mahfouz\" \\ line\nbreak \u0001 and more");
    assertThat(line).doesNotContain("\n");
  }

  @Test
  void aLongDetailIsCut() throws Exception {
    UUID uetr = UUID.randomUUID();
    var row = new Turn.PaymentEventRow(1, uetr, 1L, PaymentState.REJECTED, "rejected", "x".repeat(5_000));
    var json = new ObjectMapper().readTree(PaymentLog.line("N", uetr.toString(), row));
    assertThat(json.get("detail").asText()).hasSize(PaymentLog.MAX_DETAIL_CHARS + 1);
  }
}
