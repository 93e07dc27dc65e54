package org.rialto.node.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rialto.node.payment.PartyDetails;

/**
 * The payment row's details column is written by hand and read by Jackson: the text must be what
 * Jackson itself writes (rows written before are read the same way), and read back equal.
 */
class PartyDetailsJsonTest {
  static final PartyDetails PERSON = new PartyDetails(null, "40702810900000000001", "RU", "Samara \"Central\"", "443001",
      "Lenina\\Prospekt", "12", List.of(), "RU", false, null, null, "1980-04-01", "Samara", "RU",
      List.of(new PartyDetails.Ident("4510123456", "NIDN", "MVD"), new PartyDetails.Ident("C-77", "CUST", null)));
  static final PartyDetails COMPANY = new PartyDetails("IR062960000000100324200001", null, "IR", null, null, null, null,
      List.of("Enghelab St 5", "Tehran \u00e9\u4e2d"), null, true, "5493001KJTIIGC8Y1R12", "VOLGRUMMXXX", null, null,
      null, List.of());

  @Test
  void writesWhatJacksonWritesAndReadsBackEqual() throws Exception {
    var jackson = new ObjectMapper();
    for (var d : List.of(PERSON, COMPANY)) {
      String text = NodeTables.details(d);
      assertEquals(jackson.writeValueAsString(d), text);
      assertEquals(d, NodeTables.details(text));
    }
    assertNull(NodeTables.details((PartyDetails) null));
  }
}
