package org.rialto.node.engine;

import java.util.List;
import java.util.Optional;

/**
 * Which peer node a creditor agent belongs to, from configuration. Exact BICs win over prefixes
 * (4-character bank code + 2-character country, or longer), so one bank can be routed apart from
 * its country's node if a corridor needs it.
 */
public final class Routes {
  /** @param bics exact BICs or prefixes of at least 6 characters */
  public record Route(String peerNode, String url, String currency, List<String> bics) {}

  private final List<Route> routes;

  public Routes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  public Optional<Route> forBic(String bic) {
    Route best = null;
    int bestLength = -1;
    for (Route r : routes) {
      for (String pattern : r.bics()) {
        boolean match = pattern.length() >= 6 && bic.startsWith(pattern);
        if (match && pattern.length() > bestLength) {
          best = r;
          bestLength = pattern.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  public List<Route> all() {
    return routes;
  }

  public Optional<Route> peer(String node) {
    return routes.stream().filter(r -> r.peerNode().equals(node)).findFirst();
  }
}
