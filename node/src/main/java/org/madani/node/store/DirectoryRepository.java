package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read side of the shared directory: own entries and received objects as raw rows, for building and
 * syncing the search index. Reads only; the tables belong to EntryRepository and
 * RemoteObjectRepository. Rows come with what the directory needs beside them (the hosted
 * organization's handle and profile, the remote actor's document, the recipients). Syncs follow the
 * change sequence ({@code directory_change}, written by {@link DirectoryChangeTrigger}) and read
 * rows by key, so their cost follows what changed, never the size of the tables. Stateless; every
 * call runs on the given connection.
 */
public final class DirectoryRepository {

  /** How long a reader that stopped reporting still holds back deleting changes (V130). */
  static final java.time.Duration READER_KEPT = java.time.Duration.ofDays(7);

  private final String reader;

  /** For a node whose index is the only reader of its database (tests, tools). */
  public DirectoryRepository() {
    this("index");
  }

  /**
   * @param reader names this process's search index among those reading the same database (host
   *     name and index path), for {@link #forgetChanges}
   */
  public DirectoryRepository(String reader) {
    this.reader = java.util.Objects.requireNonNull(reader, "reader");
  }

  /** An own entry with its organization; {@code deletedAt} set for tombstones. */
  public record OwnRow(
      String id,
      long orgId,
      String handle,
      String profile,
      String kind,
      String visibility,
      String document,
      Instant startTime,
      Instant created,
      Instant updated,
      Instant deletedAt) {}

  /**
   * A received object; {@code actorDocument} is null when the actor was never fetched, {@code
   * recipients} the hosted organizations it was addressed to (for non-public ones).
   */
  public record RemoteRow(
      String id,
      String actor,
      String type,
      String audience,
      String document,
      String verifiedBy,
      String via,
      Instant received,
      Instant updated,
      Instant deletedAt,
      String actorDocument,
      Set<Long> recipients) {}

  /** A name source for organizations: hosted (handle, profile) or remote (actor id, document). */
  public record NameRow(String id, String handle, String document) {}

  private static final String OWN =
      "SELECT e.id, e.org_id, o.handle, o.profile, e.kind, e.visibility, e.document,"
          + " e.start_time, e.created, e.updated, e.deleted_at FROM entry e JOIN organization o ON o.id = e.org_id";

  /**
   * Received objects with their actor's document; recipients and standing are read per batch by id.
   */
  private static final String REMOTE =
      "SELECT r.id, r.actor, r.type, r.audience, r.document, r.verified_by, r.via,"
          + " r.received, r.updated, r.deleted_at FROM remote_object r";

  /** A numbered change the directory index must apply (V10 {@code directory_change}). */
  public record Change(long seq, char kind, String ref) {}

