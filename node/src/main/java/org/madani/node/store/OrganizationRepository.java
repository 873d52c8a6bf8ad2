package org.madani.node.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madani.node.model.Organization;

/** Hosted organizations and their profiles. Stateless; every call runs on the given connection. */
public final class OrganizationRepository {

  private final JsonColumns json;

  public OrganizationRepository(ObjectMapper json) {
    this.json = new JsonColumns(json);
  }

  public Organization insert(Connection c, String handle, ObjectNode profile, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO organization(handle, profile, version, created, updated) VALUES (?,?,1,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, handle);
      ps.setString(2, json.write(profile));
      ps.setObject(3, Timestamps.toDb(now));
      ps.setObject(4, Timestamps.toDb(now));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return new Organization(keys.getLong(1), handle, profile, 1, now, now);
      }
    }
  }

  public Optional<Organization> findByHandle(Connection c, String handle) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, handle, profile, version, created, updated FROM organization WHERE handle = ?")) {
      ps.setString(1, handle);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  /** The id of the organization with this handle, without reading (and parsing) its profile. */
  public Optional<Long> idByHandle(Connection c, String handle) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM organization WHERE handle = ?")) {
      ps.setString(1, handle);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Every hosted organization's id, in id order. */
  public List<Long> allIds(Connection c) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM organization ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getLong(1));
    }
    return out;
  }

  public Optional<Organization> findById(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, handle, profile, version, created, updated FROM organization WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  public List<Organization> listAll(Connection c) throws SQLException {
    List<Organization> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, handle, profile, version, created, updated FROM organization ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(map(rs));
    }
    return out;
  }

  /** Replaces the profile if the stored version is {@code expectedVersion}; false otherwise. */
  public boolean update(Connection c, long id, ObjectNode profile, int expectedVersion, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE organization SET profile = ?, version = version + 1, updated = ? "
                + "WHERE id = ? AND version = ?")) {
      ps.setString(1, json.write(profile));
      ps.setObject(2, Timestamps.toDb(now));
      ps.setLong(3, id);
      ps.setInt(4, expectedVersion);
      return ps.executeUpdate() == 1;
    }
  }

  private Organization map(ResultSet rs) throws SQLException {
    return new Organization(
        rs.getLong("id"),
        rs.getString("handle"),
        json.read(rs.getString("profile"), "profile"),
        rs.getInt("version"),
        Timestamps.fromDb(rs, "created"),
        Timestamps.fromDb(rs, "updated"));
  }
}
