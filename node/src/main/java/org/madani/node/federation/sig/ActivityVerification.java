package org.madani.node.federation.sig;

import java.util.Objects;
import java.util.Optional;

/**
 * The proofs of an activity and of the object it embeds, verified independently (see {@link
 * ObjectProofs#verifyWithEmbedded}).
 *
 * @param activity the activity's own proof
 * @param object the embedded object's proof; empty when the object is a link or carries no proof
 */
public record ActivityVerification(ProofVerification activity, Optional<ProofVerification> object) {

  public ActivityVerification {
    Objects.requireNonNull(activity);
    Objects.requireNonNull(object);
  }
}
