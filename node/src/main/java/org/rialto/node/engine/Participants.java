package org.rialto.node.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rialto.ledger.Id128;

/** The node's participants (banks, and the central bank itself). Writer-owned. */
public final class Participants {
  /** @param accountId the participant's settlement account in the node's currency */
  public record Participant(String bic, String name, String country, Id128 accountId, long creditLineMinor) {}

  /** Bounds memory and lookup cost; a central bank has hundreds of participants, not millions. */
  public static final int MAX_PARTICIPANTS = 100_000;

  private final Map<String, Participant> byBic = new LinkedHashMap<>();

  public Optional<Participant> get(String bic) {
    return Optional.ofNullable(byBic.get(bic));
  }

  public void put(Participant participant) {
    if (!byBic.containsKey(participant.bic()) && byBic.size() >= MAX_PARTICIPANTS) {
      throw new RejectException("NARR", "participant limit reached");
    }
    byBic.put(participant.bic(), participant);
  }

  public List<Participant> all() {
    return new ArrayList<>(byBic.values());
  }
}
