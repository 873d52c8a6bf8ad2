package org.madani.node.federation.sig;

import java.time.Instant;
import java.util.Optional;

/**
 * When a key may sign: from {@code validFrom} (inclusive) until {@code revokedAt} (exclusive);
 * either bound may be absent. A proof whose {@code created} lies outside is refused. {@code
 * created} is the signer's own claim: whoever holds a leaked key can back-date it, so revocation
 * bounds forgeries only together with the time we first saw an object (protocol-spec/integrity.md,
 * "Key rotation and revocation").
 *
 * @param validFrom when the key was published, or empty when unknown
 * @param revokedAt when the key was revoked, or empty while it is active
 */
public record KeyStatus(Optional<Instant> validFrom, Optional<Instant> revokedAt) {

  public KeyStatus {
    if (validFrom.isPresent()
        && revokedAt.isPresent()
        && revokedAt.get().isBefore(validFrom.get())) {
      throw new IllegalArgumentException("revokedAt before validFrom");
    }
  }

  /** A key with no known bounds. */
  public static KeyStatus active() {
    return new KeyStatus(Optional.empty(), Optional.empty());
  }

  /** A key revoked at {@code revokedAt}. */
  public static KeyStatus revoked(Instant revokedAt) {
    return new KeyStatus(Optional.empty(), Optional.of(revokedAt));
  }
}
