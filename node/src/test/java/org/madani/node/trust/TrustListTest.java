package org.madani.node.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.madani.node.model.ProblemException;

class TrustListTest {

  @Test
  void csvRoundTrip_keepsQuotedNotes_andNormalizesHosts() {
    TrustList list =
        new TrustList(
            "blocks",
            List.of(
                new TrustList.Item(
                    "node", "Spam.Example:443", TrustLevel.BLOCKED, "spam, \"bulk\"\nsince 2026"),
                new TrustList.Item(
                    "actor", "https://bad.example/orgs/fake", TrustLevel.BLOCKED, null)));
    assertThat(list.items().get(0).subject()).isEqualTo("spam.example");
    TrustList back = TrustList.fromCsv("blocks", list.toCsv());
    assertThat(back).isEqualTo(list);
  }

  @Test
  void csv_defusesSpreadsheetFormulasInNotes() {
    TrustList list =
        new TrustList(
            "blocks",
            List.of(new TrustList.Item("node", "x.example", TrustLevel.BLOCKED, "=HYPERLINK(1)")));
    assertThat(list.toCsv()).contains(",'=HYPERLINK(1)");
  }

  @Test
  void csv_defusesNotesStartingWithTabOrCarriageReturn() {
    // A spreadsheet runs a formula after a leading tab or CR too; TrustList once wrote these as
    // they were.
    TrustList list =
        new TrustList(
            "blocks",
            List.of(
                new TrustList.Item("node", "a.example", TrustLevel.BLOCKED, "\t=1+1"),
                new TrustList.Item("node", "b.example", TrustLevel.BLOCKED, "\r=1+1")));
    assertThat(list.toCsv()).contains(",'\t=1+1\r\n").contains(",\"'\r=1+1\"\r\n");
  }

  @Test
  void csv_refusesWrongHeaderLevelsAndSubjects() {
    assertThatThrownBy(() -> TrustList.fromCsv("blocks", "host,level\nx,blocked\n"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () ->
                TrustList.fromCsv("blocks", "type,subject,level,note\nnode,x.example,followed,\n"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () ->
                TrustList.fromCsv(
                    "blocks", "type,subject,level,note\nnode,x.example/path,blocked,\n"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () ->
                TrustList.fromCsv("blocks", "type,subject,level,note\nactor,not-a-url,blocked,\n"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () ->
                TrustList.fromCsv("blocks", "type,subject,level,note\nnode,\"x.example,blocked\n"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void csv_skipsCommentsAndBlankLines() {
    TrustList list =
        TrustList.fromCsv(
            "allows", "type,subject,level,note\r\n# ours\r\n\r\nnode,ok.example,allowed\r\n");
    assertThat(list.items())
        .singleElement()
        .satisfies(i -> assertThat(i.level()).isEqualTo(TrustLevel.ALLOWED));
  }
}
