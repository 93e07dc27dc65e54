package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.A;
import static org.rialto.node.Participants.B;
import static org.rialto.node.Participants.RU_CB;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.calendar.CalendarConfig;
import org.rialto.node.config.NodeConfig;

/**
 * The writer closes each business day by itself once the calendar's cut-off passes (statements
 * and balance snapshot, once, durably), and a node that was down over cut-offs closes every
 * missed day in order when it comes back. Time is a controllable clock.
 */
class AutomaticDayCloseTest {
  // Moscow: Saturday and Sunday off, open 09:00 to 18:00 (UTC+3).
  static final CalendarConfig MOSCOW = new CalendarConfig("Europe/Moscow", List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
      LocalTime.of(9, 0), LocalTime.of(18, 0), false, List.of(), false);

  @TempDir Path dir;
  Node node;
  Http http;
  final TestClock clock = new TestClock(Instant.parse("2026-11-23T07:00:00Z")); // Monday 10:00 in Moscow

  NodeConfig config(CalendarConfig calendar) {
    return new NodeConfig("RU-CLOSE", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve("node.db").toString()),
        calendar,
        List.of(
            new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(A, "Bank A", "RU", "0", "1000.00"),
            new NodeConfig.ParticipantConfig(B, "Bank B", "RU", "0", "0")),
        List.of(), List.of(), null, null, new NodeConfig.ScreeningConfig(List.of(), null)).withSecurity(TestPki.security("RU-CLOSE"));
  }

  void start(CalendarConfig calendar) throws Exception {
    node = Node.start(config(calendar), clock);
    http = new Http(node.port(), "RU-CLOSE");
  }

  @AfterEach
  void stop() throws Exception {
    if (node != null) node.close();
  }

  String pay(String debtor, String creditor, String amount) throws Exception {
    var r = http.post(debtor, "/v1/payments", Http.payment(UUID.randomUUID().toString(), debtor, creditor, amount, "RUB"));
    return r.body().get("payments").get(0).get("state").asText();
  }

  /** The business dates of the camt.053 statements in the bank's inbox, in delivery order. */
  List<String> statementDates(String bic) throws Exception {
    var dates = new ArrayList<String>();
    for (var m : http.get(bic, "/v1/messages?after=0&xml=false").body().get("messages")) {
      if (m.get("kind").asText().equals("camt.053")) dates.add(m.get("detail").asText());
    }
    return dates;
  }

  List<String> closedDays() {
    return node.store().read(c -> {
      var out = new ArrayList<String>();
      try (var st = c.createStatement();
          var rs = st.executeQuery("SELECT business_date, COUNT(*) FROM balance_snapshot GROUP BY business_date ORDER BY business_date")) {
        while (rs.next()) {
          // One snapshot row per participant, each day exactly once.
          assertThat(rs.getLong(2)).as(rs.getString(1)).isEqualTo(3);
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  List<String> awaitStatements(String bic, int count) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    List<String> dates = statementDates(bic);
    while (dates.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      dates = statementDates(bic);
    }
    return dates;
  }

  @Test
  void closesAtTheCutOffOnceAndCatchesUpAfterARestart() throws Exception {
    start(MOSCOW);
    assertThat(pay(A, B, "300.00")).isEqualTo("SETTLED");
    assertThat(pay(B, A, "20.50")).isEqualTo("SETTLED");
    // Before the cut-off nothing is closed, however often the writer ticks.
    clock.set(Instant.parse("2026-11-23T14:59:00Z")); // 17:59 Moscow
    Thread.sleep(300);
    assertThat(statementDates(B)).isEmpty();
    assertThat(closedDays()).isEmpty();

    clock.set(Instant.parse("2026-11-23T15:00:00Z")); // 18:00 Moscow: the cut-off
    assertThat(awaitStatements(B, 1)).containsExactly("2026-11-23");
    assertThat(closedDays()).containsExactly("2026-11-23");
    String statement = null;
    for (var m : http.get(B, "/v1/messages?after=0").body().get("messages")) {
      if (m.get("kind").asText().equals("camt.053")) statement = m.get("xml").asText();
    }
    // B opened at 0, received 300.00, paid 20.50: closes at 279.50, as its account says.
    assertThat(statement).contains("<Cd>CLBD</Cd>").contains(">279.50<");
    // Once: more ticks the same evening change nothing, and an operator cannot close it again.
    clock.set(Instant.parse("2026-11-23T19:00:00Z"));
    Thread.sleep(300);
    assertThat(statementDates(B)).containsExactly("2026-11-23");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.engine().dayClose("olga", "2026-11-23").get())
        .hasMessageContaining("already closed");
    // After the cut-off the node is closed: a payment waits for the next opening.
    assertThat(pay(A, B, "1.00")).isEqualTo("QUEUED");

    // Down from Monday night to Thursday morning: Tuesday and Wednesday ended unseen (Thursday
    // has not), and the audit trail names the writer as who closed them.
    node.close();
    node = null;
    clock.set(Instant.parse("2026-11-26T07:00:00Z")); // Thursday 10:00 Moscow
    start(MOSCOW);
    assertThat(awaitStatements(B, 3)).containsExactly("2026-11-23", "2026-11-24", "2026-11-25");
    assertThat(closedDays()).containsExactly("2026-11-23", "2026-11-24", "2026-11-25");
    Thread.sleep(300);
    assertThat(statementDates(A)).containsExactly("2026-11-23", "2026-11-24", "2026-11-25");
    long byWriter = node.store().read(c -> {
      try (var st = c.createStatement();
          var rs = st.executeQuery("SELECT COUNT(*) FROM security_audit WHERE action = 'day.close' AND actor = 'system:day-close'")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    assertThat(byWriter).isEqualTo(3);
    // Friday's cut-off, then the weekend: Monday morning finds only Friday to close.
    clock.set(Instant.parse("2026-11-30T06:00:00Z")); // Monday 09:00 Moscow
    assertThat(awaitStatements(B, 5)).containsExactly("2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27");
    assertThat(node.engine().query(v -> v.verifyInvariants()).get()).isNotNull();
  }

  @Test
  void aTwentyFourSevenNodeClosesAtMidnight() throws Exception {
    clock.set(Instant.parse("2026-11-23T23:59:00Z"));
    start(null);
    assertThat(pay(A, B, "5.00")).isEqualTo("SETTLED");
    Thread.sleep(200);
    assertThat(statementDates(B)).isEmpty();
    clock.set(Instant.parse("2026-11-24T00:00:00Z"));
    assertThat(awaitStatements(B, 1)).containsExactly("2026-11-23");
  }
}
