package org.rialto.iso20022;

import java.util.List;

/**
 * The agents of an entry's transaction (TransactionAgents5); receiving, delivering and issuing
 * agents, place of settlement and proprietary agents are kept untyped.
 */
public record TransactionAgents(
    Agent instructingAgent,
    Agent instructedAgent,
    Agent debtorAgent,
    Agent creditorAgent,
    Agent intermediaryAgent1,
    Agent intermediaryAgent2,
    Agent intermediaryAgent3,
    List<XmlElement> otherElements) {
  public TransactionAgents {
    otherElements = Check.list(otherElements, "otherElements");
  }
}