  /**
   * Changes after {@code afterSeq} in sequence order, at most {@code limit}: a read through the
   * primary key that costs what changed, not what is stored.
   */
  public List<Change> changesAfter(Connection c, long afterSeq, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT seq, kind, ref FROM directory_change WHERE seq > ? ORDER BY seq LIMIT ?")) {
      ps.setLong(1, afterSeq);
      ps.setInt(2, limit);
      return changes(ps);
    }
  }

  /** The changes with these numbers that exist (committed) now; for numbers skipped earlier. */
  public List<Change> changesIn(Connection c, Collection<Long> seqs) throws SQLException {
    if (seqs.isEmpty()) return List.of();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT seq, kind, ref FROM directory_change WHERE seq IN ("
                + marks(seqs.size())
                + ") ORDER BY seq")) {
      int i = 1;
      for (long s : seqs) ps.setLong(i++, s);
      return changes(ps);
    }
  }

  /** The highest change number committed so far, 0 when none. */
  public long lastChange(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM directory_change");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Records that this reader's committed index has applied changes up to {@code seq}, and forgets
   * the changes every reader seen lately has applied (V130: several processes on one PostgreSQL
   * database each keep their own index; one alone behaves as before).
   */
  public int forgetChanges(Connection c, long seq) throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert("directory_reader", "reader, applied, seen", "reader", "?, ?, ?"))) {
      ps.setString(1, reader);
      ps.setLong(2, seq);
      ps.setObject(3, now);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM directory_change WHERE seq <= ? AND seq <= "
                + "(SELECT MIN(applied) FROM directory_reader WHERE seen >= ?)")) {
      ps.setLong(1, seq);
      ps.setObject(2, now.minus(READER_KEPT));
      return ps.executeUpdate();
    }
  }

  /** Own entries (live or deleted) with these ids. */
  public List<OwnRow> ownByIds(Connection c, Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) return List.of();
    try (PreparedStatement ps =
        c.prepareStatement(OWN + " WHERE e.id IN (" + marks(ids.size()) + ")")) {
      int i = 1;
      for (String id : ids) ps.setString(i++, id);
      return own(ps);
    }
  }

  /** Own entries (live or deleted) of one hosted organization (its profile changed). */
  public List<OwnRow> ownOfOrganization(Connection c, long orgId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(OWN + " WHERE e.org_id = ?")) {
      ps.setLong(1, orgId);
      return own(ps);
    }
  }

  /**
   * Own entries in id order after {@code afterId} (null: from the start), tombstones included; for
   * rebuilds. No {@code deleted_at} condition on purpose: with one, H2 picks the deleted_at index
   * and sorts every row for every page (measured: rebuilds 20x slower); callers skip tombstones.
   */
  public List<OwnRow> ownAll(Connection c, String afterId, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(OWN + " WHERE e.id > ? ORDER BY e.id LIMIT ?")) {
      ps.setString(1, afterId == null ? "" : afterId);
      ps.setInt(2, limit);
      return own(ps);
    }
  }

  /** Received objects (live or deleted) with these ids; ids no longer stored are left out. */
  public List<RemoteRow> remoteByIds(Connection c, Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) return List.of();
    try (PreparedStatement ps =
        c.prepareStatement(REMOTE + " WHERE r.id IN (" + marks(ids.size()) + ")")) {
      int i = 1;
      for (String id : ids) ps.setString(i++, id);
      return remote(c, ps);
    }
  }

  /**
   * Ids of received objects whose actor id starts with {@code prefix} (one actor: its id plus
   * nothing; one node: its origin plus "/"), through the actor index.
   */
  public List<String> remoteIdsByActorPrefix(Connection c, String prefix, boolean exact)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            exact
                ? "SELECT id FROM remote_object WHERE actor = ?"
                : "SELECT id FROM remote_object WHERE actor >= ? AND actor < ?")) {
      ps.setString(1, prefix);
      if (!exact) ps.setString(2, prefix + Character.MAX_VALUE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * Received objects in id order after {@code afterId}, deleted ones included (see {@link
   * #ownAll}).
   */
  public List<RemoteRow> remoteAll(Connection c, String afterId, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(REMOTE + " WHERE r.id > ? ORDER BY r.id LIMIT ?")) {
      ps.setString(1, afterId == null ? "" : afterId);
      ps.setInt(2, limit);
      return remote(c, ps);
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
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM organization WHERE handle = ?")) {
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
    try (PreparedStatement ps =
            c.prepareStatement(
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
        out.add(
            new OwnRow(
                rs.getString("id"),
                rs.getLong("org_id"),
                rs.getString("handle"),
                rs.getString("profile"),
                rs.getString("kind"),
                rs.getString("visibility"),
                rs.getString("document"),
                Timestamps.fromDb(rs, "start_time"),
                Timestamps.fromDb(rs, "created"),
                Timestamps.fromDb(rs, "updated"),
                Timestamps.fromDb(rs, "deleted_at")));
      }
    }
    return out;
  }

  /**
   * Reads received rows, then their recipients for the whole batch by id (a primary-key lookup per
   * row, no correlated aggregate per row) and their authors' trust standing once per author.
   */
  private static List<RemoteRow> remote(Connection c, PreparedStatement ps) throws SQLException {
    record Base(
        String id,
        String actor,
        String type,
        String audience,
        String document,
        String verifiedBy,
        String via,
        Instant received,
        Instant updated,
        Instant deletedAt) {}
    List<Base> base = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        base.add(
            new Base(
                rs.getString("id"),
                rs.getString("actor"),
                rs.getString("type"),
                rs.getString("audience"),
                rs.getString("document"),
                rs.getString("verified_by"),
                rs.getString("via"),
                Timestamps.fromDb(rs, "received"),
                Timestamps.fromDb(rs, "updated"),
                Timestamps.fromDb(rs, "deleted_at")));
      }
    }
    if (base.isEmpty()) return List.of();
    // Each author's document once per batch (a burst is many objects from few authors): one
    // String per author, shared by its rows, instead of a join that copies it into every row.
    Map<String, String> actorDocuments = new HashMap<>();
    List<String> actors = base.stream().map(Base::actor).distinct().toList();
    try (PreparedStatement ap =
        c.prepareStatement(
            "SELECT id, document FROM remote_actor WHERE id IN (" + marks(actors.size()) + ")")) {
      for (int i = 0; i < actors.size(); i++) ap.setString(i + 1, actors.get(i));
      try (ResultSet rs = ap.executeQuery()) {
        while (rs.next()) actorDocuments.put(rs.getString(1), rs.getString(2));
      }
    }
    List<String> ids = base.stream().map(Base::id).toList();
    Map<String, Set<Long>> recipients = new HashMap<>();
    try (PreparedStatement rp =
        c.prepareStatement(
            "SELECT object_id, org_id FROM remote_object_recipient"
                + " WHERE object_id IN ("
                + marks(ids.size())
                + ") ORDER BY object_id, org_id")) {
      for (int i = 0; i < ids.size(); i++) rp.setString(i + 1, ids.get(i));
      try (ResultSet rs = rp.executeQuery()) {
        while (rs.next())
          recipients
              .computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>())
              .add(rs.getLong(2));
      }
    }
    // Standing (V7 remote_object_standing) is the author's: whether the author or its node is
    // refused or limited. Asked for one object per author, not for every object of the batch (the
    // view's host expression and four subqueries per object were ~5 % of a node's CPU in a burst).
    Map<String, String> oneObjectOf = new LinkedHashMap<>();
    for (Base b : base) oneObjectOf.putIfAbsent(b.actor(), b.id());
    Map<String, String> authorOf = new HashMap<>();
    oneObjectOf.forEach((actor, id) -> authorOf.put(id, actor));
    Set<String> withheldAuthors = new HashSet<>();
    try (PreparedStatement sp =
        c.prepareStatement(
            "SELECT object_id FROM remote_object_standing"
                + " WHERE object_id IN ("
                + marks(authorOf.size())
                + ") AND (refused OR limited)")) {
      int i = 1;
      for (String id : oneObjectOf.values()) sp.setString(i++, id);
      try (ResultSet rs = sp.executeQuery()) {
        while (rs.next()) withheldAuthors.add(authorOf.get(rs.getString(1)));
      }
    }
    List<RemoteRow> out = new ArrayList<>(base.size());
    for (Base b : base) {
      // Content of a blocked, suspended or limited author (trust.md) leaves the directory as if
      // deleted;
      // it returns when the block is lifted (the trust change is a directory change, V10).
      Instant deleted = b.deletedAt();
      if (deleted == null && withheldAuthors.contains(b.actor())) deleted = Instant.EPOCH;
      out.add(
          new RemoteRow(
              b.id(),
              b.actor(),
              b.type(),
              b.audience(),
              b.document(),
              b.verifiedBy(),
              b.via(),
              b.received(),
              b.updated(),
              deleted,
              actorDocuments.get(b.actor()),
              recipients.getOrDefault(b.id(), Set.of())));
    }
    return out;
  }

  private static List<Change> changes(PreparedStatement ps) throws SQLException {
    List<Change> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next())
        out.add(new Change(rs.getLong(1), rs.getString(2).charAt(0), rs.getString(3)));
    }
    return out;
  }

  private static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }
}
