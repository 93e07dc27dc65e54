package org.rialto.security.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.rialto.security.Crypto;

/**
 * A node's certificate authority: each central bank certifies its own participants and its own
 * node. Pure: keys, serials and time come in as arguments; {@link CaDirectory} persists it.
 */
public final class NodeCa {
  /** SAN URI prefixes: the identity is read from here, the CN is only for humans. */
  public static final String PARTICIPANT_URI_PREFIX = "urn:rialto:participant:";
  public static final String NODE_URI_PREFIX = "urn:rialto:node:";
  public static final int MAX_VALIDITY_DAYS = 3650;
  /** Certificates start a little in the past so peers with a slightly slow clock accept them. */
  static final Duration BACKDATE = Duration.ofMinutes(5);

  private final String node;
  private final PrivateKey caKey;
  private final X509Certificate caCertificate;

  public NodeCa(String node, PrivateKey caKey, X509Certificate caCertificate) {
    this.node = NodeName.require(node);
    this.caKey = Objects.requireNonNull(caKey, "caKey");
    this.caCertificate = Objects.requireNonNull(caCertificate, "caCertificate");
    if (caCertificate.getBasicConstraints() < 0) {
      throw new IllegalArgumentException("certificate of node " + node + " is not a CA certificate");
    }
  }

