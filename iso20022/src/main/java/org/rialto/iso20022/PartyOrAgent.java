package org.rialto.iso20022;

/** The ISO choice between a party and an agent (Party40Choice, Party44Choice). Exactly one is non-null. */
public record PartyOrAgent(Party party, Agent agent) {
  public PartyOrAgent {
    Check.oneOf(party, agent, "party or agent");
  }

  public static PartyOrAgent of(Party party) {
    return new PartyOrAgent(party, null);
  }

  public static PartyOrAgent of(Agent agent) {
    return new PartyOrAgent(null, agent);
  }

  public static PartyOrAgent ofBic(String bic) {
    return new PartyOrAgent(null, Agent.ofBic(bic));
  }
}
