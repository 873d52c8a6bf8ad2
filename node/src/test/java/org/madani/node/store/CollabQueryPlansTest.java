package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.store.collab.FactsRepository;
import org.madani.node.store.collab.FactsRepository.AttestationRow;
import org.madani.node.store.collab.FactsRepository.CorrectionRow;
import org.madani.node.store.collab.KnowledgeRepository;
import org.madani.node.store.collab.KnowledgeRepository.AnswerRow;
import org.madani.node.store.collab.KnowledgeRepository.QuestionRow;

/**
 * The collaboration queries an entry page, a question page and every incoming Create/Update run
 * (issue 16) use their indexes, never a table scan: H2's EXPLAIN of the statements the collab
 * repositories send ({@link QueryPlans}), over a real H2 file with a few thousand rows per table.
 */
class CollabQueryPlansTest {

  static final int ROWS = 3_000;
  static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

  @TempDir static Path dir;
  static Database db;
  static long orgId;
  static final ObjectMapper JSON = new ObjectMapper();
  static final KnowledgeRepository knowledge = new KnowledgeRepository();
  static final FactsRepository facts = new FactsRepository();

  @BeforeAll
  static void fill() throws Exception {
    db = Database.open(null, dir.resolve("madani"));
    ObjectNode profile = (ObjectNode) JSON.readTree("{\"name\":{\"en\":\"Alef\"}}");
    orgId =
        db.txBlocking(c -> new OrganizationRepository(JSON).insert(c, "alef", profile, NOW).id());
    db.txBlocking(
        c -> {
          for (int i = 0; i < ROWS; i++) {
            String actor = "https://org" + (i % 30) + ".example/orgs/o";
            String q = actor + "/questions/" + i;
            knowledge.insertQuestion(
                c,
                new QuestionRow(
                    0,
                    q,
                    i % 10 == 0 ? orgId : null,
                    actor,
                    "{\"en\":\"q\"}",
                    null,
                    null,
                    NOW,
                    NOW));
            knowledge.insertAnswer(
                c, new AnswerRow(0, actor + "/answers/" + i, q, actor, null, "a", NOW));
            String subject = "https://alef.example/orgs/alef/entries/" + (i % 500);
            facts.insertAttestation(
                c,
                new AttestationRow(
                    0,
                    actor + "/attestations/" + i,
                    actor,
                    subject,
                    "{\"en\":\"m\"}",
                    LocalDate.of(2026, 11, 30),
                    NOW,
                    null));
            facts.insertCorrection(
                c,
                new CorrectionRow(
                    0,
                    subject + "#correction-" + i,
                    subject,
                    actor,
                    "correction",
                    "{\"en\":\"n\"}",
                    NOW));
          }
          c.createStatement().execute("ANALYZE");
          return null;
        });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  Map<String, String> plansOf(Database.Work<?> work) throws Exception {
    QueryPlans plans = new QueryPlans();
    db.txBlocking(
        c -> {
          Connection wrapped = plans.wrap(c);
          work.apply(wrapped);
          return null;
        });
    assertThat(plans.plans()).isNotEmpty();
    return plans.bySql();
  }

  static void assertIndexed(Map<String, String> plans) {
    plans.forEach(
        (sql, plan) ->
            assertThat(plan)
                .as("plan of %s", sql)
                .doesNotContain(".tableScan")
                .doesNotContain("TABLE_SCAN"));
  }

  @Test
  void entryPageFacts() throws Exception {
    assertIndexed(
        plansOf(
            c -> {
              String subject = "https://alef.example/orgs/alef/entries/7";
              assertThat(facts.liveAttestations(c, subject)).hasSize(ROWS / 500);
              assertThat(facts.corrections(c, subject)).hasSize(ROWS / 500);
              return facts.revoke(
                  c,
                  "https://org7.example/orgs/o/attestations/7",
                  "https://org7.example/orgs/o",
                  NOW);
            }));
  }

  @Test
  void questionPageAndIncomingAnswers() throws Exception {
    assertIndexed(
        plansOf(
            c -> {
              String q = "https://org3.example/orgs/o/questions/3";
              assertThat(knowledge.question(c, q)).isPresent();
              assertThat(knowledge.answersTo(c, q)).hasSize(1);
              assertThat(knowledge.answer(c, "https://org3.example/orgs/o/answers/3")).isPresent();
              assertThat(knowledge.asked(c, orgId)).hasSize(200);
              assertThat(knowledge.received(c)).hasSize(200);
              knowledge.kept(c, q);
              return null;
            }));
  }
}
