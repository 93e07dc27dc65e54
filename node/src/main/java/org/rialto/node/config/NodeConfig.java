package org.rialto.node.config;

import java.util.List;
import org.rialto.calendar.CalendarConfig;

/**
 * A node's configuration, as written by its operator in YAML. Amounts are decimal strings in the
 * currency's major unit (as people write them); they become minor units at load time.
 *
 * @param node this node's id, unique in the network (for example RU-NODE)
 * @param calendar the currency's business calendar; absent means open 24/7
 * @param centralBank BIC of the central bank that operates the node and settles its currency
 */
public record NodeConfig(
    String node,
    CurrencyConfig currency,
    String centralBank,
    ListenConfig listen,
    StoreConfig store,
    CalendarConfig calendar,
    List<ParticipantConfig> participants,
    List<PeerConfig> peers) {

  public NodeConfig {
    participants = participants == null ? List.of() : List.copyOf(participants);
    peers = peers == null ? List.of() : List.copyOf(peers);
    if (listen == null) listen = new ListenConfig("127.0.0.1", 8080);

  }

  /** @param minorUnits digits after the decimal point (RUB 2); fixed for the life of the node */
  public record CurrencyConfig(String code, int minorUnits) {}

  public record ListenConfig(String host, int port) {}

  /** @param url a SQLite file path, a jdbc:sqlite: URL or a jdbc:postgresql: URL */
  public record StoreConfig(String url) {}

  /**
   * @param creditLine intraday credit line in major units ("0" for none)
   * @param openingBalance liquidity the central bank provides at the node's first start
   */
  public record ParticipantConfig(
      String bic, String name, String country, String creditLine, String openingBalance) {}

  /**
   * A peer node and what it settles.
   *
   * @param bics the participants reachable there (exact BICs or 4+2 prefixes such as "BMJIIR")
   */
  public record PeerConfig(String node, String url, List<String> currencies, List<String> bics) {}

}
