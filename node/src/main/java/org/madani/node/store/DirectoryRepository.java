package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Read side of the shared directory: own entries and received objects as raw rows, for building
 * and syncing the search index. Reads only; the tables belong to EntryRepository and
 * RemoteObjectRepository. Rows come with what the directory needs beside them (the hosted
 * organization's handle and profile, the remote actor's document, the recipients), so a sync
 * needs one query per source. Stateless; every call runs on the given connection.
 */
public final class DirectoryRepository {

  /** An own entry with its organization; {@code deletedAt} set for tombstones. */
  public record OwnRow(String id, long orgId, String handle, String profile, String kind, String visibility,
      String document, Instant startTime, Instant created, Instant updated, Instant deletedAt) {}

  /**
   * A received object; {@code actorDocument} is null when the actor was never fetched,
   * {@code recipients} the hosted organizations it was addressed to (for non-public ones).
   */
  public record RemoteRow(String id, String actor, String type, String audience, String document,
      String verifiedBy, String via, Instant received, Instant updated, Instant deletedAt,
      String actorDocument, Set<Long> recipients) {}

  /** A name source for organizations: hosted (handle, profile) or remote (actor id, document). */
  public record NameRow(String id, String handle, String document) {}

  private static final String OWN = "SELECT e.id, e.org_id, o.handle, o.profile, e.kind, e.visibility, e.document,"
      + " e.start_time, e.created, e.updated, e.deleted_at FROM entry e JOIN organization o ON o.id = e.org_id";

  private static final String REMOTE = "SELECT r.id, r.actor, r.type, r.audience, r.document, r.verified_by, r.via,"
      + " r.received, r.updated, r.deleted_at, a.document AS actor_document,"
      + " (SELECT LISTAGG(CAST(x.org_id AS VARCHAR), ',') FROM remote_object_recipient x WHERE x.object_id = r.id)"
      + " AS recipients, COALESCE(st.refused OR st.limited, FALSE) AS withheld"
      + " FROM remote_object r LEFT JOIN remote_actor a ON a.id = r.actor"
      + " LEFT JOIN remote_object_standing st ON st.object_id = r.id";

  /** Own entries (live or deleted) changed since {@code since}, or whose organization changed. */
  public List<OwnRow> ownChangedSince(Connection c, Instant since) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(OWN
        + " WHERE e.updated >= ? OR e.deleted_at >= ? OR o.updated >= ?")) {
      for (int i = 1; i <= 3; i++) ps.setObject(i, Timestamps.toDb(since));
      return own(ps);
    }
  }

  /**
   * Own entries in id order after {@code afterId} (null: from the start), tombstones included;
   * for rebuilds. No {@code deleted_at} condition on purpose: with one, H2 picks the deleted_at
   * index and sorts every row for every page (measured: rebuilds 20x slower); callers skip
   * tombstones.
   */
  public List<OwnRow> ownAll(Connection c, String afterId, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(OWN
        + " WHERE e.id > ? ORDER BY e.id LIMIT ?")) {
      ps.setString(1, afterId == null ? "" : afterId);
      ps.setInt(2, limit);
      return own(ps);
    }
  }

  /** Received objects (live or deleted) changed since {@code since}, or whose actor was re-fetched. */
  public List<RemoteRow> remoteChangedSince(Connection c, Instant since) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(REMOTE
        + " WHERE r.updated >= ? OR r.deleted_at >= ? OR a.fetched_at >= ?")) {
      for (int i = 1; i <= 3; i++) ps.setObject(i, Timestamps.toDb(since));
      return remote(ps);
    }
  }

  /** Received objects in id order after {@code afterId}, deleted ones included (see {@link #ownAll}). */
  public List<RemoteRow> remoteAll(Connection c, String afterId, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(REMOTE
        + " WHERE r.id > ? ORDER BY r.id LIMIT ?")) {
      ps.setString(1, afterId == null ? "" : afterId);
      ps.setInt(2, limit);
      return remote(ps);
    }
  }

  /** Ids of the hosted organizations. */
  public Set<Long> hostedOrganizations(Connection c) throws SQLException {
    Set<Long> out = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM organization ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getLong(1));
    }
    return out;
  }

  /** The hosted organization with this handle, if any. */
  public Long hostedOrganization(Connection c, String handle) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM organization WHERE handle = ?")) {
      ps.setString(1, handle);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** Every organization whose entries can be in the directory: hosted ones and remote actors. */
  public List<NameRow> organizationNames(Connection c) throws SQLException {
    List<NameRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT handle, profile FROM organization");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(new NameRow(null, rs.getString(1), rs.getString(2)));
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, document FROM remote_actor WHERE id IN (SELECT DISTINCT actor FROM remote_object)");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(new NameRow(rs.getString(1), null, rs.getString(2)));
    }
    return out;
  }

  private static List<OwnRow> own(PreparedStatement ps) throws SQLException {
    List<OwnRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new OwnRow(rs.getString("id"), rs.getLong("org_id"), rs.getString("handle"),
            rs.getString("profile"), rs.getString("kind"), rs.getString("visibility"), rs.getString("document"),
            Timestamps.fromDb(rs, "start_time"), Timestamps.fromDb(rs, "created"),
            Timestamps.fromDb(rs, "updated"), Timestamps.fromDb(rs, "deleted_at")));
      }
    }
    return out;
  }

  private static List<RemoteRow> remote(PreparedStatement ps) throws SQLException {
    List<RemoteRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Set<Long> recipients = new LinkedHashSet<>();
        String list = rs.getString("recipients");
        if (list != null && !list.isEmpty()) {
          for (String s : list.split(",")) recipients.add(Long.parseLong(s));
        }
        // Content of a blocked, suspended or limited author (trust.md) leaves the directory as if deleted;
        // it returns when the block is lifted (the trust change triggers a reindex).
        Instant deleted = Timestamps.fromDb(rs, "deleted_at");
        if (deleted == null && rs.getBoolean("withheld")) deleted = Instant.EPOCH;
        out.add(new RemoteRow(rs.getString("id"), rs.getString("actor"), rs.getString("type"),
            rs.getString("audience"), rs.getString("document"), rs.getString("verified_by"), rs.getString("via"),
            Timestamps.fromDb(rs, "received"), Timestamps.fromDb(rs, "updated"),
            deleted, rs.getString("actor_document"), recipients));
      }
    }
    return out;
  }
}
