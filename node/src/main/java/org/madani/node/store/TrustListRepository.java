package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Subscriptions to peers' published trust lists and the changes they propose. Stateless. */
public final class TrustListRepository {

  public record SubscriptionRow(
      long id, String url, String issuer, Instant lastFetched, String lastError, Instant created) {}

  public record ChangeRow(
      long id,
      long subscriptionId,
      String subjectType,
      String subject,
      String oldLevel,
      String newLevel,
      String note,
      String state,
      Instant created,
      Instant decided) {}

  public long subscribe(Connection c, String url, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO trust_subscription(url, created) VALUES (?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, url);
      ps.setObject(2, Timestamps.toDb(now));
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public boolean unsubscribe(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM trust_subscription WHERE id = ?")) {
      ps.setLong(1, id);
      return ps.executeUpdate() == 1;
    }
  }

  public List<SubscriptionRow> subscriptions(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, url, issuer, last_fetched, last_error, created FROM trust_subscription ORDER BY id")) {
      List<SubscriptionRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new SubscriptionRow(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  Timestamps.fromDb(rs, "last_fetched"),
                  rs.getString(5),
                  Timestamps.fromDb(rs, "created")));
        }
      }
      return out;
    }
  }

  public Optional<SubscriptionRow> subscription(Connection c, long id) throws SQLException {
    return subscriptions(c).stream().filter(s -> s.id() == id).findFirst();
  }

  public void fetched(Connection c, long id, String issuer, String error, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE trust_subscription SET issuer = COALESCE(?, issuer), last_fetched = ?, last_error = ? WHERE id = ?")) {
      ps.setString(1, issuer);
      ps.setObject(2, Timestamps.toDb(now));
      ps.setString(3, error);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  /**
   * Queues a change unless the same one is already pending; older different pending ones are
   * superseded.
   */
  public boolean propose(
      Connection c,
      long subscriptionId,
      String type,
      String subject,
      String oldLevel,
      String newLevel,
      String note,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM trust_list_change WHERE subscription_id = ? "
                + "AND subject_type = ? AND subject = ? AND new_level = ? AND state = 'pending'")) {
      ps.setLong(1, subscriptionId);
      ps.setString(2, type);
      ps.setString(3, subject);
      ps.setString(4, newLevel);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) return false;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE trust_list_change SET state = 'superseded', decided = ? "
                + "WHERE subscription_id = ? AND subject_type = ? AND subject = ? AND state = 'pending'")) {
      ps.setObject(1, Timestamps.toDb(now));
      ps.setLong(2, subscriptionId);
      ps.setString(3, type);
      ps.setString(4, subject);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO trust_list_change(subscription_id, subject_type, "
                + "subject, old_level, new_level, note, created) VALUES (?,?,?,?,?,?,?)")) {
      ps.setLong(1, subscriptionId);
      ps.setString(2, type);
      ps.setString(3, subject);
      ps.setString(4, oldLevel);
      ps.setString(5, newLevel);
      ps.setString(6, note);
      ps.setObject(7, Timestamps.toDb(now));
      ps.executeUpdate();
      return true;
    }
  }

  /** Pending changes no longer proposed by the latest list are dropped (superseded). */
  public void supersedeExcept(Connection c, long subscriptionId, List<Long> keep, Instant now)
      throws SQLException {
    for (ChangeRow r : changes(c, subscriptionId, "pending")) {
      if (keep.contains(r.id())) continue;
      decide(c, r.id(), "superseded", now);
    }
  }

  public List<ChangeRow> changes(Connection c, Long subscriptionId, String state)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            SELECT
                + " WHERE 1 = 1"
                + (subscriptionId == null ? "" : " AND subscription_id = ?")
                + (state == null ? "" : " AND state = ?")
                + " ORDER BY id")) {
      int i = 1;
      if (subscriptionId != null) ps.setLong(i++, subscriptionId);
      if (state != null) ps.setString(i, state);
      return all(ps);
    }
  }

  public Optional<ChangeRow> change(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
      ps.setLong(1, id);
      List<ChangeRow> all = all(ps);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
  }

  public boolean decide(Connection c, long id, String state, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE trust_list_change SET state = ?, decided = ? WHERE id = ? AND state = 'pending'")) {
      ps.setString(1, state);
      ps.setObject(2, Timestamps.toDb(now));
      ps.setLong(3, id);
      return ps.executeUpdate() == 1;
    }
  }

  private static final String SELECT =
      "SELECT id, subscription_id, subject_type, subject, old_level, new_level, note, "
          + "state, created, decided FROM trust_list_change";

  private static List<ChangeRow> all(PreparedStatement ps) throws SQLException {
    List<ChangeRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ChangeRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                Timestamps.fromDb(rs, "created"),
                Timestamps.fromDb(rs, "decided")));
      }
    }
    return out;
  }
}
