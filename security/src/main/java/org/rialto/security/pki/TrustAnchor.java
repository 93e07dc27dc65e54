package org.rialto.security.pki;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A pinned CA. The node's own CA ({@code own == true}) certifies its participants and itself; a
 * peer node's CA is pinned after an out-of-band exchange and may only vouch for that peer node,
 * never for a participant, so a peer cannot impersonate one of our banks.
 */
public record TrustAnchor(String node, X509Certificate certificate, boolean own) {
  public TrustAnchor {
    NodeName.require(node);
    Objects.requireNonNull(certificate, "certificate");
    if (certificate.getBasicConstraints() < 0) {
      throw new IllegalArgumentException("the pinned certificate of node " + node + " is not a CA certificate");
    }
    try {
      certificate.verify(certificate.getPublicKey());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException("the pinned CA of node " + node + " is not self-signed: " + e.getMessage(), e);
    }
  }
}
