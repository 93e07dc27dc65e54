package org.rialto.compliance.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SanctionsListTest {
  /** Entries of {@link ListEntry#MAX_NAMES} names each, {@code names} names in all (the last entry takes the rest). */
  private static List<ListEntry> entriesWithNames(int names) {
    var entries = new ArrayList<ListEntry>();
    for (int e = 0; names > 0; e++) {
      int here = Math.min(names, ListEntry.MAX_NAMES);
      var entryNames = new ArrayList<EntryName>(here);
      for (int n = 0; n < here; n++) {
        entryNames.add(new EntryName("Name" + e + " Alias" + n, n == 0 ? EntryName.Type.PRIMARY : EntryName.Type.ALIAS, EntryName.Quality.GOOD));
      }
      entries.add(new ListEntry("E" + e, "", EntryKind.PERSON, entryNames, List.of(), List.of(), List.of()));
      names -= here;
    }
    return entries;
  }

  @Test
  void aVersionHoldsAtMostTheNamesItsScreeningIndexCanNumber() {
    var atLimit = SanctionsList.create("NATIONAL", 1, "csv", Instant.EPOCH, List.of(), entriesWithNames(SanctionsList.MAX_NAMES));
    assertThat(atLimit.version().nameCount()).isEqualTo(SanctionsList.MAX_NAMES);
    assertThatThrownBy(() -> SanctionsList.create("NATIONAL", 2, "csv", Instant.EPOCH, List.of(), entriesWithNames(SanctionsList.MAX_NAMES + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NATIONAL version 2 has " + (SanctionsList.MAX_NAMES + 1) + " names");
  }
}
