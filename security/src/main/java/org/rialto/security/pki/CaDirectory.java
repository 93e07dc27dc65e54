package org.rialto.security.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rialto.security.Crypto;

/**
 * A node CA kept in a folder. The CA key is in {@code ca.p12}, protected by the random password in
 * {@code ca.password} (mode 0600): whoever can read the folder is the CA, so keep it on the
 * operator's machine or move the key to an HSM. Files:
 *
 * <ul>
 *   <li>{@code ca.pem}: the CA certificate, to give to banks and to pin on peer nodes;
 *   <li>{@code crl.pem}: the current CRL, re-signed at every revocation;
 *   <li>{@code node.p12} + {@code node.password}: the node's own TLS key and certificate;
 *   <li>{@code registry.tsv}: every certificate issued, one line each.
 * </ul>
 */
public final class CaDirectory {
  public static final int DEFAULT_CA_DAYS = 3650;
  public static final int DEFAULT_NODE_DAYS = 825;
  public static final Duration CRL_VALIDITY = Duration.ofDays(7);
  public static final int MAX_REGISTRY_LINES = 1_000_000;
  private static final String HEADER = "# rialto-ca v1 node=";

  /** Kind of certificate in the registry. */
  public enum Kind {
    NODE,
    PARTICIPANT,
    /** A participant's message-signing certificate (GOST), no TLS purpose. */
    SIGNING
  }

  /** One issued certificate. {@code revokedAt} is null while it is not revoked. */
  public record Entry(long serial, Kind kind, String name, Instant notAfter, Instant revokedAt) {
    public String status(Instant now) {
      if (revokedAt != null) {
        return "revoked " + revokedAt;
      }
      return now.isAfter(notAfter) ? "expired" : "valid";
    }
  }

  private final Path dir;
  private final NodeCa ca;
  private final List<Entry> entries;

  private CaDirectory(Path dir, NodeCa ca, List<Entry> entries) {
    this.dir = dir;
    this.ca = ca;
    this.entries = entries;
  }

  /** Creates the CA, the node's TLS certificate and an empty CRL in a new or empty folder. */
  public static CaDirectory init(Path dir, String node, List<String> nodeDnsNames, Instant now) {
    return init(dir, node, nodeDnsNames, now, KeyAlgorithm.EC_P256);
  }

