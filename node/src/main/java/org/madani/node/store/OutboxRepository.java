package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Each hosted organization's outbox: an append-only log with a sequence number per organization.
 * Appending takes the next number inside the caller's transaction; the primary key (org, seq) makes
 * two concurrent appends collide rather than share a number. Stateless.
 */
public final class OutboxRepository {

  public record OutboxRow(
      long orgId,
      long seq,
      String activityId,
      String type,
      String objectId,
      String audience,
      String document,
      Instant published) {}

  /**
   * The next number of the organization's public log. Locks the organization row until the caller's
   * transaction ends, so numbers are handed out one at a time and without gaps.
   */
  public long nextLogSeq(Connection c, long orgId) throws SQLException {
    lock(c, orgId);
    return afterLastLogSeq(c, orgId);
  }

  /**
   * The log number after the organization's last one: a backward read of the (org_id, log_seq)
   * index, one row read, where MAX(log_seq) ... WHERE org_id = ? read every row of the organization
   * (H2), making a bulk import quadratic (issue 13).
   */
  private static long afterLastLogSeq(Connection c, long orgId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT log_seq FROM outbox WHERE org_id = ? AND log_seq IS NOT NULL "
                + "ORDER BY org_id DESC, log_seq DESC LIMIT 1")) {
      ps.setLong(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) + 1 : 1;
      }
    }
  }

  /** The outbox number after the organization's last one, by the same backward index read. */
  private static long afterLastSeq(Connection c, long orgId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT seq FROM outbox WHERE org_id = ? ORDER BY org_id DESC, seq DESC LIMIT 1")) {
      ps.setLong(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) + 1 : 1;
      }
    }
  }

  private static void lock(Connection c, long orgId) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT id FROM organization WHERE id = ?" + Dialect.of(c).lockForWrite())) {
      lock.setLong(1, orgId);
      lock.executeQuery().close();
    }
  }

  /** Log items (public content activities) after {@code after}, in order. */
  public List<OutboxRow> logAfter(Connection c, long orgId, long after, int limit)
      throws SQLException {
    List<OutboxRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT org_id, log_seq, activity_id, type, object_id, audience, document, published FROM outbox "
                + "WHERE org_id = ? AND log_seq > ? ORDER BY log_seq LIMIT ?")) {
      ps.setLong(1, orgId);
      ps.setLong(2, after);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new OutboxRow(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  Timestamps.fromDb(rs, "published")));
        }
      }
    }
    return out;
  }

  public long append(
      Connection c,
      long orgId,
      String activityId,
      String type,
      String objectId,
      String audience,
      String document,
      Instant published)
      throws SQLException {
    return append(c, orgId, activityId, type, objectId, audience, document, published, null);
  }

  public long append(
      Connection c,
      long orgId,
      String activityId,
      String type,
      String objectId,
      String audience,
      String document,
      Instant published,
      Long logSeq)
      throws SQLException {
    // Lock the organization row so sequence numbers are handed out one at a time per organization.
    lock(c, orgId);
    long seq = afterLastSeq(c, orgId);
    appendAll(
        c,
        orgId,
        seq,
        List.of(new NewItem(activityId, type, objectId, audience, document, published, logSeq)));
    return seq;
  }

  /** An activity to append with {@link #appendAll}; {@code logSeq} null for non-log items. */
  public record NewItem(
      String activityId,
      String type,
      String objectId,
      String audience,
      String document,
      Instant published,
      Long logSeq) {}

  /** The next outbox and log numbers of an organization, read once for a batch. */
  public record Next(long seq, long logSeq) {}

  /**
   * Locks the organization row (as {@link #append} does, until the caller's transaction ends) and
   * returns its next outbox and log numbers, so a batch can number its items itself and append them
   * with {@link #appendAll}: one lock and two one-row index reads per batch instead of three
   * statements per item (issue 13).
   */
  public Next lockNext(Connection c, long orgId) throws SQLException {
    lock(c, orgId);
    return new Next(afterLastSeq(c, orgId), afterLastLogSeq(c, orgId));
  }

  /**
   * Appends {@code items} as outbox numbers {@code firstSeq}, {@code firstSeq + 1}, … in one JDBC
   * batch. The caller holds the organization's lock from {@link #lockNext} and took {@code
   * firstSeq} from it.
   */
  public void appendAll(Connection c, long orgId, long firstSeq, List<NewItem> items)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO outbox(org_id, seq, activity_id, type, object_id, audience, document, published, log_seq) "
                + "VALUES (?,?,?,?,?,?,?,?,?)")) {
      long seq = firstSeq;
      for (NewItem item : items) {
        ps.setLong(1, orgId);
        ps.setLong(2, seq++);
        ps.setString(3, item.activityId());
        ps.setString(4, item.type());
        ps.setString(5, item.objectId());
        ps.setString(6, item.audience());
        ps.setString(7, item.document());
        ps.setObject(8, Timestamps.toDb(item.published()));
        ps.setObject(9, item.logSeq());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Activities with the given audiences, newest first, for the paged outbox collection. */
  public List<OutboxRow> page(
      Connection c, long orgId, List<String> audiences, long beforeSeq, int limit)
      throws SQLException {
    String in = String.join(",", audiences.stream().map(a -> "?").toList());
    List<OutboxRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT org_id, seq, activity_id, type, object_id, audience, document, published FROM outbox "
                + "WHERE org_id = ? AND seq < ? AND audience IN ("
                + in
                + ") ORDER BY seq DESC LIMIT ?")) {
      int i = 1;
      ps.setLong(i++, orgId);
      ps.setLong(i++, beforeSeq);
      for (String a : audiences) ps.setString(i++, a);
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new OutboxRow(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  Timestamps.fromDb(rs, "published")));
        }
      }
    }
    return out;
  }

  public long count(Connection c, long orgId, List<String> audiences) throws SQLException {
    String in = String.join(",", audiences.stream().map(a -> "?").toList());
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM outbox WHERE org_id = ? AND audience IN (" + in + ")")) {
      int i = 1;
      ps.setLong(i++, orgId);
      for (String a : audiences) ps.setString(i++, a);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
