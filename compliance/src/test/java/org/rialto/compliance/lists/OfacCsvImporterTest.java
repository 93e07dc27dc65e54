package org.rialto.compliance.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real OFAC SDN legacy CSV extract (sdn/alt/add, 2021), as shipped. */
class OfacCsvImporterTest {
  private static final SanctionsList OFAC = BuiltinLists.ofac();

  @Test
  void readsEveryRecordOfTheThreeFiles() {
    assertThat(OFAC.entries()).hasSize(8976);
    assertThat(OFAC.entries().stream().filter(e -> e.kind() == EntryKind.PERSON)).hasSize(4620);
    assertThat(OFAC.entries().stream().filter(e -> e.kind() == EntryKind.ORGANISATION)).hasSize(3673);
    assertThat(OFAC.entries().stream().filter(e -> e.kind() == EntryKind.VESSEL)).hasSize(406);
    assertThat(OFAC.entries().stream().filter(e -> e.kind() == EntryKind.AIRCRAFT)).hasSize(277);
    assertThat(OFAC.version().nameCount()).isEqualTo(23296);
    assertThat(OFAC.version().sources()).extracting(ListVersion.SourceFile::name)
        .containsExactly("ofac_2021_sdn.csv", "ofac_2021_alt.csv", "ofac_2021_add.csv");
  }

  @Test
  void knownEntitiesWithAliasesAndAddressCountries() {
    ListEntry bnc = OFAC.entry("306");
    assertThat(bnc.primaryName().name()).isEqualTo("BANCO NACIONAL DE CUBA");
    assertThat(bnc.names()).extracting(EntryName::name).contains("NATIONAL BANK OF CUBA", "BNC");
    assertThat(bnc.names()).filteredOn(n -> n.name().equals("BNC")).singleElement()
        .extracting(EntryName::quality).isEqualTo(EntryName.Quality.LOW); // weak a.k.a. from the remarks
    assertThat(bnc.countries()).containsExactly("CH", "ES", "JP", "PA");
    assertThat(bnc.programs()).containsExactly("CUBA");
    // "FTO] [SDGT" is two programs.
    assertThat(OFAC.entry("7140").programs()).containsExactly("FTO", "SDGT");
  }

  @Test
  void personsAreWrittenGivenNamesFirstWithBirthDatesFromRemarks() {
    ListEntry noriega = OFAC.entry("1572");
    assertThat(noriega.primaryName().name()).isEqualTo("Manuel Antonio NORIEGA");
    ListEntry abbas = OFAC.entry("2674");
    assertThat(abbas.primaryName().name()).isEqualTo("Abu ABBAS");
    assertThat(abbas.birthDates()).contains(BirthDate.ofDay(LocalDate.of(1948, 12, 10)));
    ListEntry soleimani = OFAC.entry("10481");
    assertThat(soleimani.primaryName().name()).isEqualTo("Qasem SOLEIMANI");
    assertThat(soleimani.countries()).contains("IR");
  }

  @Test
  void parsesTheRemarkDateForms() {
    assertThat(OfacCsvImporter.parseDob("10 Dec 1948")).isEqualTo(BirthDate.ofDay(LocalDate.of(1948, 12, 10)));
    assertThat(OfacCsvImporter.parseDob("1948")).isEqualTo(BirthDate.ofYears(1948, 1948, false));
    assertThat(OfacCsvImporter.parseDob("circa 1955")).isEqualTo(BirthDate.ofYears(1955, 1955, true));
    assertThat(OfacCsvImporter.parseDob("Dec 1948")).isEqualTo(BirthDate.ofYears(1948, 1948, false));
    assertThat(OfacCsvImporter.parseDob("01 Jan 1960 to 31 Dec 1962")).isEqualTo(BirthDate.ofYears(1960, 1962, false));
    assertThat(OfacCsvImporter.parseDob("circa 1950-1955")).isEqualTo(BirthDate.ofYears(1950, 1955, true));
    assertThat(OfacCsvImporter.parseDob("unknown")).isNull();
  }

  @Test
  void acceptsFilesInAnyOrderAndAWindows1252Download() {
    byte[] sdn = "1,\"CAF\u00c9 TEST, Jos\u00e9\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1970; nationality Iran.\"\r\n\u001a"
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] alt = "1,10,\"aka\",\"TEST, Jose\",-0- \r\n".getBytes(StandardCharsets.ISO_8859_1);
    List<ListEntry> entries = ListImporter.readEntries(ImportFormat.OFAC,
        List.of(new ListImporter.SourceBytes("alt.csv", alt), new ListImporter.SourceBytes("sdn.csv", sdn)));
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.primaryName().name()).isEqualTo("Jos\u00e9 CAF\u00c9 TEST");
      assertThat(e.names()).extracting(EntryName::name).contains("Jose TEST");
      assertThat(e.birthDates()).containsExactly(BirthDate.ofYears(1970, 1970, false));
      assertThat(e.countries()).containsExactly("IR");
    });
  }

  @Test
  void explainsWhatIsMissingOrMalformed() {
    byte[] alt = "1,10,\"aka\",\"X\",-0- \r\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ListImporter.readEntries(ImportFormat.OFAC, List.of(new ListImporter.SourceBytes("alt.csv", alt))))
        .hasMessageContaining("needs sdn.csv");
    byte[] odd = "1,2,3\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ListImporter.readEntries(ImportFormat.OFAC, List.of(new ListImporter.SourceBytes("x.csv", odd))))
        .hasMessageContaining("3 columns");
    assertThatThrownBy(() -> Csv.parse("a,\"b\n", 10, 10)).hasMessageContaining("unterminated");
  }
}
