package org.rialto.compliance.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListRepositoryTest {
  @TempDir Path dir;

  private static ListImporter.SourceBytes csv(String text) {
    return new ListImporter.SourceBytes("ru.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  private static final String V1 = """
      id,type,name,aliases,birth_dates,countries
      RU-1,person,Ivan Sidorov,Иван Сидоров,1970,RU
      RU-2,organisation,OOO Romashka,,,RU
      """;
  private static final String V2 = """
      id,type,name,aliases,birth_dates,countries
      RU-1,person,Ivan Sidorov,Иван Сидоров;Ivan Sydorov,1970,RU
      RU-3,person,Anna Kuznetsova,,1985,RU
      """;

  @Test
  void shippedListsAreVersionOneOfAnEmptyRepository() {
    ListRepository repo = ListRepository.open(dir.resolve("absent"));
    assertThat(repo.versions()).extracting(ListVersion::label).containsExactly("OFAC v1", "UN v1");
    assertThat(repo.loadLatest("UN").entries()).hasSize(1003);
  }

  @Test
  void everyImportIsANewImmutableVersionWithItsHashTimeAndCounts() throws IOException {
    ListRepository repo = ListRepository.open(dir);
    Instant t1 = Instant.parse("2026-03-01T10:00:00Z");
    ListVersion v1 = repo.importFiles("RU", ImportFormat.CSV, List.of(csv(V1)), t1);
    ListVersion v2 = repo.importFiles("RU", ImportFormat.CSV, List.of(csv(V2)), t1.plusSeconds(3600));
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v1.importedAt()).isEqualTo(t1);
    assertThat(v1.entryCount()).isEqualTo(2);
    assertThat(v1.nameCount()).isEqualTo(3);
    assertThat(v1.contentHash()).isNotEqualTo(v2.contentHash()).hasSize(64);
    // The same content always hashes the same.
    ListVersion v3 = repo.importFiles("RU", ImportFormat.CSV, List.of(csv(V2)), t1.plusSeconds(7200));
    assertThat(v3.contentHash()).isEqualTo(v2.contentHash());
    assertThat(repo.versions("RU")).extracting(ListVersion::version).containsExactly(1, 2, 3);
    assertThat(repo.load("RU", 1).entry("RU-2")).isNotNull();

    // A version, once written, cannot be written again or altered unnoticed.
    assertThatThrownBy(() -> repo.store(repo.load("RU", 2))).hasMessageContaining("next version of RU is 4");
    Path entries = dir.resolve("RU").resolve("v000001.entries.json");
    entries.toFile().setWritable(true);
    Files.writeString(entries, Files.readString(entries).replace("Romashka", "Lyutik"));
    assertThatThrownBy(() -> repo.load("RU", 1)).hasMessageContaining("altered");
  }

  @Test
  void importsOfTheShippedListsStartAtVersionTwo() {
    ListRepository repo = ListRepository.open(dir);
    ListVersion v = repo.importFiles("UN", ImportFormat.UN, List.of(BuiltinLists.source("UN_consolidated.xml")), Instant.EPOCH);
    assertThat(v.version()).isEqualTo(2);
    assertThat(v.contentHash()).isEqualTo(BuiltinLists.un().version().contentHash());
    assertThat(ListDiff.between(repo.load("UN", 1), repo.load("UN", 2)).isEmpty()).isTrue();
  }

  @Test
  void diffShowsAddedRemovedAndChangedEntries() {
    ListRepository repo = ListRepository.open(dir);
    repo.importFiles("RU", ImportFormat.CSV, List.of(csv(V1)), Instant.EPOCH);
    repo.importFiles("RU", ImportFormat.CSV, List.of(csv(V2)), Instant.EPOCH.plusSeconds(1));
    ListDiff d = ListDiff.between(repo.load("RU", 1), repo.load("RU", 2));
    assertThat(d.added()).extracting(ListEntry::id).containsExactly("RU-3");
    assertThat(d.removed()).extracting(ListEntry::id).containsExactly("RU-2");
    assertThat(d.changed()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("RU-1");
      assertThat(c.differences()).containsExactly("+ name Ivan Sydorov (alias)");
    });
  }
}
