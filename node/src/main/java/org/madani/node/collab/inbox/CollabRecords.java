package org.madani.node.collab.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.madani.node.collab.facts.FactsService;
import org.madani.node.collab.invite.CollabDeps;
import org.madani.node.collab.qa.QuestionService;
import org.madani.node.collab.qa.Texts;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.Origins;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.collab.FactsRepository;
import org.madani.node.store.collab.FactsRepository.AttestationRow;
import org.madani.node.store.collab.FactsRepository.CorrectionRow;
import org.madani.node.store.collab.KnowledgeRepository;
import org.madani.node.store.collab.KnowledgeRepository.AnswerRow;
import org.madani.node.store.collab.KnowledgeRepository.QuestionRow;

/**
 * Collaboration records from an incoming activity the inbox has authenticated (its actor signed it
 * and, for Create and Update, the object is from the actor's origin). Only objects attributed to
 * the actor count. A question is kept when the node kept the object (a hosted organization follows
 * the asker or was addressed); an answer when it replies to a question known here; an attestation
 * when it is about something hosted here or was kept; a correction when it comes with an Update of
 * an entry kept here, from its author. Stateless.
 */
public final class CollabRecords {

  private static final int MAX_ID = 2048;

  private final CollabDeps deps;
  private final KnowledgeRepository knowledge;
  private final FactsRepository facts;

  public CollabRecords(CollabDeps deps, KnowledgeRepository knowledge, FactsRepository facts) {
    this.deps = deps;
    this.knowledge = knowledge;
    this.facts = facts;
  }

  public void record(Connection c, String type, InboxRow row, ObjectNode activity)
      throws SQLException {
    JsonNode object = activity.get("object");
    if ("Delete".equals(type)) {
      String id =
          object == null
              ? null
              : object.isTextual() ? object.asText() : object.path("id").asText(null);
      if (id != null) facts.revoke(c, id, row.actor(), deps.clock().instant());
      return;
    }
    if (object == null || !object.isObject()) return;
    String id = object.path("id").asText("");
    if (id.isEmpty() || id.length() > MAX_ID || !Origins.sameOrigin(id, row.actor())) return;
    String objectType = object.path("type").asText("");
    boolean authored = row.actor().equals(object.path("attributedTo").asText(null));
    Instant now = deps.clock().instant();
    if ("Create".equals(type)) {
      if (authored && "Question".equals(objectType)) question(c, row, object, now);
      else if (authored && "Note".equals(objectType)) answer(c, row, activity, object, now);
      else if (authored && "Attestation".equals(objectType)) attestation(c, row, object, now);
    } else if ("Update".equals(type)) {
      if (authored && "Question".equals(objectType)) accepted(c, row, object, now);
      if (object.get("correction") instanceof ObjectNode corr) correction(c, row, id, corr, now);
    }
  }

  private void question(Connection c, InboxRow row, JsonNode o, Instant now) throws SQLException {
    String id = o.get("id").asText();
    if (!knowledge.kept(c, id)) return;
    Map<String, String> name = Texts.received(o, "name", QuestionService.MAX_NAME);
    if (name.isEmpty()) return;
    Map<String, String> content = Texts.received(o, "content", QuestionService.MAX_CONTENT);
    knowledge.insertQuestion(
        c,
        new QuestionRow(
            0,
            id,
            null,
            row.actor(),
            Texts.write(deps.json(), name),
            content.isEmpty() ? null : Texts.write(deps.json(), content),
            null,
            instant(o, "published", now),
            now));
    accepted(c, row, o, now);
  }

