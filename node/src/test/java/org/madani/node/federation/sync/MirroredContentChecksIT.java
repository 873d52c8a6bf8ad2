package org.madani.node.federation.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;

/**
 * Items that arrive by catch-up, not through the inbox, pass the same content checks (issue 11,
 * finding 16). Node A's log holds a genuinely signed item whose object names a made-up sector and
 * region (written into A's outbox as a misbehaving Madani node would serve it); node C, which
 * follows A, never received it in its inbox and finds it when the next item reveals the gap. The
 * bad item keeps its place in the log (later items still apply) but is never stored: it reaches
 * neither C's directory nor its facets.
 */
class MirroredContentChecksIT {

  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aSignedLogItemWithMadeUpTerms_fetchedByCatchUp_isNotStored_andTheLogStillApplies()
      throws Exception {
    try (TestNode a = TestNode.start(dir.resolve("a"), "sawa", false);
        TestNode c = TestNode.start(dir.resolve("c"), "nour", false)) {
      String origin = a.base() + "/orgs/sawa";
      HttpResponse<String> f =
          c.api("POST", "/api/v1/organizations/nour/following", "{\"actor\":\"" + origin + "\"}");
      assertThat(f.statusCode()).as(f.body()).isEqualTo(202);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  c.api("GET", "/api/v1/organizations/nour/following", null)
                      .body()
                      .contains("accepted"));

      String first = created(a, "First", "education");
      await()
          .atMost(WAIT)
          .until(() -> c.get("/api/v1/directory?pageSize=50").body().contains(first));

      // Item #2, signed by A's own key, with terms outside the shared taxonomies; only in A's log.
      String badObject = origin + "/entries/" + UUID.randomUUID();
      try (Connection db = a.openDatabase()) {
        ObjectNode item =
            (ObjectNode)
                TestNode.JSON.readTree(text(db, "SELECT document FROM outbox WHERE log_seq = 1"));
        ObjectNode object = (ObjectNode) item.get("object");
        object.remove("proof");
        item.remove("proof");
        object.put("id", badObject);
        object.put("url", badObject);
        object.putArray("sectors").add("made-up-sector");
        object.putArray("regions").add("atlantis");
        if (object.get("nameMap") instanceof ObjectNode names) names.put("en", "Padded facets");
        object.put("name", "Padded facets");
        item.put("id", origin + "/activities/" + UUID.randomUUID());
        item.put("sequence", 2);
        String file =
            text(
                db,
                "SELECT private_file FROM org_key WHERE algorithm = 'ed25519' AND purpose = 'signing'");
        SigningKey key =
            new SigningKey(
                origin + "#ed25519-1",
                SignatureAlgorithm.ED25519,
                PrivateKeyFiles.PLAIN.read(Path.of(file)));
        Instant now = Instant.now();
        item.set("object", ObjectProofs.sign(object, key, now));
        ObjectNode signed = ObjectProofs.sign(item, key, now);
        long seq = Long.parseLong(text(db, "SELECT MAX(seq) + 1 FROM outbox"));
        try (PreparedStatement ps =
            db.prepareStatement(
                "INSERT INTO outbox(org_id, seq, activity_id, type, object_id, "
                    + "audience, document, published, log_seq) SELECT org_id, ?, ?, 'Create', ?, 'public', ?, ?, 2 "
                    + "FROM outbox WHERE log_seq = 1")) {
          ps.setLong(1, seq);
          ps.setString(2, signed.get("id").asText());
          ps.setString(3, badObject);
          ps.setString(4, signed.toString());
          ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
          ps.executeUpdate();
        }
      }

      // Item #3 reaches C's inbox; the gap makes C catch up from A's log, where #2 waits.
      String third = created(a, "Third", "health");
      await()
          .atMost(WAIT)
          .until(() -> c.get("/api/v1/directory?pageSize=50").body().contains(third));
      await()
          .atMost(WAIT)
          .until(
              () ->
                  c.count(
                          "SELECT COUNT(*) FROM mirror_state WHERE origin_actor = '"
                              + origin
                              + "' AND applied_seq = 3")
                      == 1);
      assertThat(c.count("SELECT COUNT(*) FROM mirror_item WHERE sequence = 2"))
          .as("kept in the mirror")
          .isEqualTo(1);
      assertThat(c.count("SELECT COUNT(*) FROM remote_object WHERE id = '" + badObject + "'"))
          .isZero();
      JsonNode dir = TestNode.json(c.get("/api/v1/directory?pageSize=50"));
      assertThat(dir.toString()).doesNotContain("made-up-sector", "atlantis", "Padded facets");
      assertThat(dir.at("/facets/sector").has("education")).isTrue();
      assertThat(c.get("/reports.json?period=year").body())
          .doesNotContain("made-up-sector", "atlantis");
    }
  }

  static String created(TestNode n, String title, String sector) throws Exception {
    HttpResponse<String> r =
        n.api(
            "POST",
            n.entriesPath(),
            "{\"kind\":\"article\",\"title\":{\"en\":\""
                + title
                + "\"},\"sectors\":[\""
                + sector
                + "\"],\"regions\":[\"sy-aleppo\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestNode.json(r).get("url").asText();
  }

  static String text(Connection db, String sql) throws Exception {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
