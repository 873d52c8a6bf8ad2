package org.madani.node.federation.sig;

import java.util.Optional;

/**
 * Finds the verification key for a key id. Implementations may consult a cache or fetch the owning
 * actor; verifiers call it only after the cheap checks (coverage, time window) pass, so a forged
 * request cannot make us fetch keys for free.
 *
 * <p>Implementations must be thread-safe: one verifier serves many requests concurrently. A
 * blocking implementation must not be called on an event loop.
 */
@FunctionalInterface
public interface KeyResolver {

  /** The key for {@code keyId}, or empty when it is unknown. */
  Optional<VerificationKey> resolve(String keyId);
}
