package org.rialto.compliance.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NationalListImporterTest {
  @Test
  void readsTheCsvFormat() {
    String csv = """
        id,type,name,aliases,birth_dates,countries,programs
        RU-0001,person,Ivan Petrovich Sidorov,"Иван Петрович Сидоров;Ivan Sidoroff",1970-01-31;~1971,RU,FIU-2024
        RU-0002,organisation,"OOO ""Romashka"" Trading",ООО «Ромашка»,,RU;BY,FIU-2024
        """;
    List<ListEntry> entries = NationalListImporter.readCsv(csv);
    assertThat(entries).hasSize(2);
    ListEntry ivan = entries.get(0);
    assertThat(ivan.kind()).isEqualTo(EntryKind.PERSON);
    assertThat(ivan.names()).extracting(EntryName::name)
        .containsExactly("Ivan Petrovich Sidorov", "Иван Петрович Сидоров", "Ivan Sidoroff");
    assertThat(ivan.names().get(1).type()).isEqualTo(EntryName.Type.ORIGINAL_SCRIPT);
    assertThat(ivan.birthDates()).containsExactly(BirthDate.ofDay(LocalDate.of(1970, 1, 31)), BirthDate.ofYears(1971, 1971, true));
    assertThat(entries.get(1).primaryName().name()).isEqualTo("OOO \"Romashka\" Trading");
    assertThat(entries.get(1).countries()).containsExactly("BY", "RU");
  }

  @Test
  void readsTheJsonFormat() {
    String json = """
        {"entries": [{"id": "IR-1", "type": "entity", "name": "Sherkat Test", "aliases": ["شرکت تست"],
          "birthDates": [], "countries": ["IR"], "programs": ["MOJ-2025"]}]}
        """;
    List<ListEntry> entries = NationalListImporter.readJson(json.getBytes(StandardCharsets.UTF_8));
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EntryKind.ORGANISATION);
      assertThat(e.names()).hasSize(2);
      assertThat(e.programs()).containsExactly("MOJ-2025");
    });
  }

  @Test
  void rejectsBadInputWithTheRecordAndTheReason() {
    assertThatThrownBy(() -> NationalListImporter.readCsv("id,name,colour\n1,X,red\n")).hasMessageContaining("unknown national list column");
    assertThatThrownBy(() -> NationalListImporter.readCsv("id,name,countries\n1,X,Russia\n"))
        .hasMessageContaining("record 1").hasMessageContaining("ISO 3166");
    assertThatThrownBy(() -> NationalListImporter.readCsv("id,name\n,X\n")).hasMessageContaining("id is required");
    assertThatThrownBy(() -> NationalListImporter.readCsv("id,name,birth_dates\n1,X,31.01.1970\n")).hasMessageContaining("bad birth date");
    assertThatThrownBy(() -> NationalListImporter.readJson("{\"entries\": 3}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("entries");
    assertThatThrownBy(() -> SanctionsList.create("RU", 1, "csv", java.time.Instant.EPOCH, List.of(),
        NationalListImporter.readCsv("id,name\n1,X\n1,Y\n"))).hasMessageContaining("duplicate entry id 1");
  }
}
