package org.rialto.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InboxJsonTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  /**
   * What the inbox route answered before: Javalin's {@code ctx.json}, which is Jackson's String of
   * the page (the node's mapper is a default ObjectMapper) sent as UTF-8.
   */
  private static byte[] jackson(List<Inbox.InboxMessage> page, long next) throws Exception {
    var body = new LinkedHashMap<String, Object>();
    body.put("messages", page);
    body.put("next", next);
    return JACKSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
  }

  private static void assertSameAsJackson(List<Inbox.InboxMessage> page, long next) throws Exception {
    byte[] ours = InboxJson.page(page, next);
    assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(new String(jackson(page, next), StandardCharsets.UTF_8));
    assertThat(JACKSON.readTree(ours)).isEqualTo(JACKSON.readTree(jackson(page, next)));
  }

  @Test
  void anEmptyPageAndATypicalOneAreJacksonsBytes() throws Exception {
    assertSameAsJackson(List.of(), 0);
    assertSameAsJackson(List.of(
        new Inbox.InboxMessage(41, "pacs.002", "eb6305c9-1f7f-49de-aed0-16487c27b42d", "ACSC", 1_764_000_000_123L, null),
        new Inbox.InboxMessage(42, "camt.053", null, "2026-11-24", 0, "<Document>x</Document>"),
        new Inbox.InboxMessage(Long.MAX_VALUE, "pacs.008", "eb6305c9-1f7f-49de-aed0-16487c27b42d", null, -1, "")), Long.MAX_VALUE);
  }

  @Test
  void stringsWithEveryEscapeAreJacksonsBytes() throws Exception {
    String hostile = "q\"b\\s/n\nr\rt\tb\bf\f" + (char) 0 + (char) 1 + (char) 0x1f + (char) 0x7f + "é€" + "\u2028\u2029" + "😀" + "</xml>";
    assertSameAsJackson(List.of(new Inbox.InboxMessage(1, hostile, hostile, hostile, 2, hostile)), 1);
  }

  @Test
  void randomStringsAreJacksonsBytes() throws Exception {
    var random = new Random(20261124);
    for (int round = 0; round < 300; round++) {
      var page = new ArrayList<Inbox.InboxMessage>();
      int n = random.nextInt(20);
      for (int i = 0; i < n; i++) {
        page.add(new Inbox.InboxMessage(random.nextLong(), text(random), text(random), text(random), random.nextLong(), text(random)));
      }
      assertSameAsJackson(page, random.nextLong() & Long.MAX_VALUE);
    }
  }

  /** Null sometimes; otherwise characters from the control range, ASCII and beyond (whole surrogate pairs only). */
  private static String text(Random random) {
    if (random.nextInt(5) == 0) return null;
    var b = new StringBuilder();
    int n = random.nextInt(40);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(4)) {
        case 0 -> b.append((char) random.nextInt(0x20));
        case 1 -> b.append((char) (0x20 + random.nextInt(0x60)));
        case 2 -> b.append((char) (0x80 + random.nextInt(0xd000)));
        default -> b.appendCodePoint(0x10000 + random.nextInt(0x1000));
      }
    }
    return b.toString();
  }

  @Test
  void aPageLargerThanTheInboxsLimitIsRefused() {
    var page = new ArrayList<Inbox.InboxMessage>();
    for (int i = 0; i <= Inbox.MAX_PAGE; i++) page.add(new Inbox.InboxMessage(i, "pacs.002", null, null, 0, null));
    assertThatThrownBy(() -> InboxJson.page(page, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
