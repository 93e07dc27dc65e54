package org.rialto.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.rialto.security.pki.CaDirectory;
import org.rialto.security.pki.KeyAlgorithm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "pki",
    mixinStandardHelpOptions = true,
    description = "The node's certificate authority: its participants' and its own certificates, revocation.",
    subcommands = {PkiCommand.Init.class, PkiCommand.Issue.class, PkiCommand.Revoke.class, PkiCommand.ListCerts.class})
public final class PkiCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Exit codes: 0 done, 1 refused (bad input, state), 2 I/O. */
  static int fail(String what, RuntimeException e) {
    System.err.println("pki " + what + ": " + e.getMessage());
    return 1;
  }

  @Command(name = "init", mixinStandardHelpOptions = true,
      description = {"Create the node's CA (self-signed, 10 years), the node's TLS certificate and an empty CRL in DIR.",
          "Give DIR/ca.pem to the node's banks and to peer nodes (who pin it)."})
  static final class Init implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "DIR") Path dir;
    @Option(names = "--node", required = true, paramLabel = "NODE", description = "This node's name, as peers will know it.") String node;
    @Option(names = "--dns", split = ",", paramLabel = "NAME",
        description = "DNS names or IP addresses of the node's TLS certificate (bank, peer and operator listeners; default: localhost,127.0.0.1).")
    List<String> dns = List.of("localhost", "127.0.0.1");
    @Option(names = "--algorithm", paramLabel = "ALG", description = {"Key type of the CA and the node's TLS key: ec-p256 (default),",
        "ed25519 or rsa-pss (not gost2012-256: the JDK's TLS 1.3 has no GOST)."})
    String algorithm = "ec-p256";

    @Override
    public Integer call() {
      try {
        CaDirectory d = CaDirectory.init(dir, node, dns, Instant.now(), KeyAlgorithm.byCliName(algorithm));
        System.out.println("pki init: CA of node " + node + " created in " + dir);
        System.out.println("  CA certificate (give to banks, pin on peers): " + dir.resolve("ca.pem"));
        System.out.println("  node TLS key: " + dir.resolve("node.p12") + " (password in node.password)");
        System.out.println("  CRL: " + dir.resolve("crl.pem") + "; " + d.entries().size() + " certificate issued");
        return 0;
      } catch (RuntimeException e) {
        return fail("init", e);
      }
    }
  }

  @Command(name = "issue", mixinStandardHelpOptions = true,
      description = "Issue a participant's key and certificate (CN and OU = BIC, SAN urn:rialto:participant:BIC) as a password-protected PKCS#12.")
  static final class Issue implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "DIR") Path dir;
    @Option(names = "--participant", required = true, paramLabel = "BIC") String bic;
    @Option(names = "--days", paramLabel = "N", description = "Validity in days (default ${DEFAULT-VALUE}).") int days = 365;
    @Option(names = "--out", required = true, paramLabel = "FILE.p12") Path out;
    @Option(names = "--password-file", required = true, paramLabel = "F", description = "File whose first line is the PKCS#12 password (12+ characters).")
    Path passwordFile;
    @Option(names = "--algorithm", paramLabel = "ALG", description = {"ec-p256 (default), ed25519, rsa-pss (RSA 3072, PSS signatures)",
        "or gost2012-256: a P-256 TLS certificate plus a GOST R 34.10-2012 signing certificate in the same PKCS#12",
        "(alias BIC-signing); the node must list GOST3410-2012-256 in security.jwsAlgorithms."})
    String algorithm = "ec-p256";

    @Override
    public Integer call() {
      char[] password;
      try {
        List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
        password = lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
      } catch (IOException e) {
        System.err.println("pki issue: cannot read " + passwordFile + ": " + e.getMessage());
        return 2;
      }
      try {
        List<CaDirectory.Entry> issued =
            CaDirectory.open(dir).issueParticipant(bic, KeyAlgorithm.byCliName(algorithm), days, Instant.now(), password, out);
        for (CaDirectory.Entry e : issued) {
          System.out.println("pki issue: " + bic + " " + (e.kind() == CaDirectory.Kind.SIGNING ? "signing" : "TLS") + " certificate serial "
              + e.serial() + " (" + algorithm + "), valid until " + e.notAfter() + ", written to " + out);
        }
        return 0;
      } catch (RuntimeException e) {
        return fail("issue", e);
      } finally {
        java.util.Arrays.fill(password, '\0');
      }
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a certificate (by serial) or every certificate of a participant, and re-sign the CRL.")
  static final class Revoke implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "DIR") Path dir;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
      @Option(names = "--serial", paramLabel = "N") Long serial;
      @Option(names = "--participant", paramLabel = "BIC") String bic;
    }

    @Override
    public Integer call() {
      try {
        CaDirectory d = CaDirectory.open(dir);
        List<CaDirectory.Entry> done = which.serial != null
            ? List.of(d.revokeSerial(which.serial, Instant.now()))
            : d.revokeParticipant(which.bic, Instant.now());
        for (CaDirectory.Entry e : done) {
          System.out.println("pki revoke: serial " + e.serial() + " (" + e.kind() + " " + e.name() + ") revoked at " + e.revokedAt());
        }
        System.out.println("  CRL re-signed: " + dir.resolve("crl.pem") + " (the node and its peers must load it)");
        return 0;
      } catch (RuntimeException e) {
        return fail("revoke", e);
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every certificate the CA issued and its status.")
  static final class ListCerts implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "DIR") Path dir;

    @Override
    public Integer call() {
      try {
        CaDirectory d = CaDirectory.open(dir);
        Instant now = Instant.now();
        System.out.println("CA of node " + d.ca().node() + " (" + d.ca().certificate().getSubjectX500Principal().getName() + ")");
        System.out.printf("%-8s %-12s %-12s %-22s %s%n", "SERIAL", "KIND", "NAME", "NOT AFTER", "STATUS");
        for (CaDirectory.Entry e : d.entries()) {
          System.out.printf("%-8d %-12s %-12s %-22s %s%n", e.serial(), e.kind(), e.name(), e.notAfter(), e.status(now));
        }
        return 0;
      } catch (RuntimeException e) {
        return fail("list", e);
      }
    }
  }
}
