package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The greedy matcher never accepts what java.util.regex (as XML Schema, on these patterns) refuses. */
class SimplePatternTest {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-+()., \u00e9";

  @Test
  void acceptsOnlyWhatThePatternMatches() throws Exception {
    List<String> patterns = shippedPatterns();
    assertThat(patterns).hasSizeGreaterThan(8);
    Random rnd = new Random(2026_11_24L);
    for (String p : patterns) {
      SimplePattern simple = SimplePattern.compile(p);
      assertThat(simple).as(p).isNotNull();
      Pattern regex = Pattern.compile(p);
      int accepted = 0;
      List<String> examples = new ArrayList<>();
      String example = EXAMPLES.get(p);
      if (example != null) {
        assertThat(simple.matches(example.toCharArray(), example.length())).as(p + " on " + example).isTrue();
        examples.add(example);
      }
      for (int i = 0; i < 20_000; i++) {
        String s = i % 2 == 0 || examples.isEmpty() ? random(rnd, p) : near(rnd, examples.get(rnd.nextInt(examples.size())));
        boolean mine = simple.matches(s.toCharArray(), s.length());
        if (mine) {
          accepted++;
          if (examples.size() < 50) examples.add(s);
          assertThat(regex.matcher(s).matches()).as(p + " on '" + s + "'").isTrue();
        }
      }
      if (example != null) assertThat(accepted).as(p).isGreaterThan(100);
    }
  }

  @Test
  void acceptsTheIdentifiersTheNodesWrite() {
    String[][] cases = {{"[A-Z0-9]{4,4}[A-Z]{2,2}[A-Z0-9]{2,2}([A-Z0-9]{3,3}){0,1}", "SABRRUMMXXX", "SABRRUMM"},
        {"[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}", "IR062960000000100324200001"},
        {"[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}", "3f1c2b9e-0d5a-4c77-9a43-1b2c3d4e5f60"},
        {"[A-Z0-9]{18,18}[0-9]{2,2}", "5493001KJTIIGC8Y1R12"}, {"[A-Z]{3,3}", "RUB"}, {"\\+[0-9]{1,3}-[0-9()+\\-]{1,30}", "+7-(495)123-45-67"}};
    for (String[] c : cases) {
      SimplePattern simple = SimplePattern.compile(c[0]);
      for (int i = 1; i < c.length; i++) assertThat(simple.matches(c[i].toCharArray(), c[i].length())).as(c[i]).isTrue();
    }
    // And refuses near misses.
    SimplePattern bic = SimplePattern.compile(cases[0][0]);
    for (String s : List.of("SABRRUMMXX", "SABRRUMMXXXX", "sabrrummxxx", "SABR1UMMXXX", "")) assertThat(bic.matches(s.toCharArray(), s.length())).as(s).isFalse();
  }

  @Test
  void leavesOtherSyntaxToTheRegexEngine() {
    for (String p : List.of("[A-Z]+", "\\d{3}", "[a-z-[aeiou]]", ".{1,3}", "(a(b){0,1}){0,1}", "[^A]", "a|b", "a{2,1}", "([A-Z]{2}){1,2}")) {
      assertThat(SimplePattern.compile(p)).as(p).isNull();
    }
  }

  private static final java.util.Map<String, String> EXAMPLES = java.util.Map.of(
      "[0-9]{1,15}", "123456", "[0-9]{2}", "12", "[A-Z0-9]{18,18}[0-9]{2,2}", "5493001KJTIIGC8Y1R12",
      "[A-Z0-9]{4,4}[A-Z]{2,2}[A-Z0-9]{2,2}([A-Z0-9]{3,3}){0,1}", "SABRRUMMXXX", "[A-Z]{2,2}", "RU",
      "[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}", "IR062960000000100324200001", "[A-Z]{3,3}", "RUB",
      "[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}", "3f1c2b9e-0d5a-4c77-9a43-1b2c3d4e5f60",
      "[a-zA-Z0-9]{4}", "G001", "\\+[0-9]{1,3}-[0-9()+\\-]{1,30}", "+7-(495)123-45-67");

  private static String random(Random rnd, String pattern) {
    int n = rnd.nextInt(40);
    StringBuilder sb = new StringBuilder();
    // Mostly characters the pattern names, so that many strings come close.
    String own = pattern.replaceAll("[\\[\\]{}\\\\]", "") + "aZ09-";
    for (int i = 0; i < n; i++) {
      String from = rnd.nextInt(4) == 0 ? ALPHABET : own;
      sb.append(from.charAt(rnd.nextInt(from.length())));
    }
    return sb.toString();
  }

  private static String near(Random rnd, String s) {
    StringBuilder sb = new StringBuilder(s);
    switch (rnd.nextInt(3)) {
      case 0 -> { if (sb.length() > 0) sb.deleteCharAt(rnd.nextInt(sb.length())); }
      case 1 -> sb.insert(rnd.nextInt(sb.length() + 1), ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
      default -> { if (sb.length() > 0) sb.setCharAt(rnd.nextInt(sb.length()), ALPHABET.charAt(rnd.nextInt(ALPHABET.length()))); }
    }
    return sb.toString();
  }

  private static List<String> shippedPatterns() throws Exception {
    TreeSet<String> out = new TreeSet<>();
    Pattern value = Pattern.compile("<xs:pattern value=\"([^\"]*)\"");
    List<String> ids = new ArrayList<>();
    ids.add(MessageType.HEADER_ID);
    for (MessageType t : MessageType.values()) ids.add(t.id());
    for (String id : ids) {
      try (InputStream in = Schemas.resource(id).openStream()) {
        Matcher m = value.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        while (m.find()) out.add(m.group(1));
      }
    }
    return new ArrayList<>(out);
  }
}
