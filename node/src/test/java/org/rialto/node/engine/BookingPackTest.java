package org.rialto.node.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingPackTest {
  @Test
  void bookingsRoundTripInSeqOrder() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    var rows = List.of(
        new Turn.BookingRow(10, "BANKRUMMXXX", a, "DBIT", 12_345L, "2026-11-24", "payment", "OTHERRUMXXX", 5L),
        new Turn.BookingRow(13, "BANKRUMMXXX", b, "CRDT", 1L, "2026-11-24", "kind\twith\ntabs\\", "ISSUANCE", 5L));
    var back = BookingPack.decode(10, BookingPack.encode(10, rows));
    assertThat(back).containsExactly(
        new BookingPack.Booking(10, a.toString(), "DBIT", 12_345L, "payment", "OTHERRUMXXX"),
        new BookingPack.Booking(13, b.toString(), "CRDT", 1L, "kind\twith\ntabs\\", "ISSUANCE"));
  }

  @Test
  void outOfOrderOrTornRowsAreRefused() {
    UUID a = UUID.randomUUID();
    var same = new Turn.BookingRow(10, "X", a, "DBIT", 1L, "2026-11-24", "payment", "Y", 5L);
    assertThatThrownBy(() -> BookingPack.encode(10, List.of(same, same))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> BookingPack.decode(10, "0\t" + a + "\tDBIT\t1\tpayment")).isInstanceOf(IllegalStateException.class);
  }
}
