package org.madani.node.collab.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.madani.node.collab.invite.CollabDeps;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.collab.KnowledgeRepository;
import org.madani.node.store.collab.KnowledgeRepository.AnswerRow;
import org.madani.node.store.collab.KnowledgeRepository.QuestionRow;

/**
 * Knowledge exchange (collab.md §5): one of our organizations asks a public {@code Question}
 * (Create, to its followers), organizations anywhere answer with a {@code Note} in reply (Create,
 * addressed to the asker), and the asker marks one answer accepted (Update of the Question with
 * {@code acceptedAnswer}). Thread-safe.
 */
public final class QuestionService {

  public static final int MAX_NAME = 300;
  public static final int MAX_CONTENT = 8000;
  public static final int MAX_ANSWER = 8000;

  /** A question with its answers, as pages and the API show it. */
  public record Thread(QuestionRow question, List<AnswerRow> answers) {}

  private final CollabDeps deps;
  private final KnowledgeRepository repo;

  public QuestionService(CollabDeps deps, KnowledgeRepository repo) {
    this.deps = deps;
    this.repo = repo;
  }

  public Future<Thread> ask(String admin, String handle, JsonNode body) {
    Map<String, String> name;
    Map<String, String> content;
    try {
      name = Texts.input(body.get("name"), "name", MAX_NAME, true);
      content = Texts.input(body.get("content"), "content", MAX_CONTENT, false);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              String me = deps.localActors().actorId(handle);
              Instant now = deps.clock().instant();
              QuestionRow q =
                  new QuestionRow(
                      0,
                      me + "/questions/" + UUID.randomUUID(),
                      org.id(),
                      me,
                      Texts.write(deps.json(), name),
                      content.isEmpty() ? null : Texts.write(deps.json(), content),
                      null,
                      now,
                      now);
              repo.insertQuestion(c, q);
              repo.listInDirectory(c, q.objectId(), me, object(q).toString(), now, now);
              ObjectNode create = deps.outbox().activity(org, "Create", object(q));
              address(create, handle);
              deps.outbox().send(c, org, create, "public", deps.outbox().followerInboxes(c, org));
              deps.audit().record(c, admin, "collab.question", q.objectId(), null);
              return new Thread(repo.question(c, q.objectId()).orElseThrow(), List.of());
            })
        .onSuccess(v -> deps.outbox().wakeDelivery());
  }

  /**
   * {@code handle} answers a question it knows (received from an organization it follows, or asked
   * here).
   */
  public Future<AnswerRow> answer(String admin, String handle, String questionId, String text) {
    if (text == null || text.isBlank() || text.length() > MAX_ANSWER) {
      return Future.failedFuture(
          Problem.unprocessable("Write an answer of 1 to " + MAX_ANSWER + " characters."));
    }
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              QuestionRow q =
                  repo.question(c, questionId == null ? "" : questionId)
                      .orElseThrow(
                          () -> Problem.unprocessable("No known question " + questionId + "."));
              String me = deps.localActors().actorId(handle);
              Instant now = deps.clock().instant();
              AnswerRow a =
                  new AnswerRow(
                      0,
                      me + "/answers/" + UUID.randomUUID(),
                      q.objectId(),
                      me,
                      org.profile().path("name").toString(),
                      text.strip(),
                      now);
              repo.insertAnswer(c, a);
              ObjectNode note =
                  deps.json()
                      .createObjectNode()
                      .put("id", a.objectId())
                      .put("type", "Note")
                      .put("attributedTo", me)
                      .put("inReplyTo", q.objectId())
                      .put("content", Texts.paragraphs(a.content()))
                      .put("published", now.toString());
              note.putArray("to").add(ActivityStreams.PUBLIC);
              note.putArray("cc").add(q.author()).add(deps.localActors().followers(handle));
              ObjectNode create = deps.outbox().activity(org, "Create", note);
              create.set("to", note.get("to").deepCopy());
              create.set("cc", note.get("cc").deepCopy());
              Set<URI> inboxes = new LinkedHashSet<>(deps.outbox().followerInboxes(c, org));
              if (deps.localActors().handleOf(q.author()).isEmpty()) {
                inboxes.addAll(deps.outbox().inboxesOf(c, List.of(q.author()), true));
              }
              deps.outbox().send(c, org, create, "public", inboxes);
              deps.audit().record(c, admin, "collab.answer", q.objectId(), null);
              return repo.answer(c, a.objectId()).orElseThrow();
            })
        .onSuccess(v -> deps.outbox().wakeDelivery());
  }

  /**
   * The asker marks one answer to its question accepted; followers and the answer's author get the
   * Update.
   */
  public Future<Thread> accept(String admin, String handle, String questionKey, String answerId) {
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              QuestionRow q = own(c, handle, questionKey);
              AnswerRow a =
                  repo.answer(c, answerId == null ? "" : answerId)
                      .filter(r -> r.question().equals(q.objectId()))
                      .orElseThrow(
                          () ->
                              Problem.unprocessable(
                                  "No answer " + answerId + " to this question."));
              Instant now = deps.clock().instant();
              repo.accept(c, q.objectId(), a.objectId(), now);
              QuestionRow updated = repo.question(c, q.objectId()).orElseThrow();
              repo.listInDirectory(
                  c, q.objectId(), q.author(), object(updated).toString(), q.published(), now);
              ObjectNode update = deps.outbox().activity(org, "Update", object(updated));
              address(update, handle);
              Set<URI> inboxes = new LinkedHashSet<>(deps.outbox().followerInboxes(c, org));
              if (deps.localActors().handleOf(a.author()).isEmpty()) {
                inboxes.addAll(deps.outbox().inboxesOf(c, List.of(a.author()), true));
              }
              deps.outbox().send(c, org, update, "public", inboxes);
              deps.audit().record(c, admin, "collab.question.accept", q.objectId(), a.objectId());
              return new Thread(updated, repo.answersTo(c, q.objectId()));
            })
        .onSuccess(v -> deps.outbox().wakeDelivery());
  }

  /** Questions {@code handle} asked, and those received here, each with its answers. */
  public Future<Map<String, List<Thread>>> list(String handle) {
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              List<Thread> asked = new java.util.ArrayList<>();
              for (QuestionRow q : repo.asked(c, org.id()))
                asked.add(new Thread(q, repo.answersTo(c, q.objectId())));
              List<Thread> received = new java.util.ArrayList<>();
              for (QuestionRow q : repo.received(c))
                received.add(new Thread(q, repo.answersTo(c, q.objectId())));
              return Map.of("asked", asked, "received", received);
            });
  }

  /** One of {@code handle}'s questions by the last part of its id, for its public page. */
  public Future<Thread> thread(String handle, String questionKey) {
    return deps.db()
        .tx(
            c -> {
              QuestionRow q = own(c, handle, questionKey);
              return new Thread(q, repo.answersTo(c, q.objectId()));
            });
  }

  public Future<List<QuestionRow>> asked(String handle) {
    return deps.db().tx(c -> repo.asked(c, org(c, handle).id()));
  }

  /** The Question as ActivityStreams JSON (what Create and Update carry and the page serves). */
  public ObjectNode object(QuestionRow q) {
    ObjectNode o =
        deps.json()
            .createObjectNode()
            .put("id", q.objectId())
            .put("type", "Question")
            .put("attributedTo", q.author())
            .put("url", q.objectId());
    o.set("nameMap", Texts.node(deps.json(), Texts.read(deps.json(), q.name())));
    Map<String, String> content = Texts.read(deps.json(), q.content());
    if (!content.isEmpty()) o.set("contentMap", Texts.html(deps.json(), content));
    o.put("published", q.published().toString());
    if (!q.updated().equals(q.published())) o.put("updated", q.updated().toString());
    if (q.acceptedAnswer() != null) o.put("acceptedAnswer", q.acceptedAnswer());
    String handle = deps.localActors().handleOf(q.author()).orElse(null);
    o.putArray("to").add(ActivityStreams.PUBLIC);
    if (handle != null) o.putArray("cc").add(deps.localActors().followers(handle));
    return o;
  }

  private void address(ObjectNode activity, String handle) {
    activity.putArray("to").add(ActivityStreams.PUBLIC);
    activity.putArray("cc").add(deps.localActors().followers(handle));
  }

  private QuestionRow own(Connection c, String handle, String key) throws SQLException {
    String id = deps.localActors().actorId(handle) + "/questions/" + key;
    Optional<QuestionRow> q =
        key == null || key.contains("/") ? Optional.empty() : repo.question(c, id);
    return q.filter(r -> r.localOrg() != null)
        .orElseThrow(() -> Problem.notFound("No question '" + key + "' of '" + handle + "'."));
  }

  private Organization org(Connection c, String handle) throws SQLException {
    return deps.orgs()
        .findByHandle(c, handle)
        .orElseThrow(() -> Problem.notFound("No organization '" + handle + "'."));
  }
}
