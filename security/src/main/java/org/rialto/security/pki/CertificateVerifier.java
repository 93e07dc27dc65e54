package org.rialto.security.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;

/**
 * Answers "who is this?" for a certificate chain presented on a link, or refuses with a precise
 * reason. Checks, in order: a certificate is present; it is signed by a pinned CA; the CA and the
 * certificate are within their validity; it is not on the CA's CRL; its key usage fits the link;
 * it names exactly one Rialto identity that its CA may vouch for.
 *
 * <p>Thread-safe: the anchors never change; CRLs are replaced as one immutable map.
 */
public final class CertificateVerifier {
  public static final int MAX_CHAIN_LENGTH = 4;
  public static final int MAX_ANCHORS = 256;

  /** Why a certificate was refused. */
  public enum Reason {
    NO_CERTIFICATE,
    UNKNOWN_CA,
    EXPIRED,
    NOT_YET_VALID,
    REVOKED,
    WRONG_KEY_USAGE,
    NO_IDENTITY,
    IDENTITY_NOT_VOUCHED,
    /** A peer's CRL is older than the node accepts and cannot be fetched (fail-closed). */
    REVOCATION_UNKNOWN
  }

  /** Which end of a link the certificate authenticates. */
  public enum Purpose {
    /** A bank or a peer node connecting to us (extended key usage clientAuth). */
    CLIENT,
    /** A peer node we connect to (extended key usage serverAuth). */
    SERVER,
    /**
     * A message-signing certificate carried in a JWS (x5c) beside the TLS one: a GOST key the
     * JDK's TLS cannot use. Key usage digitalSignature, no TLS purpose required.
     */
    SIGNING
  }

  public sealed interface Verdict {
    Identity identityOrThrow();
  }

  public record Accepted(Identity identity, BigInteger serial, X509Certificate certificate) implements Verdict {
    @Override
    public Identity identityOrThrow() {
      return identity;
    }
  }

  public record Refused(Reason reason, String message) implements Verdict {
    @Override
    public Identity identityOrThrow() {
      throw new CertificateRefusedException(reason, message);
    }
  }

  private record CrlState(X509CRL crl, BigInteger number) {}

  private final List<TrustAnchor> anchors;
  private volatile Map<X500Principal, CrlState> crls = Map.of();

  public CertificateVerifier(Collection<TrustAnchor> anchors) {
    if (anchors.isEmpty() || anchors.size() > MAX_ANCHORS) {
      throw new IllegalArgumentException("1.." + MAX_ANCHORS + " pinned CAs are needed, got " + anchors.size());
    }
    long own = anchors.stream().filter(TrustAnchor::own).count();
    if (own > 1) {
      throw new IllegalArgumentException("only one pinned CA can be the node's own, got " + own);
    }
    this.anchors = List.copyOf(anchors);
  }

  public List<TrustAnchor> anchors() {
    return anchors;
  }

