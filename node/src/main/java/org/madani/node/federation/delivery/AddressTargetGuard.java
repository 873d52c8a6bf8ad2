package org.madani.node.federation.delivery;

import io.vertx.core.Future;
import java.net.URI;
import java.util.Objects;
import java.util.function.Predicate;
import org.madani.node.federation.fetch.AddressGuard;
import org.madani.node.federation.fetch.FetchException;
import org.madani.node.federation.fetch.Vetted;

/**
 * The node's {@link TargetGuard}: the trust settings first (a blocked node, or one off the
 * allowlist, is refused without a lookup), then the {@link AddressGuard} (scheme, private and
 * reserved addresses).
 *
 * <p>A refused target makes the job dead, not waiting: the block is deliberate, and content shared
 * after an unblock goes out afresh. A lookup that failed is retried like a connection error.
 *
 * <p>Immutable and thread-safe.
 */
public record AddressTargetGuard(AddressGuard addresses, Predicate<URI> trustPolicy)
    implements TargetGuard {

  public AddressTargetGuard {
    Objects.requireNonNull(addresses, "addresses");
    Objects.requireNonNull(trustPolicy, "trustPolicy");
  }

  @Override
  public Future<Vetted> check(URI target) {
    if (!trustPolicy.test(target)) {
      return Future.failedFuture(
          new ForbiddenTargetException("refused by this node's trust settings"));
    }
    return addresses
        .check(target)
        .recover(
            err ->
                Future.failedFuture(
                    err instanceof FetchException fe && !fe.retryable()
                        ? new ForbiddenTargetException(fe.getMessage())
                        : err));
  }
}
