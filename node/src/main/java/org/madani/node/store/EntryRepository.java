package org.madani.node.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madani.node.model.Entry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.EntryQuery;
import org.madani.node.model.Page;
import org.madani.node.model.Visibility;

/**
 * Entries of hosted organizations. Deleting keeps a tombstone row (deleted_at) so that the
 * federation layer can answer for a deleted object with 410 Gone; finders skip tombstones.
 * Stateless; every call runs on the given connection.
 */
public final class EntryRepository {

  private static final String COLUMNS =
      "e.id, e.org_id, e.kind, e.visibility, e.document, e.version, e.start_time, e.created, e.updated";

  private final JsonColumns json;

  public EntryRepository(ObjectMapper json) {
    this.json = new JsonColumns(json);
  }

  public void insert(Connection c, Entry e) throws SQLException {
    insertAll(c, List.of(e));
  }

  /**
   * Inserts new entries, with one JDBC batch for the entry rows and one for their facets (bulk
   * import, issue 13): two statements per batch instead of two per entry.
   */
  public void insertAll(Connection c, List<Entry> entries) throws SQLException {
    if (entries.isEmpty()) return;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO entry(id, org_id, kind, visibility, document, version, start_time, created, updated) "
                + "VALUES (?,?,?,?,?,?,?,?,?)")) {
      for (Entry e : entries) {
        ps.setString(1, e.id());
        ps.setLong(2, e.orgId());
        ps.setString(3, e.kind().wireName());
        ps.setString(4, e.visibility().wireName());
        ps.setString(5, json.write(e.document()));
        ps.setInt(6, e.version());
        ps.setObject(7, Timestamps.toDb(e.startTime()));
        ps.setObject(8, Timestamps.toDb(e.created()));
        ps.setObject(9, Timestamps.toDb(e.updated()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    writeFacets(c, entries);
  }

  /**
   * Replaces an entry if its stored version is {@code expectedVersion} (optimistic concurrency).
   * Returns false when the version moved on or the entry is gone.
   */
  public boolean update(Connection c, Entry e, int expectedVersion) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE entry SET visibility = ?, document = ?, version = ?, start_time = ?, updated = ? "
                + "WHERE id = ? AND org_id = ? AND version = ? AND deleted_at IS NULL")) {
      ps.setString(1, e.visibility().wireName());
      ps.setString(2, json.write(e.document()));
      ps.setInt(3, e.version());
      ps.setObject(4, Timestamps.toDb(e.startTime()));
      ps.setObject(5, Timestamps.toDb(e.updated()));
      ps.setString(6, e.id());
      ps.setLong(7, e.orgId());
      ps.setInt(8, expectedVersion);
      if (ps.executeUpdate() != 1) return false;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM entry_facet WHERE entry_id = ?")) {
      ps.setString(1, e.id());
      ps.executeUpdate();
    }
    writeFacets(c, List.of(e));
    return true;
  }

  /** Marks an entry deleted. Returns false when there was no live entry. */
  public boolean markDeleted(Connection c, long orgId, String id, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE entry SET deleted_at = ?, document = '{}', version = version + 1 "
                + "WHERE id = ? AND org_id = ? AND deleted_at IS NULL")) {
      ps.setObject(1, Timestamps.toDb(now));
      ps.setString(2, id);
      ps.setLong(3, orgId);
      if (ps.executeUpdate() != 1) return false;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM entry_facet WHERE entry_id = ?")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
    return true;
  }

  public Optional<Entry> find(Connection c, long orgId, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM entry e WHERE e.id = ? AND e.org_id = ? AND e.deleted_at IS NULL")) {
      ps.setString(1, id);
      ps.setLong(2, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  /** When the entry existed and was deleted, the time of deletion. */
  public Optional<Instant> deletedAt(Connection c, long orgId, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT deleted_at FROM entry WHERE id = ? AND org_id = ? AND deleted_at IS NOT NULL")) {
      ps.setString(1, id);
      ps.setLong(2, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Timestamps.fromDb(rs, "deleted_at")) : Optional.empty();
      }
    }
  }

  public Page<Entry> list(Connection c, long orgId, EntryQuery q) throws SQLException {
    StringBuilder where =
        new StringBuilder(" FROM entry e WHERE e.org_id = ? AND e.deleted_at IS NULL");
    List<Object> args = new ArrayList<>();
    args.add(orgId);
    if (q.kind() != null) {
      where.append(" AND e.kind = ?");
      args.add(q.kind().wireName());
    }
    if (q.visibility() != null) {
      where.append(" AND e.visibility = ?");
      args.add(q.visibility().wireName());
    }
    if (q.sector() != null) {
      where.append(
          " AND EXISTS (SELECT 1 FROM entry_facet f WHERE f.entry_id = e.id AND f.facet = 'sector' AND f.term = ?)");
      args.add(q.sector());
    }
    if (q.region() != null) {
      where.append(
          " AND EXISTS (SELECT 1 FROM entry_facet f WHERE f.entry_id = e.id AND f.facet = 'region' AND f.term = ?)");
      args.add(q.region());
    }
    if (q.from() != null) {
      where.append(" AND e.start_time >= ?");
      args.add(Timestamps.toDb(q.from()));
    }
    if (q.to() != null) {
      where.append(" AND e.start_time < ?");
      args.add(Timestamps.toDb(q.to()));
    }
    long total;
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + where)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    List<Entry> items = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + where + " ORDER BY e.updated DESC, e.id LIMIT ? OFFSET ?")) {
      bind(ps, args);
      ps.setInt(args.size() + 1, q.pageSize());
      ps.setInt(args.size() + 2, q.offset());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) items.add(map(rs));
      }
    }
    return new Page<>(items, q.page(), q.pageSize(), total);
  }

  /** The entries' sector and region facets, in one JDBC batch. */
  private void writeFacets(Connection c, List<Entry> entries) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert(
                    "entry_facet", "entry_id, facet, term", "entry_id, facet, term", "?,?,?"))) {
      int n = 0;
      for (Entry e : entries) {
        n += addFacets(ps, e.id(), "sector", e.document().path("sectors"));
        n += addFacets(ps, e.id(), "region", e.document().path("regions"));
      }
      if (n > 0) ps.executeBatch();
    }
  }

  private static int addFacets(PreparedStatement ps, String id, String facet, JsonNode terms)
      throws SQLException {
    int n = 0;
    for (JsonNode t : terms) {
      ps.setString(1, id);
      ps.setString(2, facet);
      ps.setString(3, t.asText());
      ps.addBatch();
      n++;
    }
    return n;
  }

  private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
  }

  private Entry map(ResultSet rs) throws SQLException {
    return new Entry(
        rs.getString("id"),
        rs.getLong("org_id"),
        EntryKind.fromWire(rs.getString("kind")).orElseThrow(),
        Visibility.fromWire(rs.getString("visibility")).orElseThrow(),
        json.read(rs.getString("document"), "entry"),
        rs.getInt("version"),
        Timestamps.fromDb(rs, "start_time"),
        Timestamps.fromDb(rs, "created"),
        Timestamps.fromDb(rs, "updated"));
  }
}
