package org.rialto.compliance.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Country names as sanctions lists write them ("Iran (Islamic Republic of)", "Korea, North",
 * "Russian Federation") to ISO 3166 alpha-2 codes, so that a list's countries can be compared with
 * a payment party's.
 */
public final class Countries {
  private static final Set<String> CODES;
  private static final Map<String, String> BY_NAME;

  static {
    Set<String> codes = new HashSet<>(java.util.Arrays.asList(Locale.getISOCountries()));
    codes.add("XK"); // Kosovo: user-assigned, used by the EU, UN and OFAC lists
    CODES = Set.copyOf(codes);
    Map<String, String> byName = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      byName.put(key(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)), code);
      byName.put(key(code), code);
    }
    loadAliases(byName);
    BY_NAME = Map.copyOf(byName);
  }

  private Countries() {}

  public static boolean isIso2(String code) {
    return code != null && CODES.contains(code);
  }

  /** The ISO alpha-2 code of a country name or code, if it is one this table knows. */
  public static Optional<String> toIso2(String name) {
    if (name == null || name.isBlank() || name.length() > 128) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_NAME.get(key(name)));
  }

  private static String key(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT).replace("&", " and ");
    StringBuilder b = new StringBuilder(folded.length());
    boolean space = true;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        b.append(c);
        space = false;
      } else if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\'' || c == '\u2019') {
        continue;
      } else if (!space) {
        b.append(' ');
        space = true;
      }
    }
    int len = b.length();
    if (len > 0 && b.charAt(len - 1) == ' ') {
      b.setLength(len - 1);
    }
    return b.toString();
  }

  private static void loadAliases(Map<String, String> byName) {
    String resource = "country-aliases.txt";
    try (InputStream in = Countries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int eq = line.lastIndexOf('=');
        String code = eq < 0 ? "" : line.substring(eq + 1).strip();
        if (!CODES.contains(code)) {
          throw new IllegalStateException(resource + ": expected 'name = ISO2' with a known code: " + line);
        }
        byName.put(key(line.substring(0, eq)), code);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
