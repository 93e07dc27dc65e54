package org.rialto.node.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboxPackTest {
  private static Turn.BankMessageRow row(long id, String kind, UUID uetr, String detail) {
    return new Turn.BankMessageRow(id, "BANKRUMMXXX", kind, uetr, detail, 1L);
  }

  @Test
  void everyFieldRoundTripsIncludingHostileDetails() {
    UUID a = UUID.randomUUID();
    var rows = List.of(
        row(41, "pacs.002", a, null),
        row(42, "camt.054", a, ""),
        row(45, "camt.054", a, "tab\there\nnew line \\t not an escape \\"),
        row(46, "camt.053", null, "2026-11-24"),
        row(900, "pacs.004", a, "\t\n\\\\"));
    String packed = InboxPack.encode(41, rows);
    var back = InboxPack.decode(41, packed);
    assertThat(back).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      var r = rows.get(i);
      assertThat(back.get(i)).isEqualTo(new InboxPack.Message(r.id(), r.kind(), r.uetr() == null ? null : r.uetr().toString(),
          r.detail()));
    }
  }

  @Test
  void idsOutOfOrderAndCorruptRowsAreRefused() {
    UUID a = UUID.randomUUID();
    assertThatThrownBy(() -> InboxPack.encode(5, List.of(row(6, "pacs.002", a, null), row(6, "camt.054", a, null))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> InboxPack.decode(1, "0\tpacs.002")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> InboxPack.decode(1, "0\tpacs.002\tx\tbad \\q")).isInstanceOf(IllegalStateException.class);
  }
}
