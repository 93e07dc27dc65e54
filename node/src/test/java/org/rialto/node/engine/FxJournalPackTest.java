package org.rialto.node.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.fx.Currency;
import org.rialto.fx.FxProvider;
import org.rialto.fx.QuoteUse;

/**
 * The FX journal packed per turn (V113): entries round-trip with their seqs, clocks and any body;
 * the per-payment bodies written by hand are what Jackson writes; and a desk whose journal is
 * partly in the old single rows and partly packed replays to the same book.
 */
class FxJournalPackTest {
  @TempDir Path dir;

  @Test
  void entriesRoundTripAndRowsSplitWhereSeqsOrClocksBreak() {
    var events = List.of(new QuoteDesk.FxEvent(5, 100, "reserve", "{\"a\":\"tab\\there\"}"),
        new QuoteDesk.FxEvent(6, 100, "confirm", "Q\\1\t2\n3"), new QuoteDesk.FxEvent(7, 100, "evict", ""),
        new QuoteDesk.FxEvent(9, 100, "release", "Q2"), new QuoteDesk.FxEvent(10, 101, "confirm", "Q3"));
    var rows = FxJournalPack.pack(events);
    assertEquals(3, rows.size(), "a gap in the seqs and a new clock each start a row");
    assertEquals(5, rows.get(0).firstSeq());
    assertEquals(7, rows.get(0).lastSeq());
    var back = new java.util.ArrayList<QuoteDesk.FxEvent>();
    for (var r : rows) back.addAll(FxJournalPack.unpack(r.firstSeq(), r.lastSeq(), r.atMillis(), r.events()));
    assertEquals(events, back);
    assertThrows(IllegalStateException.class, () -> FxJournalPack.unpack(5, 8, 100, rows.get(0).events()),
        "a row that does not hold exactly its seqs is corrupt");
    assertThrows(IllegalStateException.class, () -> FxJournalPack.pack(List.of(events.get(1), events.get(0))));
  }

  @Test
  void perPaymentBodiesAreWhatJacksonWrites() throws Exception {
    var jackson = new ObjectMapper();
    var q = new QuoteDesk.QuotesInput("BANK\"A\\", "RUB", "IRR", 123_456, 0);
    assertEquals(q, jackson.readValue(QuoteDesk.json(q), QuoteDesk.QuotesInput.class));
    var u = new QuoteUse("Q-1\n", "BANKAAAA", "RUB", 1, "IRR", Long.MAX_VALUE);
    assertEquals(u, jackson.readValue(QuoteDesk.json(u), QuoteUse.class));
    assertEquals(jackson.readTree(jackson.writeValueAsString(u)), jackson.readTree(QuoteDesk.json(u)));
  }

  @Test
  void perPaymentEntriesAreCompactAndReadBackWhole() {
    var q = new QuoteDesk.QuotesInput("BANKAAAA", "RUB", "IRR", 123_456, 0);
    var qe = QuoteDesk.entry(q);
    assertEquals(List.of("q", "BANKAAAA RUB IRR 123456 0"), List.of(qe));
    assertEquals(q, QuoteDesk.decodeQuotes(qe[1]));
    var u = new QuoteUse("3f1c2b9e-0d5a-4c77-9a43-1b2c3d4e5f60", "BANKAAAA", "RUB", 1, "IRR", Long.MAX_VALUE);
    var ue = QuoteDesk.entry(u);
    assertEquals("r", ue[0]);
    assertEquals(u, QuoteDesk.decodeUse(ue[1]));
    // A field the compact form cannot hold goes as JSON under the old kind, which still replays.
    var odd = new QuoteUse("Q 1\n", "BANKAAAA", "RUB", 1, "IRR", 2);
    assertEquals("reserve", QuoteDesk.entry(odd)[0]);
    assertEquals("quotes", QuoteDesk.entry(new QuoteDesk.QuotesInput("BANK A", "RUB", "IRR", 1, 0))[0]);
    assertEquals("quotes", QuoteDesk.entry(new QuoteDesk.QuotesInput("BANKAAAA", "", "IRR", 1, 0))[0]);
    assertThrows(IllegalStateException.class, () -> QuoteDesk.decodeUse("a b c 1 d"));
    assertThrows(NumberFormatException.class, () -> QuoteDesk.decodeQuotes("a b c x 0"));
  }

  @Test
  void aJournalPartlyInSingleRowsAndPartlyPackedReplaysToTheSameBook() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("node.db");
    SqliteMigrations.migrate(url, null);
    var currencies = List.of(new Currency("RUB", 2), new Currency("IRR", 0));
    var providers = List.of(new FxProvider("FXPARUMM", List.of("RUB", "IRR")));
    long now = 1_800_000_000_000L;
    String used;
    String open;
    try (var c = DriverManager.getConnection(url)) {
      var desk = QuoteDesk.load(c, currencies, providers, Duration.ofSeconds(600), now);
      desk.publish(new QuoteDesk.RateInput("FXPARUMM", "RUB", "IRR", 1, 1_000_000_000_00L, "450.5", 0, 10), now);
      used = desk.quotes(new QuoteDesk.QuotesInput("BANKAAAA", "RUB", "IRR", 10_000, 0), now).quotes().get(0).quoteId();
      // The journal so far as single rows, as written before V113.
      try (var ps = c.prepareStatement("INSERT INTO fx_event (seq, at_millis, kind, body) VALUES (?,?,?,?)")) {
        for (var e : desk.unsavedEvents()) {
          // Written before V114 as JSON under the long kinds.
          String kind = e.kind().equals("q") ? "quotes" : e.kind();
          String body = kind.equals("quotes") ? QuoteDesk.json(QuoteDesk.decodeQuotes(e.body())) : e.body();
          ps.setLong(1, e.seq());
          ps.setLong(2, e.atMillis());
          ps.setString(3, kind);
          ps.setString(4, body);
          ps.executeUpdate();
        }
      }
      desk = QuoteDesk.load(c, currencies, providers, Duration.ofSeconds(600), now + 1);
      assertInstanceOf(QuoteCheck.Valid.class, desk.check(used, "BANKAAAA", 10_000, "IRR", now + 1));
      desk.settled(used, now + 1);
      open = desk.quotes(new QuoteDesk.QuotesInput("BANKBBBB", "RUB", "IRR", 20_000, 0), now + 2).quotes().get(0).quoteId();
      var packed = desk.unsavedEvents();
      assertEquals(List.of("r", "c", "q"), packed.stream().map(QuoteDesk.FxEvent::kind).toList());
      writePacked(c, packed);
      var positions = desk.positions();
      var again = QuoteDesk.load(c, currencies, providers, Duration.ofSeconds(600), now + 3);
      assertEquals(positions, again.positions());
      var dupl = assertInstanceOf(QuoteCheck.Invalid.class, again.check(used, "BANKAAAA", 10_000, "IRR", now + 3));
      assertEquals("DUPL", dupl.reasonCode());
      assertInstanceOf(QuoteCheck.Valid.class, again.check(open, "BANKBBBB", 20_000, "IRR", now + 3));
    }
  }

  private static void writePacked(Connection c, List<QuoteDesk.FxEvent> events) throws Exception {
    try (var ps = c.prepareStatement("INSERT INTO fx_journal (last_seq, first_seq, at_millis, events) VALUES (?,?,?,?)")) {
      for (var r : FxJournalPack.pack(events)) {
        ps.setLong(1, r.lastSeq());
        ps.setLong(2, r.firstSeq());
        ps.setLong(3, r.atMillis());
        ps.setString(4, r.events());
        ps.executeUpdate();
      }
    }
  }
}