  /** The same with the CA's and the node's keys of {@code algorithm} (not GOST: the node's key is a TLS key). */
  public static CaDirectory init(Path dir, String node, List<String> nodeDnsNames, Instant now, KeyAlgorithm algorithm) {
    NodeName.require(node);
    if (!algorithm.tls()) {
      throw new IllegalArgumentException("pki init: a node's CA and TLS key cannot be " + algorithm.cliName
          + " (the JDK's TLS 1.3 has no GOST); use ec-p256, ed25519 or rsa-pss, and issue GOST signing certificates to participants");
    }
    try {
      Files.createDirectories(dir);
      if (Files.exists(dir.resolve("ca.p12")) || Files.exists(dir.resolve("registry.tsv"))) {
        throw new IllegalStateException("a CA already exists in " + dir + ": refusing to overwrite it");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    NodeCa ca = NodeCa.create(node, algorithm, now, DEFAULT_CA_DAYS);
    char[] caPassword = newPassword();
    writeSecret(dir.resolve("ca.password"), new String(caPassword));
    writeNew(dir.resolve("ca.p12"), Pem.pkcs12("ca", ca.key(), new X509Certificate[] {ca.certificate()}, caPassword));
    writeNew(dir.resolve("ca.pem"), Pem.utf8(Pem.encode(ca.certificate())));
    CaDirectory d = new CaDirectory(dir, ca, new ArrayList<>());
    KeyPair nodeKeys = algorithm.generate();
    long serial = d.nextSerial();
    X509Certificate nodeCert = ca.issueNode(nodeDnsNames, nodeKeys.getPublic(), serial, now, DEFAULT_NODE_DAYS);
    char[] nodePassword = newPassword();
    writeSecret(dir.resolve("node.password"), new String(nodePassword));
    writeNew(dir.resolve("node.p12"),
        Pem.pkcs12("node", nodeKeys.getPrivate(), new X509Certificate[] {nodeCert, ca.certificate()}, nodePassword));
    d.entries.add(new Entry(serial, Kind.NODE, node, nodeCert.getNotAfter().toInstant(), null));
    d.save(now);
    return d;
  }

  public static CaDirectory open(Path dir) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("registry.tsv"), StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).startsWith(HEADER) || lines.size() > MAX_REGISTRY_LINES) {
        throw new IllegalStateException(dir.resolve("registry.tsv") + " is not a Rialto CA registry");
      }
      String node = lines.get(0).substring(HEADER.length()).strip();
      char[] password = Files.readString(dir.resolve("ca.password"), StandardCharsets.UTF_8).strip().toCharArray();
      Pem.KeyAndChain kc = Pem.readPkcs12(Files.readAllBytes(dir.resolve("ca.p12")), password);
      NodeCa ca = new NodeCa(node, kc.key(), kc.chain()[0]);
      List<Entry> entries = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
          throw new IllegalStateException("damaged registry line in " + dir + ": " + line);
        }
        entries.add(new Entry(Long.parseLong(f[0]), Kind.valueOf(f[1]), f[2], Instant.parse(f[3]),
            f[4].equals("-") ? null : Instant.parse(f[4])));
      }
      return new CaDirectory(dir, ca, entries);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the CA in " + dir + " (run `rialto pki init` first): " + e.getMessage(), e);
    }
  }

  /**
   * What a running node needs from its CA folder, read without the CA's private key (the node
   * never holds it): the CA certificate to pin, the current CRL, and the node's own TLS key.
   */
  public record NodeMaterial(String node, X509Certificate caCertificate, X509CRL crl, Pem.KeyAndChain nodeKey) {
    /** A verifier pinning this CA (as the node's own) and the given peer CAs, with this CA's CRL. */
    public CertificateVerifier verifier(List<TrustAnchor> peerCas) {
      List<TrustAnchor> anchors = new ArrayList<>();
      anchors.add(new TrustAnchor(node, caCertificate, true));
      anchors.addAll(peerCas);
      CertificateVerifier v = new CertificateVerifier(anchors);
      v.installCrl(crl);
      return v;
    }
  }

  public static NodeMaterial nodeMaterial(Path dir) {
    try {
      String first;
      try (var lines = Files.lines(dir.resolve("registry.tsv"), StandardCharsets.UTF_8)) {
        first = lines.findFirst().orElse("");
      }
      if (!first.startsWith(HEADER)) {
        throw new IllegalStateException(dir.resolve("registry.tsv") + " is not a Rialto CA registry");
      }
      String node = NodeName.require(first.substring(HEADER.length()).strip());
      X509Certificate ca = Pem.certificate(Files.readAllBytes(dir.resolve("ca.pem")));
      X509CRL crl = Pem.crl(Files.readAllBytes(dir.resolve("crl.pem")));
      char[] password = Files.readString(dir.resolve("node.password"), StandardCharsets.UTF_8).strip().toCharArray();
      Pem.KeyAndChain nodeKey = Pem.readPkcs12(Files.readAllBytes(dir.resolve("node.p12")), password);
      if (!nodeKey.chain()[0].getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
        throw new IllegalStateException(dir.resolve("node.p12") + " is not issued by the CA in " + dir.resolve("ca.pem"));
      }
      return new NodeMaterial(node, ca, crl, nodeKey);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the CA in " + dir + " (run `rialto pki init` first): " + e.getMessage(), e);
    }
  }

  public NodeCa ca() {
    return ca;
  }

  public Path dir() {
    return dir;
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Issues a participant's EC P-256 key and certificate and writes them as a password-protected PKCS#12. */
  public Entry issueParticipant(String bic, int validityDays, Instant now, char[] password, Path out) {
    return issueParticipant(bic, KeyAlgorithm.EC_P256, validityDays, now, password, out).get(0);
  }

  /**
   * Issues a participant's keys of {@code algorithm} as a password-protected PKCS#12. For a TLS
   * algorithm, one key and certificate that both authenticates the TLS link and signs messages. For
   * GOST R 34.10-2012, two: a P-256 TLS certificate (alias BIC) and a GOST message-signing
   * certificate (alias BIC-signing) of the same participant, from this CA; messages are signed
   * with the GOST key and carry its certificate (JWS x5c), which the node checks against this CA
   * and the TLS certificate's identity. Returns the entries, the TLS one first.
   */
  public List<Entry> issueParticipant(String bic, KeyAlgorithm algorithm, int validityDays, Instant now, char[] password, Path out) {
    Bic.require(bic);
    if (Files.exists(out)) {
      throw new IllegalStateException(out + " exists: refusing to overwrite a key file");
    }
    KeyPair keys = (algorithm.tls() ? algorithm : KeyAlgorithm.EC_P256).generate();
    long serial = nextSerial();
    X509Certificate cert = ca.issueParticipant(bic, keys.getPublic(), serial, now, validityDays);
    var p12 = new java.util.LinkedHashMap<String, Pem.KeyAndChain>();
    p12.put(bic, new Pem.KeyAndChain(keys.getPrivate(), new X509Certificate[] {cert, ca.certificate()}));
    List<Entry> issued = new ArrayList<>();
    issued.add(new Entry(serial, Kind.PARTICIPANT, bic, cert.getNotAfter().toInstant(), null));
    if (!algorithm.tls()) {
      KeyPair signing = algorithm.generate();
      long signingSerial = Math.addExact(serial, 1);
      X509Certificate signingCert = ca.issueSigning(bic, signing.getPublic(), signingSerial, now, validityDays);
      p12.put(bic + Pem.SIGNING_ALIAS_SUFFIX, new Pem.KeyAndChain(signing.getPrivate(), new X509Certificate[] {signingCert, ca.certificate()}));
      issued.add(new Entry(signingSerial, Kind.SIGNING, bic, signingCert.getNotAfter().toInstant(), null));
    }
    writeNew(out, Pem.pkcs12(p12, password));
    entries.addAll(issued);
    save(now);
    return List.copyOf(issued);
  }

  /** Revokes one certificate by serial; re-signs the CRL. */
  public Entry revokeSerial(long serial, Instant now) {
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.serial() == serial) {
        if (e.revokedAt() != null) {
          throw new IllegalStateException("certificate " + serial + " was already revoked on " + e.revokedAt());
        }
        Entry revoked = new Entry(e.serial(), e.kind(), e.name(), e.notAfter(), now);
        entries.set(i, revoked);
        save(now);
        return revoked;
      }
    }
    throw new IllegalArgumentException("no certificate with serial " + serial + " was issued by this CA");
  }

  /** Revokes every unrevoked certificate of a participant; re-signs the CRL. */
  public List<Entry> revokeParticipant(String bic, Instant now) {
    Bic.require(bic);
    List<Entry> done = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if ((e.kind() == Kind.PARTICIPANT || e.kind() == Kind.SIGNING) && e.name().equals(bic) && e.revokedAt() == null) {
        Entry revoked = new Entry(e.serial(), e.kind(), e.name(), e.notAfter(), now);
        entries.set(i, revoked);
        done.add(revoked);
      }
    }
    if (done.isEmpty()) {
      throw new IllegalArgumentException("participant " + bic + " has no unrevoked certificate");
    }
    save(now);
    return done;
  }

  public X509CRL crl() {
    try {
      return Pem.crl(Files.readAllBytes(dir.resolve("crl.pem")));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + dir.resolve("crl.pem") + ": " + e.getMessage(), e);
    }
  }

  /** The node's own TLS key and chain (node certificate, CA certificate). */
  public Pem.KeyAndChain nodeKey() {
    try {
      char[] password = Files.readString(dir.resolve("node.password"), StandardCharsets.UTF_8).strip().toCharArray();
      return Pem.readPkcs12(Files.readAllBytes(dir.resolve("node.p12")), password);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the node key in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A verifier pinning this CA (as the node's own) and the given peer CAs, with this CA's CRL. */
  public CertificateVerifier verifier(List<TrustAnchor> peerCas) {
    List<TrustAnchor> anchors = new ArrayList<>();
    anchors.add(new TrustAnchor(ca.node(), ca.certificate(), true));
    anchors.addAll(peerCas);
    CertificateVerifier v = new CertificateVerifier(anchors);
    v.installCrl(crl());
    return v;
  }

  private long nextSerial() {
    long max = 1;
    for (Entry e : entries) {
      max = Math.max(max, e.serial());
    }
    return Math.addExact(max, 1);
  }

  private void save(Instant now) {
    StringBuilder sb = new StringBuilder(HEADER).append(ca.node()).append('\n');
    sb.append("# serial\tkind\tname\tnot_after\trevoked_at\n");
    List<NodeCa.Revocation> revoked = new ArrayList<>();
    for (Entry e : entries) {
      sb.append(e.serial()).append('\t').append(e.kind()).append('\t').append(e.name()).append('\t')
          .append(e.notAfter()).append('\t').append(e.revokedAt() == null ? "-" : e.revokedAt().toString()).append('\n');
      if (e.revokedAt() != null) {
        revoked.add(new NodeCa.Revocation(e.serial(), e.revokedAt()));
      }
    }
    // The CRL number only grows: it is the count of saves, taken from the previous CRL.
    long crlNumber = 1;
    if (Files.exists(dir.resolve("crl.pem"))) {
      byte[] ext = crl().getExtensionValue(org.bouncycastle.asn1.x509.Extension.cRLNumber.getId());
      crlNumber = org.bouncycastle.asn1.ASN1Integer.getInstance(
          org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets()).getValue().longValueExact() + 1;
    }
    X509CRL crl = ca.crl(revoked, crlNumber, now, CRL_VALIDITY);
    replace(dir.resolve("crl.pem"), Pem.utf8(Pem.encode(crl)));
    replace(dir.resolve("registry.tsv"), sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static char[] newPassword() {
    return Crypto.base64Url(Crypto.randomBytes(24)).toCharArray();
  }

  private static void writeSecret(Path file, String secret) {
    try {
      Files.createFile(file);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the folder's own protection is all there is.
      }
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeNew(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
      if (file.getFileName().toString().endsWith(".p12")) {
        // Password-protected already; owner-only as well, since the password may be weak.
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // Not a POSIX file system.
        }
      }
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(file + " exists: refusing to overwrite it", e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Write-then-rename, so a crash leaves the old or the new file, never half of one. */
  private static void replace(Path file, byte[] bytes) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
