package org.rialto.node;

import java.nio.file.Path;
import java.util.List;

/** Writes node configurations as an operator would: YAML files read by {@link NodeMain}. */
final class NodeYaml {
  private NodeYaml() {}

  record Participant(String bic, String name, String country, String openingBalance) {}

  record Peer(String node, int port, String currency, int minorUnits, List<String> bics) {}

  static String config(String node, String currency, int minorUnits, String centralBank, int port, Path store,
      List<Participant> participants, List<Peer> peers, List<String> fxProviders, int decisionWindowSeconds) {
    return config(node, currency, minorUnits, centralBank, port, store, participants, peers, fxProviders, decisionWindowSeconds, 0);
  }

  /** @param quoteValiditySeconds 0 for the node's default */
  static String config(String node, String currency, int minorUnits, String centralBank, int port, Path store,
      List<Participant> participants, List<Peer> peers, List<String> fxProviders, int decisionWindowSeconds,
      int quoteValiditySeconds) {
    var y = new StringBuilder();
    y.append("node: ").append(node).append('\n');
    y.append("currency: {code: ").append(currency).append(", minorUnits: ").append(minorUnits).append("}\n");
    y.append("centralBank: ").append(centralBank).append('\n');
    y.append("listen: {host: 127.0.0.1, port: ").append(port).append("}\n");
    y.append("store: {url: '").append(store.toAbsolutePath()).append("'}\n");
    y.append("decisionWindowSeconds: ").append(decisionWindowSeconds).append('\n');
    if (quoteValiditySeconds > 0) y.append("quoteValiditySeconds: ").append(quoteValiditySeconds).append('\n');
    y.append("participants:\n");
    for (var p : participants) {
      y.append("  - {bic: ").append(p.bic()).append(", name: '").append(p.name()).append("', country: ")
          .append(p.country()).append(", creditLine: '0', openingBalance: '").append(p.openingBalance()).append("'}\n");
    }
    if (!peers.isEmpty()) {
      y.append("peers:\n");
      for (var p : peers) {
        y.append("  - node: ").append(p.node()).append('\n');
        y.append("    url: https://127.0.0.1:").append(p.port()).append('\n');
        y.append("    currency: {code: ").append(p.currency()).append(", minorUnits: ").append(p.minorUnits()).append("}\n");
        y.append("    bics: [").append(String.join(", ", p.bics())).append("]\n");
      }
    }
    if (!fxProviders.isEmpty()) y.append("fxProviders: [").append(String.join(", ", fxProviders)).append("]\n");
    y.append(TestOperators.yaml());
    y.append(TestPki.yaml(node, peers.stream().map(Peer::node).toList()));
    return y.toString();
  }
}
