package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IdentifiersTest {
  @Test
  void ibansPassTheMod97CheckAndFailWhenADigitChanges() {
    for (String iban : new String[] {"GB82WEST12345698765432", "DE89370400440532013000", "IR062960000000100324200001",
        "IR820540102680020817909002", "FR1420041010050500013M02606", "fr1420041010050500013m02606".toUpperCase()}) {
      assertThat(Identifiers.isIban(iban)).as(iban).isTrue();
    }
    assertThat(Identifiers.isIban("GB82WEST12345698765431")).isFalse();
    assertThat(Identifiers.isIban("GB28WEST12345698765432")).isFalse();
    assertThat(Identifiers.isIban("XX82WEST12345698765432")).as("unknown country").isFalse();
    assertThat(Identifiers.isIban("GB82WEST1234569876543-")).isFalse();
    assertThat(Identifiers.isIban("GB82")).isFalse();
    assertThat(Identifiers.isIban(null)).isFalse();
  }

  @Test
  void leisPassTheIso17442CheckDigits() {
    for (String lei : new String[] {"5493001KJTIIGC8Y1R12", "529900T8BM49AURSDO55", "HWUPKR0MPOU8FGXBT394", "7LTWFZYICNSX8D621K86"}) {
      assertThat(Identifiers.isLei(lei)).as(lei).isTrue();
    }
    assertThat(Identifiers.isLei("549300BFXFJ6KBNTKY86")).isFalse();
    assertThat(Identifiers.isLei("5493001KJTIIGC8Y1R13")).isFalse();
    assertThat(Identifiers.isLei("5493001KJTIIGC8Y1R1")).isFalse();
    assertThat(Identifiers.isLei("5493001kjtiigc8y1r12")).isFalse();
    assertThat(Identifiers.isLei("5493001KJTIIGC8Y1RAB")).isFalse();
  }

  @Test
  void bicsHaveTheIso9362FormAndARealCountry() {
    for (String bic : new String[] {"DEUTDEFF", "DEUTDEFF500", "SABRRUMM", "BMJIIRTHXXX", "1234DEFFXXX", "CBIRIRTH"}) {
      assertThat(Identifiers.isBic(bic)).as(bic).isTrue();
    }
    for (String bic : new String[] {"DEUTXXFF", "deutdeff", "DEUTDEFF50", "DEUTD3FF", "DEUTDEF", "DEUTDEFF5000", "", "DEUT DEFF"}) {
      assertThat(Identifiers.isBic(bic)).as(bic).isFalse();
    }
  }

  @Test
  void uetrsAreLowerCaseVersion4Uuids() {
    assertThat(Identifiers.isUuidV4("eb6305c9-1f7f-49de-aed0-16487c27b42d")).isTrue();
    assertThat(Identifiers.isUuidV4(java.util.UUID.randomUUID().toString())).isTrue();
    assertThat(Identifiers.isUuidV4("EB6305C9-1F7F-49DE-AED0-16487C27B42D")).isFalse();
    assertThat(Identifiers.isUuidV4("eb6305c9-1f7f-19de-aed0-16487c27b42d")).as("version 1").isFalse();
    assertThat(Identifiers.isUuidV4("eb6305c9-1f7f-49de-0ed0-16487c27b42d")).as("variant").isFalse();
    assertThat(Identifiers.isUuidV4("eb6305c91f7f49deaed016487c27b42d")).isFalse();
  }

  @Test
  void iso4217KnowsNationalCurrenciesAndRefusesUnitsMetalsAndFunds() {
    assertThat(Iso4217.isNational("RUB")).isTrue();
    assertThat(Iso4217.isNational("IRR")).isTrue();
    assertThat(Iso4217.minorUnits("IRR")).isEqualTo(2);
    assertThat(Iso4217.minorUnits("JPY")).isZero();
    assertThat(Iso4217.minorUnits("KWD")).isEqualTo(3);
    assertThat(Iso4217.isNational("XOF")).as("CFA franc is legal tender").isTrue();
    for (String code : new String[] {"XAU", "XAG", "XPT", "XPD", "XDR", "XTS", "XXX", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA",
        "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW"}) {
      assertThat(Iso4217.lookup(code)).as(code).isNotNull();
      assertThat(Iso4217.isNational(code)).as(code).isFalse();
    }
    assertThat(Iso4217.lookup("HRK")).as("withdrawn").isNull();
    assertThat(Iso4217.lookup("ABC")).isNull();
    assertThat(Iso4217.all()).hasSizeGreaterThan(170);
    assertThatThrownBy(() -> Iso4217.minorUnits("XAU")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void amountsConvertExactlyToMinorUnits() {
    assertThat(Amount.of("RUB", "1500.25").minorUnits()).isEqualTo(150_025L);
    assertThat(Amount.of("JPY", "1500").minorUnits()).isEqualTo(1_500L);
    assertThat(Amount.of("KWD", "1.005").minorUnits()).isEqualTo(1_005L);
    assertThat(Amount.ofMinor("IRR", 123)).isEqualTo(new Amount("IRR", new BigDecimal("1.23")));
    assertThatThrownBy(() -> Amount.of("EUR", "1.005").minorUnits()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Amount.of("XAU", "1").minorUnits()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Amount.of("IRR", "999999999999999999").minorUnits()).isInstanceOf(IllegalStateException.class);
    assertThat(Amount.of("IRR", "999999999999999999").hasExactMinorUnits()).isFalse();
    assertThatThrownBy(() -> Amount.of("EUR", "-1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Amount.of("EUR", "1.123456")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Amount.of("eur", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Amount.of("EUR", "1E5")).isInstanceOf(IllegalArgumentException.class);
  }
}
