package org.madani.node.federation.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.madani.node.federation.actor.KeyPins;
import org.madani.node.federation.sig.KeyStatus;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.VerificationKey;
import org.madani.node.store.RemoteActorRepository;

/**
 * The keys this node has pinned for an origin actor (seen on its actor document earlier), as a
 * lookup for proof verification. Only Ed25519 keys verify object proofs. Relayed items are checked
 * against these without contacting the origin.
 */
final class OriginKeys {
  private OriginKeys() {}

  static Function<String, Optional<VerificationKey>> of(
      Connection c, RemoteActorRepository repo, String origin) throws SQLException {
    Map<String, VerificationKey> keys = new HashMap<>();
    for (var k : repo.keysOf(c, origin)) {
      if ("ed25519".equals(k.algorithm())) {
        keys.put(
            k.keyId(),
            VerificationKey.of(
                k.keyId(),
                k.actorId(),
                Keys.publicKeyFromPem(k.publicPem()),
                SignatureAlgorithm.ED25519));
      }
    }
    return id -> Optional.ofNullable(keys.get(id));
  }

  /**
   * Validity bounds of the origin's pinned keys: proofs created at or after a revocation, or after
   * a rotated-out key's overlap, are refused (protocol-spec/keys.md).
   */
  static Function<String, Optional<KeyStatus>> statuses(
      Connection c, RemoteActorRepository repo, String origin) throws SQLException {
    return KeyPins.statuses(repo.keysOf(c, origin));
  }
}
