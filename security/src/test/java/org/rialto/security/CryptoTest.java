package org.rialto.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CryptoTest {
  private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void sha256IsTheStandardDigest() {
    // FIPS 180-2's example: a cloned digest must be the algorithm itself, not a copy carrying state.
    assertThat(HexFormat.of().formatHex(Crypto.sha256("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(ABC_SHA256);
    assertThat(HexFormat.of().formatHex(Crypto.sha256(new byte[0])))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void digestsHandedOutAreIndependent() {
    var first = Crypto.newSha256();
    var second = Crypto.newSha256();
    assertThat(first).isNotSameAs(second);
    first.update("a".getBytes(StandardCharsets.US_ASCII));
    second.update("x".getBytes(StandardCharsets.US_ASCII));
    first.update("bc".getBytes(StandardCharsets.US_ASCII));
    assertThat(HexFormat.of().formatHex(first.digest())).isEqualTo(ABC_SHA256);
    // A third taken after the others were used starts empty too.
    assertThat(HexFormat.of().formatHex(Crypto.newSha256().digest("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(ABC_SHA256);
  }
}
