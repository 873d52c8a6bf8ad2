package org.madani.node.store.collab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madani.node.store.RemoteObjectRepository;

/** Questions and their answers (tables collab_question, collab_answer). Stateless. */
public final class KnowledgeRepository {

  /**
   * @param localOrg our organization that asked it, or null for a question received
   */
  public record QuestionRow(
      long id,
      String objectId,
      Long localOrg,
      String author,
      String name,
      String content,
      String acceptedAnswer,
      Instant published,
      Instant updated) {}

  public record AnswerRow(
      long id,
      String objectId,
      String question,
      String author,
      String authorName,
      String content,
      Instant published) {}

  private static final String Q =
      "id, object_id, local_org, author, name, content, accepted_answer, published, updated";
  private static final String A =
      "id, object_id, question, author, author_name, content, published";

  /** Stores a question once per id; a repeat (a replayed Create) changes nothing. */
  public void insertQuestion(Connection c, QuestionRow r) throws SQLException {
    if (question(c, r.objectId()).isPresent()) return;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO collab_question(object_id, local_org, author, name, "
                + "content, accepted_answer, published, updated) VALUES (?,?,?,?,?,?,?,?)")) {
      ps.setString(1, r.objectId());
      ps.setObject(2, r.localOrg());
      ps.setString(3, r.author());
      ps.setString(4, r.name());
      ps.setString(5, r.content());
      ps.setString(6, r.acceptedAnswer());
      ps.setObject(7, InvitationRepository.toDb(r.published()));
      ps.setObject(8, InvitationRepository.toDb(r.updated()));
      ps.executeUpdate();
    }
  }

  /**
   * Lists one of our own questions where the directory index reads public objects ({@code
   * remote_object}, verified {@code local}), so that the asker's node finds it by search in both
   * languages as the nodes that received it do. A later call (the accepted answer) replaces the
   * document.
   */
  public void listInDirectory(
      Connection c, String objectId, String actor, String document, Instant published, Instant at)
      throws SQLException {
    new RemoteObjectRepository()
        .upsert(
            c,
            new RemoteObjectRepository.ObjectRow(
                objectId,
                actor,
                "Question",
                "public",
                document,
                "local",
                null,
                published,
                at,
                null));
  }

  public Optional<QuestionRow> question(Connection c, String objectId) throws SQLException {
    List<QuestionRow> rows =
        questions(
            c,
            "SELECT " + Q + " FROM collab_question WHERE object_id = ?",
            ps -> ps.setString(1, objectId));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Whether the node kept {@code objectId} as a received object (remote_object), not deleted. */
  public boolean kept(Connection c, String objectId) throws SQLException {
    return keptFrom(c, objectId, null);
  }

  /** As {@link #kept}, and by {@code actor} when it is not null. */
  public boolean keptFrom(Connection c, String objectId, String actor) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT actor FROM remote_object WHERE id = ? AND deleted_at IS NULL")) {
      ps.setString(1, objectId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && (actor == null || actor.equals(rs.getString(1)));
      }
    }
  }

  /** Questions our organization asked, newest first. */
  public List<QuestionRow> asked(Connection c, long orgId) throws SQLException {
    return questions(
        c,
        "SELECT "
            + Q
            + " FROM collab_question WHERE local_org = ? ORDER BY published DESC LIMIT 200",
        ps -> ps.setLong(1, orgId));
  }

  /** Questions received from other organizations, newest first. */
  public List<QuestionRow> received(Connection c) throws SQLException {
    return questions(
        c,
        "SELECT "
            + Q
            + " FROM collab_question WHERE local_org IS NULL ORDER BY published DESC "
            + "LIMIT 200",
        ps -> {});
  }

  public void accept(Connection c, String questionId, String answerId, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE collab_question SET accepted_answer = ?, updated = ? WHERE object_id = ?")) {
      ps.setString(1, answerId);
      ps.setObject(2, InvitationRepository.toDb(at));
      ps.setString(3, questionId);
      ps.executeUpdate();
    }
  }

  /** Stores an answer once per id. */
  public void insertAnswer(Connection c, AnswerRow r) throws SQLException {
    if (answer(c, r.objectId()).isPresent()) return;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO collab_answer(object_id, question, author, "
                + "author_name, content, published) VALUES (?,?,?,?,?,?)")) {
      ps.setString(1, r.objectId());
      ps.setString(2, r.question());
      ps.setString(3, r.author());
      ps.setString(4, r.authorName());
      ps.setString(5, r.content());
      ps.setObject(6, InvitationRepository.toDb(r.published()));
      ps.executeUpdate();
    }
  }

  public Optional<AnswerRow> answer(Connection c, String objectId) throws SQLException {
    List<AnswerRow> rows =
        answers(
            c,
            "SELECT " + A + " FROM collab_answer WHERE object_id = ?",
            ps -> ps.setString(1, objectId));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** A question's answers, oldest first (at most 500). */
  public List<AnswerRow> answersTo(Connection c, String questionId) throws SQLException {
    return answers(
        c,
        "SELECT " + A + " FROM collab_answer WHERE question = ? ORDER BY published, id LIMIT 500",
        ps -> ps.setString(1, questionId));
  }

  private static List<QuestionRow> questions(
      Connection c, String sql, InvitationRepository.Binder b) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      b.bind(ps);
      List<QuestionRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long org = rs.getLong(3);
          Long localOrg = rs.wasNull() ? null : org;
          out.add(
              new QuestionRow(
                  rs.getLong(1),
                  rs.getString(2),
                  localOrg,
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  InvitationRepository.fromDb(rs, 8),
                  InvitationRepository.fromDb(rs, 9)));
        }
      }
      return out;
    }
  }

  private static List<AnswerRow> answers(Connection c, String sql, InvitationRepository.Binder b)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      b.bind(ps);
      List<AnswerRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AnswerRow(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  InvitationRepository.fromDb(rs, 7)));
        }
      }
      return out;
    }
  }
}
