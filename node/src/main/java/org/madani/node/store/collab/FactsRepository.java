package org.madani.node.store.collab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Attestations and corrections (tables collab_attestation, collab_correction). Stateless. */
public final class FactsRepository {

  public record AttestationRow(
      long id,
      String objectId,
      String attester,
      String subject,
      String method,
      LocalDate verifiedOn,
      Instant published,
      Instant revoked) {}

  public record CorrectionRow(
      long id,
      String objectId,
      String subject,
      String author,
      String kind,
      String note,
      Instant published) {}

  /** Stores an attestation once per id; a replay changes nothing. */
  public void insertAttestation(Connection c, AttestationRow r) throws SQLException {
    try (PreparedStatement check =
        c.prepareStatement("SELECT 1 FROM collab_attestation WHERE object_id = ?")) {
      check.setString(1, r.objectId());
      try (ResultSet rs = check.executeQuery()) {
        if (rs.next()) return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO collab_attestation(object_id, attester, subject, "
                + "method, verified_on, published) VALUES (?,?,?,?,?,?)")) {
      ps.setString(1, r.objectId());
      ps.setString(2, r.attester());
      ps.setString(3, r.subject());
      ps.setString(4, r.method());
      ps.setObject(5, r.verifiedOn());
      ps.setObject(6, InvitationRepository.toDb(r.published()));
      ps.executeUpdate();
    }
  }

  /**
   * Revokes {@code objectId} when {@code attester} made it; false when there is no such
   * attestation.
   */
  public boolean revoke(Connection c, String objectId, String attester, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE collab_attestation SET revoked = ? WHERE object_id = ? AND attester = ? AND revoked IS NULL")) {
      ps.setObject(1, InvitationRepository.toDb(at));
      ps.setString(2, objectId);
      ps.setString(3, attester);
      return ps.executeUpdate() > 0;
    }
  }

  /** The subject of an attestation, or null. */
  public String subjectOf(Connection c, String objectId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT subject FROM collab_attestation WHERE object_id = ?")) {
      ps.setString(1, objectId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Attestations of {@code subject} not revoked, oldest first. */
  public List<AttestationRow> liveAttestations(Connection c, String subject) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, object_id, attester, subject, method, verified_on, "
                + "published, revoked FROM collab_attestation WHERE subject = ? AND revoked IS NULL ORDER BY published LIMIT 500")) {
      ps.setString(1, subject);
      List<AttestationRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AttestationRow(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getObject(6, LocalDate.class),
                  InvitationRepository.fromDb(rs, 7),
                  InvitationRepository.fromDb(rs, 8)));
        }
      }
      return out;
    }
  }

  /** Stores a correction once per id. */
  public void insertCorrection(Connection c, CorrectionRow r) throws SQLException {
    try (PreparedStatement check =
        c.prepareStatement("SELECT 1 FROM collab_correction WHERE object_id = ?")) {
      check.setString(1, r.objectId());
      try (ResultSet rs = check.executeQuery()) {
        if (rs.next()) return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO collab_correction(object_id, subject, author, kind, "
                + "note, published) VALUES (?,?,?,?,?,?)")) {
      ps.setString(1, r.objectId());
      ps.setString(2, r.subject());
      ps.setString(3, r.author());
      ps.setString(4, r.kind());
      ps.setString(5, r.note());
      ps.setObject(6, InvitationRepository.toDb(r.published()));
      ps.executeUpdate();
    }
  }

  /** Corrections of {@code subject}, newest first. */
  public List<CorrectionRow> corrections(Connection c, String subject) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, object_id, subject, author, kind, note, published "
                + "FROM collab_correction WHERE subject = ? ORDER BY published DESC, id DESC LIMIT 100")) {
      ps.setString(1, subject);
      List<CorrectionRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CorrectionRow(
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
