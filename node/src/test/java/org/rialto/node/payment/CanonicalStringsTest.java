package org.rialto.node.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rialto.node.rtgs.Priority;

class CanonicalStringsTest {
  @Test
  void twoPaymentsParsedApartShareTheirVocabularyButNotTheirOwnTexts() {
    Payment a = payment(new String("VOLGRUMMXXX"), new String("2026-11-24"), new String("E2E-1"));
    Payment b = payment(new String("VOLGRUMMXXX"), new String("2026-11-24"), new String("E2E-1"));
    assertThat(a.debtorBic()).isSameAs(b.debtorBic());
    assertThat(a.valueDate()).isSameAs(b.valueDate());
    // A payment's own texts are not vocabulary: they stay the instances that came.
    assertThat(a.endToEndId()).isNotSameAs(b.endToEndId());
    assertThat(a).isEqualTo(b);
  }

  @Test
  void longTextsAreKeptAsTheyCame() {
    String long65 = "X".repeat(CanonicalStrings.MAX_LENGTH_CHARS + 1);
    assertThat(CanonicalStrings.of(long65)).isSameAs(long65);
    assertThat(CanonicalStrings.of(null)).isNull();
  }

  private static Payment payment(String debtorBic, String valueDate, String endToEndId) {
    UUID uetr = UUID.fromString("8a562c67-ca16-48ba-b074-65581be6f011");
    return new Payment(uetr, debtorBic, "MSG-1", endToEndId, debtorBic, new String("TEHRIRTHXXX"), 100, "RUB",
        Priority.NORMAL, PaymentState.RECEIVED, null, "received", 0, 0, valueDate, "h", 1, 1, "A", "B", null);
  }
}
