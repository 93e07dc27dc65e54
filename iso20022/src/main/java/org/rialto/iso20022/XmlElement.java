package org.rialto.iso20022;

import java.util.List;
import java.util.Objects;

/**
 * An XML element kept as it was: the parts of a message Rialto does not type (tax, regulatory
 * reporting, supplementary data, ...) travel as these, so a forwarded message is not poorer than
 * the one received. Immutable and compared by value.
 *
 * @param namespace namespace URI, "" for none
 * @param text the text of a leaf ("" when empty), null when the element has children
 */
public record XmlElement(
    String namespace, String name, List<XmlAttribute> attributes, String text, List<XmlElement> children) {
  public XmlElement {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) throw new IllegalArgumentException("element name is empty");
    attributes = List.copyOf(attributes);
    children = List.copyOf(children);
    if (children.isEmpty() == (text == null)) {
      throw new IllegalArgumentException(
          "element " + name + " must have either text or children, not both or neither");
    }
  }

  public static XmlElement leaf(String namespace, String name, String text) {
    return new XmlElement(namespace, name, List.of(), Objects.requireNonNull(text, "text"), List.of());
  }

  public static XmlElement of(String namespace, String name, XmlElement... children) {
    return new XmlElement(namespace, name, List.of(), null, List.of(children));
  }

  /** The first child named {@code childName}, or null. */
  public XmlElement child(String childName) {
    for (XmlElement c : children) {
      if (c.name.equals(childName)) return c;
    }
    return null;
  }

  /** The text of the first child named {@code childName}, or null. */
  public String childText(String childName) {
    XmlElement c = child(childName);
    return c == null ? null : c.text;
  }
}
