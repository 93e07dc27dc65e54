package org.rialto.iso20022;

import java.util.Objects;

/** An attribute of an {@link XmlElement}; {@code namespace} is "" for an unqualified one. */
public record XmlAttribute(String namespace, String name, String value) {
  public XmlAttribute {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty()) throw new IllegalArgumentException("attribute name is empty");
  }
}
