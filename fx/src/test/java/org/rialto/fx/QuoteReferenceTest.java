package org.rialto.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuoteReferenceTest {

  private static final String ID = "3f2b8c1e-9a4d-4e6f-8b1a-2c3d4e5f6a7b";

  @Test
  void formatAndParseRoundTrip() {
    String reference = QuoteReference.format(ID);
    assertThat(reference).isEqualTo("/QUOTE/" + ID).hasSize(43);
    assertThat(QuoteReference.parse(reference)).isEqualTo(ID);
    assertThat(QuoteReference.isQuoteReference(reference)).isTrue();
    assertThat(QuoteReference.isQuoteReference("/ACC/instructions")).isFalse();
    assertThat(QuoteReference.isQuoteReference(null)).isFalse();
  }

  @Test
  void parseIsStrict() {
    assertThatThrownBy(() -> QuoteReference.parse(null)).hasMessageContaining("missing");
    assertThatThrownBy(() -> QuoteReference.parse("/quote/" + ID))
        .hasMessageContaining("must start with /QUOTE/");
    assertThatThrownBy(() -> QuoteReference.parse(" /QUOTE/" + ID))
        .hasMessageContaining("must start with /QUOTE/");
    assertThatThrownBy(() -> QuoteReference.parse("/QUOTE/" + ID + " "))
        .hasMessageContaining("must be 43 characters");
    assertThatThrownBy(() -> QuoteReference.parse("/QUOTE/" + ID + "/extra"))
        .hasMessageContaining("must be 43 characters");
    assertThatThrownBy(() -> QuoteReference.parse("/QUOTE/" + ID.toUpperCase()))
        .hasMessageContaining("not a canonical lower-case UUID");
    assertThatThrownBy(() -> QuoteReference.parse("/QUOTE/" + ID.replace('-', 'a')))
        .hasMessageContaining("not a canonical lower-case UUID");
    assertThatThrownBy(() -> QuoteReference.parse("/QUOTE/3f2b8c1e9a4d-4e6f-8b1a-2c3d4e5f6a7b-"))
        .hasMessageContaining("not a canonical lower-case UUID");
    assertThatThrownBy(() -> QuoteReference.parse("/QUOTE/3f2b8c1e-9a4d-4e6f-8b1a-2c3d4e5f6a7g"))
        .hasMessageContaining("not a canonical lower-case UUID");
    assertThatThrownBy(() -> QuoteReference.format("not-an-id"))
        .hasMessageContaining("not a canonical lower-case UUID");
  }

  @Test
  void hostileTextIsEchoedBoundedAndWithoutControlCharacters() {
    String hostile = "/X" + "\n".repeat(10) + "A".repeat(10_000);
    assertThatThrownBy(() -> QuoteReference.parse(hostile))
        .satisfies(e -> {
          assertThat(e.getMessage()).doesNotContain("\n");
          assertThat(e.getMessage().length()).isLessThan(200);
        });
  }

  @Test
  void generatedIdsAreValidUniqueAndSeededOnesRepeat() {
    QuoteIdGenerator a = QuoteIdGenerator.seeded(7);
    QuoteIdGenerator b = QuoteIdGenerator.seeded(7);
    QuoteIdGenerator secure = QuoteIdGenerator.secure();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = a.nextId();
      assertThat(id).isEqualTo(b.nextId());
      assertThat(QuoteReference.isValidId(id)).isTrue();
      assertThat(id.charAt(14)).isEqualTo('4'); // version 4
      assertThat(seen.add(id)).isTrue();
      assertThat(QuoteReference.isValidId(secure.nextId())).isTrue();
    }
    assertThat(QuoteIdGenerator.seeded(8).nextId()).isNotEqualTo(QuoteIdGenerator.seeded(7).nextId());
  }
}
