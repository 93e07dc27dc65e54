package org.rialto.node.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class JsonLoggerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aLineIsOneJsonObjectWhateverTheMessageAndTheErrorHold() throws Exception {
    var error = new IllegalStateException("bad \"state\"\nsecond line", new java.io.IOException("disk\u0000gone"));
    String line = JsonLogger.line(Instant.EPOCH, Level.ERROR, "rialto.node", "writer\t1",
        Map.of("node", "RU-NODE", "uetr", "0f0e…", "peer", "IR\"NODE"), "line one\nline two \u2028 \\ end", error, true);
    assertThat(line).endsWith("}\n");
    assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n").doesNotContain("\u2028");
    var j = JSON.readTree(line);
    assertThat(j.get("node").asText()).isEqualTo("RU-NODE");
    assertThat(j.get("uetr").asText()).isEqualTo("0f0e…");
    assertThat(j.get("peer").asText()).isEqualTo("IR\"NODE");
    assertThat(j.get("thread").asText()).isEqualTo("writer\t1");
    assertThat(j.get("msg").asText()).isEqualTo("line one\nline two \u2028 \\ end");
    assertThat(j.get("error").asText()).startsWith("java.lang.IllegalStateException: bad \"state\"\nsecond line | at ")
        .contains("caused by java.io.IOException: disk\u0000gone");
  }

  @Test
  void ourOwnJsonMessagesStayObjectsAndOthersAreQuoted() throws Exception {
    var own = JSON.readTree(JsonLogger.line(Instant.EPOCH, Level.INFO, "rialto.payment", "t", Map.of(), "{\"step\":\"held\"}", null, true));
    assertThat(own.get("event").get("step").asText()).isEqualTo("held");
    var library = JSON.readTree(JsonLogger.line(Instant.EPOCH, Level.INFO, "org.eclipse.jetty", "t", null, "{not json", null, false));
    assertThat(library.get("msg").asText()).isEqualTo("{not json");
    var huge = JSON.readTree(JsonLogger.line(Instant.EPOCH, Level.INFO, "x", "t", null, "y".repeat(100_000), null, false));
    assertThat(huge.get("msg").asText()).hasSize(JsonLogger.MAX_MESSAGE_CHARS + 1);
  }

  @Test
  void levelsFollowTheNearestDottedPrefixThenTheDefault() {
    var p = new Properties();
    p.setProperty(JsonLogProvider.LOGGER_PREFIX + "rialto", "warn");
    p.setProperty(JsonLogProvider.LOGGER_PREFIX + "rialto.payment", "debug");
    p.setProperty(JsonLogProvider.DEFAULT_KEY, "error");
    assertThat(JsonLogProvider.level("rialto.payment", p)).isEqualTo(Level.DEBUG);
    assertThat(JsonLogProvider.level("rialto.payment.x", p)).isEqualTo(Level.DEBUG);
    assertThat(JsonLogProvider.level("rialto.peer", p)).isEqualTo(Level.WARN);
    assertThat(JsonLogProvider.level("org.flywaydb", p)).isEqualTo(Level.ERROR);
    assertThat(JsonLogProvider.level("org.flywaydb", new Properties())).isEqualTo(Level.INFO);
    p.setProperty(JsonLogProvider.LOGGER_PREFIX + "com.zaxxer", "off");
    assertThat(new JsonLogger("com.zaxxer.hikari", JsonLogProvider.level("com.zaxxer.hikari", p)).isErrorEnabled()).isFalse();
    assertThat(new JsonLogger("rialto.peer", Level.WARN).isInfoEnabled()).isFalse();
    assertThat(new JsonLogger("rialto.peer", Level.WARN).isWarnEnabled()).isTrue();
  }
}
