package org.madani.node.trust;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.federation.actor.RevocationStatements;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.KeyRepository;
import org.madani.node.store.KeyRepository.KeyRow;
import org.madani.node.store.OrganizationRepository;

/**
 * Our organizations' keys over time (protocol-spec/keys.md): rotation to a new Ed25519 key,
 * announced to followers in an Update signed by the key they already pinned; and revocation after
 * compromise, declared in a statement signed with the offline recovery key. Each runs in one
 * transaction with the Update queued for delivery in it. Thread-safe.
 */
public final class KeyRotation {

  /**
   * Default rotation overlap: both keys verify for a week, long enough for slow or offline peers.
   */
  public static final Duration DEFAULT_OVERLAP = Duration.ofDays(7);

  private final Database db;
  private final OrganizationRepository orgs;
  private final KeyRepository keyRows;
  private final OrganizationKeys keys;
  private final LocalActors actors;
  private final Outbox outbox;
  private final Path keysDir;
  private final Duration overlap;
  private final Clock clock;

  public KeyRotation(
      Database db,
      OrganizationRepository orgs,
      KeyRepository keyRows,
      LocalActors actors,
      Outbox outbox,
      Path keysDir,
      Duration overlap,
      Clock clock) {
    this(db, orgs, keyRows, actors, outbox, keysDir, overlap, clock, PrivateKeyFiles.PLAIN);
  }

  /**
   * @param keyFiles how new private key files are written (encrypted when a passphrase is set)
   */
  public KeyRotation(
      Database db,
      OrganizationRepository orgs,
      KeyRepository keyRows,
      LocalActors actors,
      Outbox outbox,
      Path keysDir,
      Duration overlap,
      Clock clock,
      PrivateKeyFiles keyFiles) {
    if (overlap.isNegative()) throw new IllegalArgumentException("overlap must not be negative");
    this.db = db;
    this.orgs = orgs;
    this.keyRows = keyRows;
    this.keys = new OrganizationKeys(keyRows, keyFiles);
    this.actors = actors;
    this.outbox = outbox;
    this.keysDir = keysDir;
    this.overlap = overlap;
    this.clock = clock;
  }

  /** What a rotation did, with the key ids as peers see them. */
  public record Rotated(String oldKeyId, String newKeyId, Instant oldKeyExpires) {}

  public Future<Rotated> rotate(String handle) {
    return db.tx(c -> rotate(c, organization(c, handle)));
  }

  /** Blocking form for the command line. */
  public Rotated rotateBlocking(String handle) throws SQLException {
    return db.txBlocking(c -> rotate(c, organization(c, handle)));
  }

  private Rotated rotate(Connection c, Organization org) throws SQLException {
    // The key that signs the announcement is read before the rotation: it is the one peers know.
    SigningKey old = actors.ed25519(c, org);
    OrganizationKeys.Rotated r =
        keys.rotate(c, org.id(), org.handle(), keysDir, clock.instant(), overlap);
    outbox.keysChanged(c, org, old);
    return new Rotated(old.keyId(), actors.keyId(org.handle(), r.newFragment()), r.oldExpires());
  }

  /** What a revocation did. {@code statement} is the signed statement peers receive. */
  public record Revoked(
      String revokedKeyId, Instant since, String signingKeyId, String statement) {}

  /**
   * Declares {@code fragment} compromised since {@code since}, proven by the recovery key (its
   * private half, from the offline file): signs the statement, rotates to a new signing key when
   * the revoked one is current (no overlap: the old key is not to be trusted), records the
   * revocation and queues an Update of the actor (carrying the statement) signed by the new key.
   * Blocking; for the command line, with the node stopped.
   */
  public Revoked revokeBlocking(
      String handle, String fragment, Instant since, java.security.PrivateKey recovery)
      throws SQLException {
    Instant now = clock.instant();
    if (since.isAfter(now)) throw Problem.unprocessable("--since must not be in the future.");
    return db.txBlocking(
        c -> {
          Organization org = organization(c, handle);
          KeyRow target = null;
          KeyRow recoveryRow = null;
          for (KeyRow k : keyRows.forOrganization(c, org.id())) {
            if (k.fragment().equals(fragment)
                && "ed25519".equals(k.algorithm())
                && "signing".equals(k.purpose())) target = k;
            if ("recovery".equals(k.purpose())
                && k.revokedAt() == null
                && pair(recovery, Keys.publicKeyFromPem(k.publicPem()))) recoveryRow = k;
          }
          if (target == null)
            throw Problem.notFound("No Ed25519 signing key " + fragment + " of " + handle + ".");
          if (target.revokedAt() != null)
            throw Problem.conflict("Key " + fragment + " is already revoked.");
          if (recoveryRow == null) {
            throw Problem.unprocessable("That is not this organization's recovery key.");
          }
          if (target.current()) keys.rotate(c, org.id(), handle, keysDir, now, Duration.ZERO);
          SigningKey replacement = actors.ed25519(c, org);
          PublicKey replacementPublic = null;
          for (KeyRow k : keyRows.forOrganization(c, org.id())) {
            if (replacement.keyId().equals(actors.keyId(handle, k.fragment())))
              replacementPublic = Keys.publicKeyFromPem(k.publicPem());
          }
          String actorId = actors.actorId(handle);
          SigningKey recoveryKey =
              new SigningKey(
                  actors.keyId(handle, recoveryRow.fragment()),
                  SignatureAlgorithm.ED25519,
                  recovery);
          String statement =
              RevocationStatements.sign(
                      actorId,
                      actors.keyId(handle, fragment),
                      since,
                      replacement.keyId(),
                      replacementPublic,
                      recoveryKey,
                      now)
                  .toString();
          keyRows.revoke(c, org.id(), fragment, since, statement);
          outbox.keysChanged(c, org, replacement);
          return new Revoked(actors.keyId(handle, fragment), since, replacement.keyId(), statement);
        });
  }

  /**
   * Whether the private key belongs to the public one: a signature by one verifies with the other.
   */
  private static boolean pair(java.security.PrivateKey priv, PublicKey pub) {
    try {
      byte[] probe =
          "madani recovery key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      java.security.Signature s = java.security.Signature.getInstance("Ed25519");
      s.initSign(priv);
      s.update(probe);
      byte[] sig = s.sign();
      java.security.Signature v = java.security.Signature.getInstance("Ed25519");
      v.initVerify(pub);
      v.update(probe);
      return v.verify(sig);
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }

  private Organization organization(Connection c, String handle) throws SQLException {
    return orgs.findByHandle(c, handle)
        .orElseThrow(() -> Problem.notFound("No such organization."));
  }
}
