package org.madani.node.federation.fetch;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.net.URI;

/**
 * Signs an outgoing GET for peers that require authorized fetch. Called once per hop, with that
 * hop's URL, because the signature covers the target and host and a redirect changes both.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface GetSigner {

  /** Does not sign: the default. */
  GetSigner NONE = target -> Future.succeededFuture(MultiMap.caseInsensitiveMultiMap());

  /** Headers to add to a GET of {@code target} (e.g. {@code Date}, {@code Signature}). */
  Future<MultiMap> sign(URI target);
}
