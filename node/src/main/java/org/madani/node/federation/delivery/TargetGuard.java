package org.madani.node.federation.delivery;

import io.vertx.core.Future;
import java.net.URI;
import org.madani.node.federation.fetch.Vetted;

/**
 * Decides whether the node may send a request to an address, checked right before each delivery
 * attempt: an inbox URL comes from a remote actor document, so without this check a hostile peer
 * could point us at loopback, link-local or private addresses (SSRF).
 *
 * <p>Contract: succeed with the {@link Vetted} addresses when the target is allowed; the request
 * then goes to one of those addresses and the host is never looked up again (a second lookup could
 * answer with a private address: DNS rebinding). Fail with {@link ForbiddenTargetException} when it
 * is forbidden; the job is then dead and never retried. Any other failure (for example a DNS lookup
 * that timed out) is treated like a connection error and retried later.
 *
 * <p>Thread-safety: called on the worker's event loop; must not block (resolve names with Vert.x's
 * DNS client or off the loop).
 */
@FunctionalInterface
public interface TargetGuard {

  Future<Vetted> check(URI target);
}
