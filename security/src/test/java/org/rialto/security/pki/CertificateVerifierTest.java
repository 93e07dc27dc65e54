package org.rialto.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateVerifierTest {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final char[] PASSWORD = "correct horse battery".toCharArray();
  @TempDir static Path tmp;
  static CaDirectory dir;
  static NodeCa peerCa;

  @BeforeAll
  static void setUp() {
    dir = CaDirectory.init(tmp.resolve("ru"), "ru", List.of("localhost"), NOW.minus(Duration.ofDays(400)));
    peerCa = NodeCa.create("ir", KeyAlgorithm.EC_P256, NOW.minus(Duration.ofDays(10)), 365);
  }

  CertificateVerifier verifier() {
    return dir.verifier(List.of(new TrustAnchor("ir", peerCa.certificate(), false)));
  }

  static int files;

  X509Certificate participant(String bic, Instant issuedAt, int days) {
    Path out = tmp.resolve(bic + "-" + (++files) + ".p12");
    dir.issueParticipant(bic, days, issuedAt, PASSWORD, out);
    try {
      return Pem.readPkcs12(Files.readAllBytes(out), PASSWORD).chain()[0];
    } catch (java.io.IOException e) {
      throw new RuntimeException(e);
    }
  }

  static CertificateVerifier.Reason refusal(CertificateVerifier.Verdict v) {
    assertThat(v).isInstanceOf(CertificateVerifier.Refused.class);
    return ((CertificateVerifier.Refused) v).reason();
  }

  @Test
  void validParticipantIsNamedByItsBic() {
    X509Certificate cert = participant("SABRRUMM", NOW.minus(Duration.ofDays(1)), 30);
    var v = verifier().verify(new X509Certificate[] {cert}, NOW, CertificateVerifier.Purpose.CLIENT);
    assertThat(v.identityOrThrow()).isEqualTo(new Identity.Participant("SABRRUMM"));
    assertThat(cert.getSubjectX500Principal().getName()).contains("CN=SABRRUMM").contains("OU=SABRRUMM");
  }

  @Test
  void noCertificateIsRefused() {
    assertThat(refusal(verifier().verify(new X509Certificate[0], NOW, CertificateVerifier.Purpose.CLIENT)))
        .isEqualTo(CertificateVerifier.Reason.NO_CERTIFICATE);
    assertThat(refusal(verifier().verify(null, NOW, CertificateVerifier.Purpose.CLIENT)))
        .isEqualTo(CertificateVerifier.Reason.NO_CERTIFICATE);
  }

  @Test
  void certificateFromAnotherCaIsRefusedEvenUnderTheSameName() {
    NodeCa rogue = NodeCa.create("ru", KeyAlgorithm.EC_P256, NOW.minus(Duration.ofDays(1)), 30);
    KeyPair keys = KeyAlgorithm.EC_P256.generate();
    X509Certificate cert = rogue.issueParticipant("SABRRUMM", keys.getPublic(), 2, NOW.minus(Duration.ofDays(1)), 10);
    var v = verifier().verify(new X509Certificate[] {cert, rogue.certificate()}, NOW, CertificateVerifier.Purpose.CLIENT);
    assertThat(refusal(v)).isEqualTo(CertificateVerifier.Reason.UNKNOWN_CA);
    assertThatThrownBy(v::identityOrThrow).isInstanceOf(CertificateRefusedException.class).hasMessageContaining("not a pinned CA");
  }

  @Test
  void expiredAndNotYetValidAreRefused() {
    X509Certificate cert = participant("BKMTIRTH", NOW.minus(Duration.ofDays(60)), 30);
    assertThat(refusal(verifier().verify(new X509Certificate[] {cert}, NOW, CertificateVerifier.Purpose.CLIENT)))
        .isEqualTo(CertificateVerifier.Reason.EXPIRED);
    X509Certificate future = participant("BKMTIRTH", NOW.plus(Duration.ofDays(2)), 30);
    assertThat(refusal(verifier().verify(new X509Certificate[] {future}, NOW, CertificateVerifier.Purpose.CLIENT)))
        .isEqualTo(CertificateVerifier.Reason.NOT_YET_VALID);
  }

  @Test
  void revokedIsRefusedOnceTheNewCrlIsInstalled() {
    X509Certificate cert = participant("VTBRRUMM", NOW.minus(Duration.ofDays(1)), 30);
    CertificateVerifier v = verifier();
    assertThat(v.verify(new X509Certificate[] {cert}, NOW, CertificateVerifier.Purpose.CLIENT))
        .isInstanceOf(CertificateVerifier.Accepted.class);
    var oldCrl = dir.crl();
    dir.revokeSerial(cert.getSerialNumber().longValueExact(), NOW);
    v.installCrl(dir.crl());
    assertThat(refusal(v.verify(new X509Certificate[] {cert}, NOW, CertificateVerifier.Purpose.CLIENT)))
        .isEqualTo(CertificateVerifier.Reason.REVOKED);
    // Replaying the older CRL would un-revoke the certificate.
    assertThatThrownBy(() -> v.installCrl(oldCrl)).hasMessageContaining("older");
    assertThat(CaDirectory.open(dir.dir()).entries()).anyMatch(e -> e.serial() == cert.getSerialNumber().longValueExact() && e.revokedAt() != null);
  }

  @Test
  void wrongKeyUsageIsRefused() {
    // The node's own certificate may connect as a client, but a participant certificate cannot serve.
    X509Certificate cert = participant("SABRRUMM", NOW.minus(Duration.ofDays(1)), 30);
    assertThat(refusal(verifier().verify(new X509Certificate[] {cert}, NOW, CertificateVerifier.Purpose.SERVER)))
        .isEqualTo(CertificateVerifier.Reason.WRONG_KEY_USAGE);
    // A CA certificate is not an end-entity.
    assertThat(refusal(verifier().verify(new X509Certificate[] {peerCa.certificate()}, NOW, CertificateVerifier.Purpose.CLIENT)))
        .isEqualTo(CertificateVerifier.Reason.WRONG_KEY_USAGE);
  }

  @Test
  void peerCaMayVouchOnlyForItsOwnNode() {
    KeyPair keys = KeyAlgorithm.EC_P256.generate();
    X509Certificate node = peerCa.issueNode(List.of("ir.example"), keys.getPublic(), 2, NOW.minus(Duration.ofDays(1)), 30);
    assertThat(verifier().verify(new X509Certificate[] {node}, NOW, CertificateVerifier.Purpose.SERVER).identityOrThrow())
        .isEqualTo(new Identity.PeerNode("ir"));
    X509Certificate forged = peerCa.issueParticipant("SABRRUMM", keys.getPublic(), 3, NOW.minus(Duration.ofDays(1)), 30);
    assertThat(refusal(verifier().verify(new X509Certificate[] {forged}, NOW, CertificateVerifier.Purpose.CLIENT)))
        .isEqualTo(CertificateVerifier.Reason.IDENTITY_NOT_VOUCHED);
  }

  @Test
  void caDirectoryRefusesToOverwriteAndValidatesInput() {
    assertThatThrownBy(() -> CaDirectory.init(dir.dir(), "ru", List.of("localhost"), NOW)).hasMessageContaining("already exists");
    assertThatThrownBy(() -> dir.issueParticipant("not a bic", 30, NOW, PASSWORD, tmp.resolve("x.p12"))).hasMessageContaining("not a BIC");
    assertThatThrownBy(() -> dir.revokeSerial(999_999, NOW)).hasMessageContaining("no certificate with serial");
    Path out = tmp.resolve("weak.p12");
    assertThatThrownBy(() -> dir.issueParticipant("SABRRUMM", 30, NOW, "short".toCharArray(), out)).hasMessageContaining("12 characters");
  }
}
