package org.madani.node.federation.delivery;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.madani.node.model.SignatureScheme;

/**
 * Signs one outgoing POST on behalf of a hosted organization. Implemented by the signature code
 * ({@code federation.sig} plus key access); the delivery worker only knows this interface.
 *
 * <p>Contract: returns the headers to add to the request (for example {@code Date}, {@code
 * Content-Digest} or {@code Digest}, {@code Signature-Input}, {@code Signature}), in a new map per
 * call that the caller owns (it adds its own headers to it). They are added after the worker's own
 * {@code Content-Type: application/activity+json} and replace any header of the same name. The body
 * is exactly the bytes that will be sent. The worker sends to {@code target} as given, so the
 * signer may cover {@code @method}, {@code @target-uri}, {@code host}/{@code @authority} and {@code
 * content-type}.
 *
 * <p>A failed future means a local problem (for example a missing key): the job is retried later
 * and the peer's health is not touched.
 *
 * <p>Thread-safety: called on the worker's event loop; must not block it. RSA signing costs ~0.7 ms
 * (MEASURED.md), so implementations should sign off the event loop or use Ed25519.
 */
@FunctionalInterface
public interface RequestSigner {

  Future<MultiMap> sign(long orgId, String method, URI target, byte[] body, SignatureScheme scheme);

  /** One request to sign, as the arguments of {@link #sign}. */
  record Request(long orgId, String method, URI target, byte[] body, SignatureScheme scheme) {}

  /**
   * Signs many requests; one future per request, in order, each failing alone. The default signs
   * them one by one; an implementation that signs on worker threads should take them there in a few
   * hops for the whole batch instead of one hop per request.
   */
  default List<Future<MultiMap>> signAll(List<Request> requests) {
    List<Future<MultiMap>> out = new ArrayList<>(requests.size());
    for (Request r : requests) {
      Future<MultiMap> signed;
      try {
        signed = sign(r.orgId(), r.method(), r.target(), r.body(), r.scheme());
      } catch (RuntimeException e) {
        signed = Future.failedFuture(e);
      }
      out.add(signed);
    }
    return out;
  }
}
