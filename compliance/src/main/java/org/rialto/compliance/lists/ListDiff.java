package org.rialto.compliance.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two versions of a list, entry by entry (entries are matched by their
 * list id).
 *
 * @param from the older version
 * @param to the newer version
 * @param added entries only in {@code to}
 * @param removed entries only in {@code from}
 * @param changed entries in both whose content differs, with the differences
 */
public record ListDiff(ListVersion from, ListVersion to, List<ListEntry> added, List<ListEntry> removed,
    List<Change> changed) {

  /**
   * One changed entry.
   *
   * @param id the entry id
   * @param primaryName its primary name in the newer version
   * @param differences one line per difference ("+ name ...", "- birth date ...")
   */
  public record Change(String id, String primaryName, List<String> differences) {
    public Change {
      differences = List.copyOf(differences);
    }
  }

  public ListDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  public static ListDiff between(SanctionsList from, SanctionsList to) {
    if (!from.version().listName().equals(to.version().listName())) {
      throw new IllegalArgumentException("diff of two different lists: " + from.version().label() + " and " + to.version().label());
    }
    List<ListEntry> added = new ArrayList<>();
    List<ListEntry> removed = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    for (ListEntry e : to.entries()) {
      ListEntry old = from.entry(e.id());
      if (old == null) {
        added.add(e);
      } else if (!old.equals(e)) {
        changed.add(new Change(e.id(), e.primaryName().name(), differences(old, e)));
      }
    }
    for (ListEntry e : from.entries()) {
      if (to.entry(e.id()) == null) {
        removed.add(e);
      }
    }
    return new ListDiff(from.version(), to.version(), added, removed, changed);
  }

  private static List<String> differences(ListEntry a, ListEntry b) {
    List<String> out = new ArrayList<>();
    if (a.kind() != b.kind()) {
      out.add("kind " + a.kind() + " -> " + b.kind());
    }
    if (!Objects.equals(a.reference(), b.reference())) {
      out.add("reference '" + a.reference() + "' -> '" + b.reference() + "'");
    }
    if (!a.primaryName().equals(b.primaryName())) {
      out.add("primary name '" + a.primaryName().name() + "' -> '" + b.primaryName().name() + "'");
    }
    setDiff(out, "name", a.names().stream().map(ListDiff::describe).toList(), b.names().stream().map(ListDiff::describe).toList());
    setDiff(out, "birth date", a.birthDates().stream().map(BirthDate::format).toList(),
        b.birthDates().stream().map(BirthDate::format).toList());
    setDiff(out, "country", a.countries(), b.countries());
    setDiff(out, "program", a.programs(), b.programs());
    if (out.isEmpty()) {
      out.add("order of names or dates changed");
    }
    return out;
  }

  private static String describe(EntryName n) {
    return n.name() + " (" + n.type().name().toLowerCase(java.util.Locale.ROOT)
        + (n.quality() == EntryName.Quality.LOW ? ", low quality" : "") + ")";
  }

  private static void setDiff(List<String> out, String label, List<String> before, List<String> after) {
    Set<String> a = new LinkedHashSet<>(before);
    Set<String> b = new LinkedHashSet<>(after);
    for (String x : b) {
      if (!a.contains(x)) {
        out.add("+ " + label + " " + x);
      }
    }
    for (String x : a) {
      if (!b.contains(x)) {
        out.add("- " + label + " " + x);
      }
    }
  }
}
