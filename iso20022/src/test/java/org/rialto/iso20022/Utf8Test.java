package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
    return b;
  }

  @Test
  void acceptsUtf8AndPointsAtTheFirstBadByte() {
    String text = "ASCII runs longer than eight bytes, Иван Петров, محمد رضایی, € and \uD83D\uDE00 too";
    assertThat(Utf8.firstInvalid(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    assertThat(Utf8.firstInvalid(new byte[0])).isEqualTo(-1);
    assertThat(Utf8.firstInvalid(bytes('a', 0xC0, 0x80))).as("overlong NUL").isEqualTo(1);
    assertThat(Utf8.firstInvalid(bytes(0xE0, 0x80, 0x80))).as("overlong 3-byte").isZero();
    assertThat(Utf8.firstInvalid(bytes(0xED, 0xA0, 0x80))).as("encoded surrogate").isZero();
    assertThat(Utf8.firstInvalid(bytes(0xF4, 0x90, 0x80, 0x80))).as("above U+10FFFF").isZero();
    assertThat(Utf8.firstInvalid(bytes(0xF5, 0x80, 0x80, 0x80))).isZero();
    assertThat(Utf8.firstInvalid(bytes('a', 'b', 0xE2, 0x82))).as("truncated").isEqualTo(2);
    assertThat(Utf8.firstInvalid(bytes(0x80))).as("lone continuation").isZero();
    assertThat(Utf8.firstInvalid(bytes('1', '2', '3', '4', '5', '6', '7', '8', '9', 0xFF))).isEqualTo(9);
    assertThat(Utf8.firstInvalid(bytes(0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80))).isEqualTo(-1);
  }

  @Test
  void findsADoctypeInTheProlog() {
    assertThat(Utf8.hasDoctype("<?xml version=\"1.0\"?>\n<!-- c --><!DOCTYPE x><x/>".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(Utf8.hasDoctype("\uFEFF<!DOCTYPE x><x/>".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(Utf8.hasDoctype("<?xml version=\"1.0\"?><x><![CDATA[<!DOCTYPE]]></x>".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(Utf8.hasDoctype("<x/>".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(Utf8.hasDoctype("<?pi ".getBytes(StandardCharsets.UTF_8))).isFalse();
  }
}