  private void answer(Connection c, InboxRow row, JsonNode activity, JsonNode o, Instant now)
      throws SQLException {
    String question = o.path("inReplyTo").asText("");
    if (question.isEmpty() || knowledge.question(c, question).isEmpty()) return;
    // threads are public: a reply addressed to some people only is theirs, not the thread's (the
    // Note's own addressing, or the Create's when the Note has none)
    boolean own = o.has("to") || o.has("cc");
    if (!addressedPublicly(own ? o : activity)) return;
    String text =
        Texts.bound(Texts.plain(o.path("content").asText("")), QuestionService.MAX_ANSWER);
    if (text.isBlank()) {
      Map<String, String> m = Texts.received(o, "content", QuestionService.MAX_ANSWER);
      if (m.isEmpty()) return;
      text = m.values().iterator().next();
    }
    knowledge.insertAnswer(
        c,
        new AnswerRow(
            0,
            o.get("id").asText(),
            question,
            row.actor(),
            actorName(c, row.actor()),
            text,
            instant(o, "published", now)));
  }

  /** The asker's Update of its question: which answer it accepted. */
  private void accepted(Connection c, InboxRow row, JsonNode o, Instant now) throws SQLException {
    var q = knowledge.question(c, o.get("id").asText());
    if (q.isEmpty() || q.get().localOrg() != null || !q.get().author().equals(row.actor())) return;
    String accepted = o.path("acceptedAnswer").asText(null);
    if (accepted != null
        && accepted.length() <= MAX_ID
        && !accepted.equals(q.get().acceptedAnswer())) {
      knowledge.accept(c, q.get().objectId(), accepted, now);
    }
  }

  private void attestation(Connection c, InboxRow row, JsonNode o, Instant now)
      throws SQLException {
    String id = o.get("id").asText();
    String subject =
        o.path("object").isTextual()
            ? o.get("object").asText()
            : o.path("object").path("id").asText("");
    if (subject.isEmpty() || subject.length() > MAX_ID) return;
    boolean ours = deps.localActors().handleOf(FactsService.ownerOf(subject)).isPresent();
    if (!ours && !knowledge.kept(c, id)) return;
    Map<String, String> method = Texts.received(o, "method", FactsService.MAX_METHOD);
    LocalDate on;
    try {
      on = LocalDate.parse(o.path("verifiedOn").asText(""));
    } catch (DateTimeParseException e) {
      return;
    }
    if (method.isEmpty()) return;
    facts.insertAttestation(
        c,
        new AttestationRow(
            0,
            id,
            row.actor(),
            subject,
            Texts.write(deps.json(), method),
            on,
            instant(o, "published", now),
            null));
  }

  private void correction(Connection c, InboxRow row, String entryId, ObjectNode corr, Instant now)
      throws SQLException {
    if (!knowledge.kept(c, entryId) || !knowledge.keptFrom(c, entryId, row.actor())) return;
    String id = corr.path("id").asText("");
    String kind = corr.path("kind").asText("");
    if (!id.startsWith(entryId + "#") || id.length() > MAX_ID) return;
    if (!kind.equals("correction") && !kind.equals("retraction")) return;
    Map<String, String> note = Texts.received(corr, "content", FactsService.MAX_NOTE);
    if (note.isEmpty()) return;
    facts.insertCorrection(
        c,
        new CorrectionRow(
            0,
            id,
            entryId,
            row.actor(),
            kind,
            Texts.write(deps.json(), note),
            instant(corr, "published", now)));
  }

  /** Whether {@code to} or {@code cc} names the public collection (in any of its spellings). */
  static boolean addressedPublicly(JsonNode o) {
    for (String field : new String[] {"to", "cc"}) {
      JsonNode v = o.get(field);
      if (v == null) continue;
      for (JsonNode a : v.isArray() ? v : single(v)) {
        if (ActivityStreams.PUBLIC_ALIASES.contains(a.asText(""))) return true;
      }
    }
    return false;
  }

  private static Iterable<JsonNode> single(JsonNode single) {
    return java.util.List.of(single);
  }

  private String actorName(Connection c, String actor) throws SQLException {
    var known = deps.remoteActors().known(c, actor);
    if (known.isEmpty()) return null;
    try {
      JsonNode d = deps.json().readTree(known.get().document());
      Map<String, String> name = Texts.received(d, "name", 200);
      return name.isEmpty() ? null : Texts.write(deps.json(), name);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static Instant instant(JsonNode o, String field, Instant fallback) {
    try {
      return o.hasNonNull(field) ? Instant.parse(o.get(field).asText()) : fallback;
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
