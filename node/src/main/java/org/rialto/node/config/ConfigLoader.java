package org.rialto.node.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.regex.Pattern;

/** Reads and checks a node's YAML configuration; every problem names the field that is wrong. */
public final class ConfigLoader {
  private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  /** A config is a handful of lines; a huge file is a mistake, not a config. */
  private static final long MAX_CONFIG_BYTES = 4L * 1024 * 1024;

  private ConfigLoader() {}

  public static NodeConfig load(Path file) throws IOException {
    if (Files.size(file) > MAX_CONFIG_BYTES) {
      throw new ConfigException(file + ": larger than " + MAX_CONFIG_BYTES + " bytes");
    }
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    NodeConfig config;
    try {
      config = yaml.readValue(file.toFile(), NodeConfig.class);
    } catch (IOException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
    var aml = config.aml();
    if (aml.rulesFile() != null && !Path.of(aml.rulesFile()).isAbsolute()) {
      // Like an include: a rules file sits next to the configuration that names it.
      Path dir = file.toAbsolutePath().getParent();
      config = config.withAml(new NodeConfig.AmlConfig(dir.resolve(aml.rulesFile()).normalize().toString(), aml.rules()));
    }
    check(config);
    return config;
  }

  public static void check(NodeConfig c) {
    require(c.node() != null && !c.node().isBlank(), "node: the node id is required");
    require(c.currency() != null, "currency: required (code and minorUnits)");
    require(c.currency().code() != null && CURRENCY.matcher(c.currency().code()).matches(),
        "currency.code: an ISO 4217 alphabetic code such as RUB");
    require(c.currency().minorUnits() >= 0 && c.currency().minorUnits() <= 4,
        "currency.minorUnits: 0 to 4");
    require(c.centralBank() != null && BIC.matcher(c.centralBank()).matches(),
        "centralBank: a BIC (8 or 11 characters)");
    require(c.store() != null && c.store().url() != null, "store.url: a SQLite path or a JDBC URL");
    require(c.store().expectedTransfers() >= 1 && c.store().expectedTransfers() <= org.rialto.ledger.Ledger.MAX_TRANSFERS,
        "store.expectedTransfers: 1 to " + org.rialto.ledger.Ledger.MAX_TRANSFERS);
    require(c.listen().port() >= 0 && c.listen().port() <= 65535, "listen.port: 0 to 65535");
    require(c.operatorListen().port() >= 0 && c.operatorListen().port() <= 65535, "operatorListen.port: 0 to 65535");
    require(c.operatorListen().port() == 0 || c.operatorListen().port() != c.listen().port()
        || !c.operatorListen().host().equals(c.listen().host()), "operatorListen: must differ from listen (operators and banks are kept apart)");
    var operatorNames = new HashSet<String>();
    for (int i = 0; i < c.operators().size(); i++) {
      var o = c.operators().get(i);
      String where = "operators[" + i + "]";
      require(o.name() != null && o.name().matches("[a-z][a-z0-9._-]{1,63}"), where + ".name: 2..64 lower-case letters, digits, '.', '_' or '-'");
      require(operatorNames.add(o.name()), where + ".name: " + o.name() + " is listed twice");
      require(o.role() != null && java.util.Arrays.stream(org.rialto.security.operators.Role.values()).anyMatch(r -> r.name().equals(o.role())),
          where + ".role: VIEWER, OPERATOR, SUPERVISOR or ADMINISTRATOR");
      require(o.passwordHash() != null && o.passwordHash().startsWith("$argon2id$"),
          where + ".passwordHash: an Argon2id hash from 'rialto operator hash' (never the password itself)");
    }
    var bics = new HashSet<String>();
    boolean centralBankListed = false;
    for (int i = 0; i < c.participants().size(); i++) {
      var p = c.participants().get(i);
      String where = "participants[" + i + "]";
      require(p.bic() != null && BIC.matcher(p.bic()).matches(), where + ".bic: a BIC");
      require(bics.add(p.bic()), where + ".bic: " + p.bic() + " is listed twice");
      require(p.name() != null && !p.name().isBlank(), where + ".name: required");
      require(p.country() != null && p.country().matches("[A-Z]{2}"), where + ".country: ISO 3166 alpha-2");
      Amounts.parseMinor(p.creditLine() == null ? "0" : p.creditLine(), c.currency().minorUnits(), where + ".creditLine");
      Amounts.parseMinor(p.openingBalance() == null ? "0" : p.openingBalance(), c.currency().minorUnits(), where + ".openingBalance");
      if (p.bic().equals(c.centralBank())) centralBankListed = true;
    }
    require(centralBankListed, "participants: the central bank " + c.centralBank() + " must be listed");
    for (String fxp : c.fxProviders()) {
      require(bics.contains(fxp), "fxProviders: " + fxp + " must be a participant of this node");
    }
    require(c.decisionWindowSeconds() >= 1 && c.decisionWindowSeconds() <= 86_400,
        "decisionWindowSeconds: 1 to 86400");
    for (String list : c.screening().lists()) {
      require(org.rialto.compliance.lists.BuiltinLists.isBuiltin(list), "screening.lists: '" + list
          + "' is not a built-in list (UN, OFAC); import national lists with 'rialto lists import'");
    }
    require(c.screening().threshold() == null || (c.screening().threshold() >= 0.5 && c.screening().threshold() <= 1.0),
        "screening.threshold: 0.5 to 1.0");
    amlRules(c);
    require(c.quoteValiditySeconds() >= 1 && c.quoteValiditySeconds() <= 86_400, "quoteValiditySeconds: 1 to 86400");
    for (int i = 0; i < c.peers().size(); i++) {
      var peer = c.peers().get(i);
      String where = "peers[" + i + "]";
      require(peer.node() != null && !peer.node().equals(c.node()), where + ".node: another node's id");
      require(peer.url() != null && peer.url().startsWith("https://"), where + ".url: https://host:port (peer links are mutual TLS)");
      require(peer.currency() != null && peer.currency().code() != null && CURRENCY.matcher(peer.currency().code()).matches(),
          where + ".currency: the peer's currency (code and minorUnits)");
      require(peer.bics() != null && !peer.bics().isEmpty(), where + ".bics: the BICs or BIC prefixes reachable there");
      for (String b : peer.bics()) {
        require(b.matches("[A-Z]{2}") || b.matches("[A-Z]{6}[A-Z0-9]{0,5}"),
            where + ".bics: '" + b + "' is neither a country code, a BIC prefix of 6+ characters nor a BIC");
      }
      require(!peer.currency().code().equals(c.currency().code()),
          where + ".currency: " + c.currency().code() + " is settled here; each currency has one home node");
    }
    checkSecurity(c);
  }

  private static void checkSecurity(NodeConfig c) {
    var s = c.security();
    require(s != null, "security: required (caDirectory from `rialto pki init`, peerCas for each peer node);"
        + " every bank and peer link is mutual TLS with signed messages");
    require(s.caDirectory() != null && !s.caDirectory().isBlank(), "security.caDirectory: the folder made by `rialto pki init`");
    for (var peer : c.peers()) {
      require(s.peerCas().containsKey(peer.node()), "security.peerCas: the pinned CA certificate of peer " + peer.node() + " is missing");
    }
    for (String node : s.peerCas().keySet()) {
      require(c.peers().stream().anyMatch(p -> p.node().equals(node)), "security.peerCas: " + node + " is not a configured peer");
    }
    require(!s.jwsAlgorithms().isEmpty() && s.jwsAlgorithms().size() <= 4, "security.jwsAlgorithms: 1 to 4 of ES256, EdDSA, PS256, GOST3410-2012-256");
    for (String a : s.jwsAlgorithms()) {
      require(org.rialto.security.jws.JwsAlgorithm.byJoseName(a).isPresent(),
          "security.jwsAlgorithms: '" + a + "' is not one of ES256, EdDSA, PS256, GOST3410-2012-256");
    }
    require(s.replayWindowSeconds() >= 10 && s.replayWindowSeconds() <= 3_600, "security.replayWindowSeconds: 10 to 3600");
  }

  /**
   * The node's AML rules, read and checked (none when the config has no aml section). A node
   * keeps its customers' names and agents, not their accounts, so window rules count per
   * debtor or creditor (a customer at its bank) or per agent (a bank's settlement account).
   */
  public static org.rialto.compliance.aml.AmlRules amlRules(NodeConfig c) {
    var aml = c.aml();
    if (aml.none()) return org.rialto.compliance.aml.AmlRules.none();
    require(aml.rulesFile() == null || aml.rules() == null || aml.rules().isNull(),
        "aml: give either rulesFile or inline rules, not both");
    org.rialto.compliance.aml.AmlRules rules;
    try {
      rules = aml.rulesFile() != null ? org.rialto.compliance.aml.AmlRules.load(Path.of(aml.rulesFile()))
          : org.rialto.compliance.aml.AmlRules.fromTree(aml.rules());
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ConfigException("aml: " + e.getMessage(), e);
    }
    var windowed = new java.util.ArrayList<org.rialto.compliance.aml.AmlRules.Subject>();
    rules.velocity().forEach(v -> windowed.add(v.subject()));
    rules.structuring().forEach(st -> windowed.add(st.subject()));
    for (var subject : windowed) {
      require(subject != org.rialto.compliance.aml.AmlRules.Subject.DEBTOR_ACCOUNT
              && subject != org.rialto.compliance.aml.AmlRules.Subject.CREDITOR_ACCOUNT,
          "aml: a node keeps no customer accounts to count by; use subject debtor or creditor (a customer at its"
              + " bank) or debtorAgent or creditorAgent (a bank's settlement account)");
    }
    return rules;
  }

  private static void require(boolean ok, String message) {
    if (!ok) throw new ConfigException(message);
  }

  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }

    public ConfigException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
