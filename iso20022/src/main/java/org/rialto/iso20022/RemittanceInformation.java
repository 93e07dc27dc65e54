package org.rialto.iso20022;

import java.util.List;

/**
 * Remittance information: unstructured lines (Ustrd, up to 140 characters each) and structured
 * blocks (Strd), which are kept untyped.
 */
public record RemittanceInformation(List<String> unstructured, List<XmlElement> structured) {
  public RemittanceInformation {
    unstructured = Check.list(unstructured, "unstructured");
    structured = Check.list(structured, "structured");
    for (String line : unstructured) Check.requiredText(line, 140, "unstructured remittance information");
  }

  public static RemittanceInformation of(String... lines) {
    return new RemittanceInformation(List.of(lines), List.of());
  }
}
