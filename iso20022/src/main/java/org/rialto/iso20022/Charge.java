package org.rialto.iso20022;

/** A charge taken by an agent (Charges7). */
public record Charge(Amount amount, Agent agent) {
  public Charge {
    Check.required(amount, "amount");
    Check.required(agent, "agent");
  }
}
