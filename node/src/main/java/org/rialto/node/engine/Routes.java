package org.rialto.node.engine;

import java.util.List;
import java.util.Optional;

/**
 * Which peer node a creditor agent belongs to, from configuration. The longest match wins (an exact
 * BIC over a bank prefix over a country), so one bank can be routed apart from its country's
 * node if a corridor needs it.
 */
public final class Routes {
  /**
   * @param bics exact BICs, prefixes of at least 6 characters (bank code + country), or a
   *     2-letter country code matching the BIC's country (characters 5 and 6)
   */
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
        boolean match = pattern.length() == 2
            ? bic.length() >= 6 && bic.regionMatches(4, pattern, 0, 2)
            : pattern.length() >= 6 && bic.startsWith(pattern);
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
