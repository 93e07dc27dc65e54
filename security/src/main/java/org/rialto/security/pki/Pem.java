package org.rialto.security.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM and PKCS#12 in and out, through the JDK and Bouncy Castle (no hand-written ASN.1). */
public final class Pem {
  /** A PKCS#12 file larger than this is not one we wrote. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  private Pem() {}

  public static String encode(Object certificateOrCrl) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(certificateOrCrl);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write PEM: " + e.getMessage(), e);
    }
    return out.toString();
  }

  public static X509Certificate certificate(byte[] pemOrDer) {
    requireSize(pemOrDer);
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pemOrDer));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
    }
  }

  public static X509CRL crl(byte[] pemOrDer) {
    requireSize(pemOrDer);
    try {
      return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(pemOrDer));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an X.509 CRL: " + e.getMessage(), e);
    }
  }

  /** A password-protected PKCS#12 (AES-256 and PBKDF2 in the JDK's default PKCS#12 profile). */
  public static byte[] pkcs12(String alias, PrivateKey key, X509Certificate[] chain, char[] password) {
    return pkcs12(java.util.Map.of(alias, new KeyAndChain(key, chain)), password);
  }

  /** The same with several keys by alias (a GOST participant: its TLS key and its signing key). */
  public static byte[] pkcs12(java.util.Map<String, KeyAndChain> entries, char[] password) {
    if (password.length < 12) {
      throw new IllegalArgumentException("a PKCS#12 password needs at least 12 characters");
    }
    if (entries.isEmpty() || entries.size() > 2) {
      throw new IllegalArgumentException("a PKCS#12 holds 1 or 2 keys here, got " + entries.size());
    }
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (var e : entries.entrySet()) {
        ks.setKeyEntry(e.getKey(), e.getValue().key(), password, e.getValue().chain());
      }
      var out = new java.io.ByteArrayOutputStream();
      ks.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write PKCS#12: " + e.getMessage(), e);
    }
  }

  /** A private key and its chain from a PKCS#12 holding exactly one key. */
  public record KeyAndChain(PrivateKey key, X509Certificate[] chain) {}

  /** The alias suffix of a message-signing key kept beside a TLS key in one PKCS#12. */
  public static final String SIGNING_ALIAS_SUFFIX = "-signing";

  /**
   * A participant's keys: the TLS key, and the message-signing key when it is another one (GOST R
   * 34.10-2012, which the JDK's TLS cannot use); {@code signing} is null when the TLS key signs.
   */
  public record ParticipantKeys(KeyAndChain tls, KeyAndChain signing) {
    public KeyAndChain signer() {
      return signing == null ? tls : signing;
    }
  }

  /** The TLS key of a PKCS#12 as `rialto pki issue` writes it (the key not named *-signing). */
  public static KeyAndChain readPkcs12(byte[] p12, char[] password) {
    return readParticipant(p12, password).tls();
  }

  /**
   * Both keys of a participant's PKCS#12. The signing key is read with Bouncy Castle's key store:
   * the JDK's cannot rebuild a GOST private key.
   */
  public static ParticipantKeys readParticipant(byte[] p12, char[] password) {
    requireSize(p12);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(new ByteArrayInputStream(p12), password);
      var aliases = keyAliases(ks);
      var tls = aliases.stream().filter(a -> !a.endsWith(SIGNING_ALIAS_SUFFIX)).toList();
      var signing = aliases.stream().filter(a -> a.endsWith(SIGNING_ALIAS_SUFFIX)).toList();
      if (tls.size() != 1 || signing.size() > 1) {
        throw new IllegalArgumentException("PKCS#12 must hold one TLS key and at most one *" + SIGNING_ALIAS_SUFFIX
            + " key, holds " + aliases);
      }
      KeyAndChain tlsKey = entry(ks, tls.get(0), password);
      KeyAndChain signingKey = null;
      if (!signing.isEmpty()) {
        KeyStore bc = KeyStore.getInstance("PKCS12", org.rialto.security.Crypto.bc());
        bc.load(new ByteArrayInputStream(p12), password);
        PrivateKey key = (PrivateKey) bc.getKey(signing.get(0), password);
        // Certificates through the JDK, so they compare equal to those the node parses.
        signingKey = new KeyAndChain(key, entry(ks, signing.get(0), null).chain());
      }
      return new ParticipantKeys(tlsKey, signingKey);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot read PKCS#12 (wrong password or damaged file): " + e.getMessage(), e);
    }
  }

  private static java.util.List<String> keyAliases(KeyStore ks) throws KeyStoreException {
    var out = new java.util.ArrayList<String>();
    for (String a : java.util.Collections.list(ks.aliases())) {
      if (ks.isKeyEntry(a)) {
        out.add(a);
      }
      if (out.size() > 2) {
        break;
      }
    }
    return out;
  }

  /** {@code password == null}: the chain only. */
  private static KeyAndChain entry(KeyStore ks, String alias, char[] password) throws GeneralSecurityException {
    PrivateKey key = password == null ? null : (PrivateKey) ks.getKey(alias, password);
    Certificate[] chain = ks.getCertificateChain(alias);
    return new KeyAndChain(key, Arrays.stream(chain).map(c -> (X509Certificate) c).toArray(X509Certificate[]::new));
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void requireSize(byte[] bytes) {
    if (bytes == null || bytes.length == 0 || bytes.length > MAX_FILE_BYTES) {
      throw new IllegalArgumentException("input must be 1.." + MAX_FILE_BYTES + " bytes");
    }
  }
}