  /**
   * Installs a CA's CRL after checking it is signed by that pinned CA and is not older than the one
   * held (an attacker replaying an old CRL would un-revoke certificates).
   */
  public synchronized void installCrl(X509CRL crl) {
    TrustAnchor anchor =
        anchors.stream()
            .filter(a -> a.certificate().getSubjectX500Principal().equals(crl.getIssuerX500Principal()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("CRL issued by " + crl.getIssuerX500Principal() + ", which is not a pinned CA"));
    try {
      crl.verify(anchor.certificate().getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("CRL of node " + anchor.node() + " is not signed by its pinned CA: " + e.getMessage(), e);
    }
    BigInteger number = crlNumber(crl);
    CrlState held = crls.get(crl.getIssuerX500Principal());
    if (held != null && number.compareTo(held.number()) < 0) {
      throw new IllegalArgumentException(
          "CRL number " + number + " of node " + anchor.node() + " is older than the held " + held.number());
    }
    Map<X500Principal, CrlState> next = new HashMap<>(crls);
    next.put(crl.getIssuerX500Principal(), new CrlState(crl, number));
    crls = Map.copyOf(next);
  }

  public Verdict verify(X509Certificate[] chain, Instant now, Purpose purpose) {
    Objects.requireNonNull(now, "now");
    if (chain == null || chain.length == 0 || chain[0] == null) {
      return new Refused(Reason.NO_CERTIFICATE, "no client certificate was presented");
    }
    if (chain.length > MAX_CHAIN_LENGTH) {
      return new Refused(Reason.UNKNOWN_CA, "certificate chain longer than " + MAX_CHAIN_LENGTH);
    }
    X509Certificate leaf = chain[0];
    String who = "certificate " + leaf.getSerialNumber() + " (" + leaf.getSubjectX500Principal().getName() + ")";
    TrustAnchor anchor = null;
    for (TrustAnchor a : anchors) {
      X509Certificate ca = a.certificate();
      if (ca.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
        try {
          leaf.verify(ca.getPublicKey());
          anchor = a;
          break;
        } catch (GeneralSecurityException e) {
          // Same name, other key: an impostor CA. Keep looking; refuse below if none signs it.
        }
      }
    }
    if (anchor == null) {
      return new Refused(Reason.UNKNOWN_CA,
          who + " is issued by " + leaf.getIssuerX500Principal().getName() + ", which is not a pinned CA (or its signature does not verify)");
    }
    Date at = Date.from(now);
    try {
      anchor.certificate().checkValidity(at);
    } catch (CertificateExpiredException e) {
      return new Refused(Reason.EXPIRED, "the CA of node " + anchor.node() + " expired on " + anchor.certificate().getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      return new Refused(Reason.NOT_YET_VALID, "the CA of node " + anchor.node() + " is valid only from " + anchor.certificate().getNotBefore().toInstant());
    }
    try {
      leaf.checkValidity(at);
    } catch (CertificateExpiredException e) {
      return new Refused(Reason.EXPIRED, who + " expired on " + leaf.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      return new Refused(Reason.NOT_YET_VALID, who + " is valid only from " + leaf.getNotBefore().toInstant());
    }
    CrlState crl = crls.get(anchor.certificate().getSubjectX500Principal());
    if (crl != null && crl.crl().isRevoked(leaf)) {
      var entry = crl.crl().getRevokedCertificate(leaf);
      return new Refused(Reason.REVOKED, who + " was revoked on " + entry.getRevocationDate().toInstant());
    }
    if (leaf.getBasicConstraints() >= 0) {
      return new Refused(Reason.WRONG_KEY_USAGE, who + " is a CA certificate, not an end-entity certificate");
    }
    boolean[] keyUsage = leaf.getKeyUsage();
    if (keyUsage == null || !keyUsage[0]) {
      return new Refused(Reason.WRONG_KEY_USAGE, who + " lacks key usage digitalSignature");
    }
    String eku = purpose == Purpose.CLIENT ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1";
    if (purpose != Purpose.SIGNING) try {
      List<String> ekus = leaf.getExtendedKeyUsage();
      if (ekus == null || !ekus.contains(eku)) {
        return new Refused(Reason.WRONG_KEY_USAGE,
            who + " lacks extended key usage " + (purpose == Purpose.CLIENT ? "clientAuth" : "serverAuth"));
      }
    } catch (CertificateParsingException e) {
      return new Refused(Reason.WRONG_KEY_USAGE, who + " has an unreadable extended key usage: " + e.getMessage());
    }
    List<String> uris = rialtoUris(leaf);
    if (uris.size() != 1) {
      return new Refused(Reason.NO_IDENTITY,
          who + " must name exactly one " + NodeCa.PARTICIPANT_URI_PREFIX + "BIC or " + NodeCa.NODE_URI_PREFIX + "NODE, names " + uris);
    }
    String uri = uris.get(0);
    Identity identity;
    try {
      if (uri.startsWith(NodeCa.PARTICIPANT_URI_PREFIX)) {
        identity = new Identity.Participant(uri.substring(NodeCa.PARTICIPANT_URI_PREFIX.length()));
      } else {
        identity = new Identity.PeerNode(uri.substring(NodeCa.NODE_URI_PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      return new Refused(Reason.NO_IDENTITY, who + " names a malformed identity " + uri + ": " + e.getMessage());
    }
    boolean vouched =
        switch (identity) {
          case Identity.Participant p -> anchor.own();
          case Identity.PeerNode n -> n.node().equals(anchor.node());
        };
    if (!vouched) {
      return new Refused(Reason.IDENTITY_NOT_VOUCHED,
          who + " names " + uri + " but is issued by the CA of node " + anchor.node() + ", which may not vouch for it");
    }
    return new Accepted(identity, leaf.getSerialNumber(), leaf);
  }

  static List<String> rialtoUris(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    try {
      var sans = cert.getSubjectAlternativeNames();
      if (sans == null) {
        return out;
      }
      for (List<?> san : sans) {
        if (san.size() == 2 && Integer.valueOf(6).equals(san.get(0)) && san.get(1) instanceof String s
            && (s.startsWith(NodeCa.PARTICIPANT_URI_PREFIX) || s.startsWith(NodeCa.NODE_URI_PREFIX))) {
          if (out.size() >= 16) {
            break;
          }
          out.add(s);
        }
      }
    } catch (CertificateParsingException e) {
      return List.of();
    }
    return out;
  }

  private static BigInteger crlNumber(X509CRL crl) {
    byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
    if (ext == null) {
      return BigInteger.ZERO;
    }
    return ASN1Integer.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getValue();
  }
}
