package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * For every message type, from small, maximal and random seeded instances: the written XML
 * validates against the official XSD (checked independently) and reads back equal.
 */
class RoundTripTest {
  private static final int RANDOM_INSTANCES = 15;

  @ParameterizedTest
  @EnumSource(MessageType.class)
  void smallMaximalAndRandomInstancesRoundTripAndValidate(MessageType type) throws Exception {
    for (Generators.Mode mode : Generators.Mode.values()) {
      int count = mode == Generators.Mode.RANDOM ? RANDOM_INSTANCES : 3;
      for (int i = 0; i < count; i++) {
        long seed = type.ordinal() * 1_000_003L + mode.ordinal() * 10_007L + i;
        Envelope original = new Generators(seed, mode).envelope(type);
        byte[] xml = Iso20022.write(original);
        String context = type + " " + mode + " seed " + seed + ":\n" + new String(xml, StandardCharsets.UTF_8);

        assertThat(XsdCheck.errors(xml)).as(context).isEmpty();

        ReadResult read = Iso20022.read(xml, ReadOptions.EDGE.withBusinessRules(false));
        assertThat(read).as(context).isInstanceOf(ReadResult.Parsed.class);
        assertThat(read.findings()).as(context).isEmpty();
        assertThat(((ReadResult.Parsed) read).envelope()).as(context).isEqualTo(original);

        // The internal path (no XSD) reads the same message.
        ReadResult fast = Iso20022.read(xml, ReadOptions.PARSE_ONLY);
        assertThat(((ReadResult.Parsed) fast).envelope()).as(context).isEqualTo(original);
      }
    }
  }
}