  /** A new self-signed CA for {@code node}. */
  public static NodeCa create(String node, KeyAlgorithm algorithm, Instant now, int validityDays) {
    NodeName.require(node);
    requireDays(validityDays);
    if (!algorithm.tls()) {
      throw new IllegalArgumentException("a node CA cannot be " + algorithm.cliName
          + ": it signs TLS certificates, and the JDK's TLS 1.3 cannot verify GOST signatures; GOST is for participants' message signing");
    }
    KeyPair keys = algorithm.generate();
    X500Name subject = caName(node);
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              subject,
              BigInteger.ONE,
              Date.from(now.minus(BACKDATE)),
              Date.from(now.plus(Duration.ofDays(validityDays))),
              subject,
              keys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate cert = convert(b, signer(algorithm, keys.getPrivate()));
      return new NodeCa(node, keys.getPrivate(), cert);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot create the CA of node " + node + ": " + e.getMessage(), e);
    }
  }

  public String node() {
    return node;
  }

  public X509Certificate certificate() {
    return caCertificate;
  }

  PrivateKey key() {
    return caKey;
  }

  /** A participant certificate: TLS client authentication and message signing. */
  public X509Certificate issueParticipant(
      String bic, PublicKey subjectKey, long serial, Instant now, int validityDays) {
    Bic.require(bic);
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, "Rialto node " + node)
            .addRDN(BCStyle.OU, bic)
            .addRDN(BCStyle.CN, bic)
            .build();
    GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, PARTICIPANT_URI_PREFIX + bic));
    return issue(subject, names, subjectKey, serial, now, validityDays,
        new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth});
  }

  /**
   * A participant's message-signing certificate for a key the JDK's TLS cannot use (GOST R
   * 34.10-2012 where national rules require it): key usage digitalSignature + nonRepudiation, no
   * TLS purpose, the same SAN identity. Its key is read with {@link SigningKeys#publicKey}.
   */
  public X509Certificate issueSigning(String bic, PublicKey subjectKey, long serial, Instant now, int validityDays) {
    Bic.require(bic);
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, "Rialto node " + node)
            .addRDN(BCStyle.OU, bic)
            .addRDN(BCStyle.CN, bic)
            .build();
    GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, PARTICIPANT_URI_PREFIX + bic));
    return issue(subject, names, subjectKey, serial, now, validityDays, null);
  }

  /** The node's own certificate: TLS server towards banks and peers, TLS client towards peers. */
  public X509Certificate issueNode(
      List<String> dnsNames, PublicKey subjectKey, long serial, Instant now, int validityDays) {
    if (dnsNames.isEmpty() || dnsNames.size() > 16) {
      throw new IllegalArgumentException("a node certificate names 1..16 DNS names, got " + dnsNames.size());
    }
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, "Rialto node " + node)
            .addRDN(BCStyle.CN, node)
            .build();
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.uniformResourceIdentifier, NODE_URI_PREFIX + node));
    for (String dns : dnsNames) {
      // An address literal (127.0.0.1, ::1) is an iPAddress name: browsers match an address only there.
      boolean address = dns.matches("[0-9.]+") || dns.contains(":");
      names.add(new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, dns));
    }
    return issue(subject, new GeneralNames(names.toArray(GeneralName[]::new)), subjectKey, serial, now,
        validityDays, new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth});
  }

  private X509Certificate issue(
      X500Name subject, GeneralNames names, PublicKey subjectKey, long serial, Instant now,
      int validityDays, KeyPurposeId[] purposes) {
    requireDays(validityDays);
    if (serial < 2) {
      throw new IllegalArgumentException("serial 1 is the CA's own; issued serials start at 2, got " + serial);
    }
    Instant notAfter = now.plus(Duration.ofDays(validityDays));
    if (notAfter.isAfter(caCertificate.getNotAfter().toInstant())) {
      throw new IllegalArgumentException(
          "certificate would outlive its CA (CA expires " + caCertificate.getNotAfter().toInstant() + ")");
    }
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              caCertificate, BigInteger.valueOf(serial), Date.from(now.minus(BACKDATE)), Date.from(notAfter),
              subject, subjectKey);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      if (purposes == null) {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      } else {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
      }
      b.addExtension(Extension.subjectAlternativeName, false, names);
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
      b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCertificate));
      return convert(b, signer(KeyAlgorithm.of(caCertificate.getPublicKey()), caKey));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot issue certificate " + serial + ": " + e.getMessage(), e);
    }
  }

  /** A revoked certificate as the CRL lists it. */
  public record Revocation(long serial, Instant revokedAt) {}

  /** The CRL the node checks and hands to its peers; {@code crlNumber} must only grow. */
  public X509CRL crl(List<Revocation> revoked, long crlNumber, Instant now, Duration validity) {
    if (revoked.size() > 1_000_000) {
      throw new IllegalArgumentException("more than 1,000,000 revocations: start a new CA");
    }
    try {
      X509v2CRLBuilder b =
          new X509v2CRLBuilder(X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()), Date.from(now));
      b.setNextUpdate(Date.from(now.plus(validity)));
      for (Revocation r : revoked) {
        b.addCRLEntry(BigInteger.valueOf(r.serial()), Date.from(r.revokedAt()), CRLReason.UNSPECIFIED.ordinal());
      }
      b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
      b.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
      X509CRLHolder holder = b.build(signer(KeyAlgorithm.of(caCertificate.getPublicKey()), caKey));
      return new JcaX509CRLConverter().getCRL(holder);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build the CRL of node " + node + ": " + e.getMessage(), e);
    }
  }

  static X500Name caName(String node) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, "Rialto node " + node)
        .addRDN(BCStyle.CN, "Rialto CA " + node)
        .build();
  }

  private static void requireDays(int days) {
    if (days < 1 || days > MAX_VALIDITY_DAYS) {
      throw new IllegalArgumentException("validity must be 1.." + MAX_VALIDITY_DAYS + " days, got " + days);
    }
  }

  private static ContentSigner signer(KeyAlgorithm algorithm, PrivateKey key) {
    try {
      return new JcaContentSignerBuilder(algorithm.certificateSignature).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
    }
  }

  private static X509Certificate convert(X509v3CertificateBuilder b, ContentSigner signer)
      throws GeneralSecurityException {
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer));
    // Postcondition: what we hand out parses back with the JDK and carries the right issuer.
    if (cert.getIssuerX500Principal() == null) {
      throw new IllegalStateException("issued certificate without issuer");
    }
    return cert;
  }
}
