package org.rialto.compliance.screening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.rialto.compliance.lists.BuiltinLists;
import org.rialto.compliance.lists.ListRepository;
import org.rialto.compliance.lists.SanctionsList;
import org.rialto.compliance.match.NameMatcher;

/**
 * Which lists a node screens against, with a threshold per list: the lists of its jurisdiction.
 *
 * <pre>
 * jurisdiction: RU        # informative
 * defaultThreshold: 0.80
 * lists:
 *   - name: UN
 *   - name: RU
 *     threshold: 0.85
 *   - name: OFAC
 *     version: 1          # pin a version; default is the latest
 * </pre>
 *
 * Without a configuration a node screens against the built-in UN and OFAC lists.
 *
 * @param jurisdiction the jurisdiction the lists serve (ISO country code or free text), may be empty
 * @param lists the lists, in the order hits are reported
 */
public record ScreeningConfig(String jurisdiction, List<ListPolicy> lists) {
  public static final int MAX_LISTS = 32;

  public ScreeningConfig {
    jurisdiction = jurisdiction == null ? "" : jurisdiction.strip();
    lists = List.copyOf(lists);
    if (lists.isEmpty() || lists.size() > MAX_LISTS) {
      throw new IllegalArgumentException("a screening configuration needs 1.." + MAX_LISTS + " lists, has " + lists.size());
    }
    Set<String> names = new HashSet<>();
    for (ListPolicy p : lists) {
      if (!names.add(p.listName())) {
        throw new IllegalArgumentException("list " + p.listName() + " appears twice in the screening configuration");
      }
    }
  }

  /** The built-in UN and OFAC lists at the production threshold. */
  public static ScreeningConfig defaults() {
    return new ScreeningConfig("", List.of(
        ListPolicy.latest(BuiltinLists.UN, NameMatcher.DEFAULT_THRESHOLD),
        ListPolicy.latest(BuiltinLists.OFAC, NameMatcher.DEFAULT_THRESHOLD)));
  }

  /** Lists by name, each at the production threshold (`rialto screen --list UN --list RU`). */
  public static ScreeningConfig ofLists(List<String> names) {
    List<ListPolicy> lists = new ArrayList<>();
    for (String n : names) {
      lists.add(ListPolicy.latest(n, NameMatcher.DEFAULT_THRESHOLD));
    }
    return new ScreeningConfig("", lists);
  }

  public static ScreeningConfig load(Path yaml) {
    try {
      return parse(Files.readString(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read screening configuration " + yaml, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(yaml + ": " + e.getMessage(), e);
    }
  }

  public static ScreeningConfig parse(String yaml) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("screening configuration is not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("screening configuration must be a YAML mapping with a 'lists' entry");
    }
    checkFields(root, Set.of("jurisdiction", "defaultThreshold", "lists"), "screening configuration");
    double defaultThreshold = root.has("defaultThreshold")
        ? number(root.get("defaultThreshold"), "defaultThreshold") : NameMatcher.DEFAULT_THRESHOLD;
    JsonNode lists = root.get("lists");
    if (lists == null || !lists.isArray()) {
      throw new IllegalArgumentException("screening configuration needs a 'lists' sequence");
    }
    List<ListPolicy> policies = new ArrayList<>();
    for (JsonNode l : lists) {
      if (l.isTextual()) {
        policies.add(ListPolicy.latest(l.asText(), defaultThreshold));
        continue;
      }
      checkFields(l, Set.of("name", "threshold", "version"), "list entry");
      JsonNode name = l.get("name");
      if (name == null || !name.isTextual()) {
        throw new IllegalArgumentException("each list entry needs a 'name'");
      }
      double threshold = l.has("threshold") ? number(l.get("threshold"), "threshold") : defaultThreshold;
      int version = l.has("version") ? (int) number(l.get("version"), "version") : 0;
      policies.add(new ListPolicy(name.asText(), version, threshold));
    }
    String jurisdiction = root.has("jurisdiction") ? root.get("jurisdiction").asText() : "";
    return new ScreeningConfig(jurisdiction, policies);
  }

  private static void checkFields(JsonNode node, Set<String> known, String what) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new IllegalArgumentException("unknown field '" + f + "' in " + what + "; known: " + known);
      }
    }
  }

  private static double number(JsonNode n, String field) {
    if (!n.isNumber()) {
      throw new IllegalArgumentException("'" + field + "' must be a number, got " + n);
    }
    return n.asDouble();
  }

  /** Loads the configured versions from {@code repository} and builds their indexes. */
  public Screener buildScreener(ListRepository repository) {
    List<ListIndex> indexes = new ArrayList<>();
    for (ListPolicy p : lists) {
      SanctionsList list = p.version() == 0 ? repository.loadLatest(p.listName()) : repository.load(p.listName(), p.version());
      indexes.add(ListIndex.build(list, p.threshold()));
    }
    return Screener.of(indexes);
  }
}
