package org.rialto.iso20022;

import java.util.List;

/**
 * A postal address (PostalAddress24). Structured fields, or up to 7 unstructured address lines,
 * or both. {@code addressType} (AdrTp) is kept untyped.
 */
public record PostalAddress(
    XmlElement addressType,
    String department,
    String subDepartment,
    String streetName,
    String buildingNumber,
    String buildingName,
    String floor,
    String postBox,
    String room,
    String postCode,
    String townName,
    String townLocationName,
    String districtName,
    String countrySubDivision,
    String country,
    List<String> addressLines) {
  public PostalAddress {
    Check.text(department, 70, "department");
    Check.text(subDepartment, 70, "subDepartment");
    Check.text(streetName, 70, "streetName");
    Check.text(buildingNumber, 16, "buildingNumber");
    Check.text(buildingName, 35, "buildingName");
    Check.text(floor, 70, "floor");
    Check.text(postBox, 16, "postBox");
    Check.text(room, 70, "room");
    Check.text(postCode, 16, "postCode");
    Check.text(townName, 35, "townName");
    Check.text(townLocationName, 35, "townLocationName");
    Check.text(districtName, 35, "districtName");
    Check.text(countrySubDivision, 35, "countrySubDivision");
    if (country != null && country.length() != 2) throw new IllegalArgumentException("country must have 2 letters: " + country);
    addressLines = Check.list(addressLines, 7, "addressLines");
    for (String line : addressLines) Check.requiredText(line, 70, "address line");
  }

  /** A structured address: street, building number, post code, town, country. */
  public static PostalAddress of(String streetName, String buildingNumber, String postCode, String townName, String country) {
    return new PostalAddress(null, null, null, streetName, buildingNumber, null, null, null, null, postCode, townName,
        null, null, null, country, List.of());
  }

  /** An address given as free lines plus its country. */
  public static PostalAddress lines(String country, String... lines) {
    return new PostalAddress(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        country, List.of(lines));
  }

  /**
   * Whether this address locates its party well enough for FATF Recommendation 16: a country and
   * a town, or at least one address line.
   */
  public boolean isSufficient() {
    return (country != null && townName != null) || !addressLines.isEmpty();
  }
}
