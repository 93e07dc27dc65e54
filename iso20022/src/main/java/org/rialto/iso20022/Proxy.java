package org.rialto.iso20022;

/** An account proxy such as a phone number or an e-mail address (ProxyAccountIdentification1). */
public record Proxy(CodeOrProprietary type, String id) {
  public Proxy {
    Check.requiredText(id, 2048, "proxy id");
  }
}
