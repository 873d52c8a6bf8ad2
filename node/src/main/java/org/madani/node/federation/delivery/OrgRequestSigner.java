package org.madani.node.federation.delivery;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.fetch.GetSigner;
import org.madani.node.federation.sig.CavageSigner;
import org.madani.node.federation.sig.Digests;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Rfc9421Signer;
import org.madani.node.federation.sig.SigningKey;
import org.madani.node.model.Organization;
import org.madani.node.model.SignatureScheme;
import org.madani.node.store.Database;
import org.madani.node.store.OrganizationRepository;

/**
 * Signs outgoing requests as a hosted organization: RFC 9421 with its Ed25519 key (between Madani
 * nodes, and Fedify-based peers), or draft-cavage with its RSA key (Mastodon-style peers). GETs
 * (authorized fetch) are signed draft-cavage with the first hosted organization's RSA key, which
 * every current Fediverse server accepts. Signing runs on a worker (RSA costs ~0.7 ms).
 */
public final class OrgRequestSigner implements RequestSigner, GetSigner {

  private final Database db;
  private final OrganizationRepository orgs;
  private final LocalActors actors;
  private final Clock clock;
  private final String userAgent;

  /**
   * @param userAgent names this node (software and base URL), as peers' logs expect; never a person
   */
  private final io.vertx.core.WorkerExecutor signing;

  /**
   * @param signing workers that sign (one per core): RSA costs ~0.7 ms, Ed25519 ~25 µs; never the
   *     event loop
   */
  public OrgRequestSigner(
      Database db,
      OrganizationRepository orgs,
      LocalActors actors,
      Clock clock,
      String userAgent,
      io.vertx.core.WorkerExecutor signing) {
    this.signing = signing;
    this.userAgent = userAgent;
    this.db = db;
    this.orgs = orgs;
    this.actors = actors;
    this.clock = clock;
  }

  /**
   * Signs on the crypto workers (both cores), not in a database transaction: the organization's
   * current key is looked up at most every {@link #KEY_TTL} per scheme. After an online rotation,
   * requests may be signed with the previous key for that long, which peers still accept during the
   * rotation's overlap (protocol-spec/keys.md).
   */
  @Override
  public Future<MultiMap> sign(
      long orgId, String method, URI target, byte[] body, SignatureScheme scheme) {
    return key(orgId, scheme)
        .compose(
            key ->
                signing.executeBlocking(
                    () -> signed(key, method, target, body, scheme, null), false));
  }

  /** Requests signed per hop to the signing workers at least (smaller batches are not split). */
  static final int MIN_CHUNK = 16;

  /**
   * Signs a batch in a few hops: the requests are cut into one chunk per signing worker (both
   * cores), each chunk signed in one task, and every result handed back with that task's
   * completion, instead of one task and one completion per request.
   */
  @Override
  public List<Future<MultiMap>> signAll(List<Request> requests) {
    List<io.vertx.core.Promise<MultiMap>> results = new java.util.ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) results.add(io.vertx.core.Promise.promise());
    // The keys this batch needs (one organization and scheme, usually), each looked up once.
    java.util.Map<String, Future<SigningKey>> keysNeeded = new java.util.HashMap<>();
    for (Request r : requests) {
      keysNeeded.computeIfAbsent(
          r.orgId() + "/" + r.scheme().storedName(), k -> key(r.orgId(), r.scheme()));
    }
    Future.join(new java.util.ArrayList<>(keysNeeded.values()))
        .onComplete(
            loaded -> {
              int chunks = Math.max(1, Math.min(SIGNING_WORKERS, requests.size() / MIN_CHUNK));
              int size = (requests.size() + chunks - 1) / chunks;
              for (int from = 0; from < requests.size(); from += size) {
                int to = Math.min(requests.size(), from + size);
                int start = from;
                signing
                    .executeBlocking(
                        () -> {
                          List<Object> out = new java.util.ArrayList<>(to - start);
                          // One Content-Digest per body: a batch holds an activity's jobs to many
                          // inboxes, all sharing one body array.
                          Map<byte[], String> digests = new java.util.IdentityHashMap<>();
                          for (int i = start; i < to; i++) {
                            Request r = requests.get(i);
                            Future<SigningKey> key =
                                keysNeeded.get(r.orgId() + "/" + r.scheme().storedName());
                            try {
                              if (key.failed()) throw key.cause();
                              String digest =
                                  r.scheme() == SignatureScheme.RFC9421 && r.body().length > 0
                                      ? digests.computeIfAbsent(
                                          r.body(), b -> Digests.contentDigestHeader(b, "sha-256"))
                                      : null;
                              out.add(
                                  signed(
                                      key.result(),
                                      r.method(),
                                      r.target(),
                                      r.body(),
                                      r.scheme(),
                                      digest));
                            } catch (Throwable e) {
                              out.add(e);
                            }
                          }
                          return out;
                        },
                        false)
                    .onComplete(
                        done -> {
                          for (int i = start; i < to; i++) {
                            if (done.failed()) {
                              results.get(i).fail(done.cause());
                            } else if (done.result().get(i - start) instanceof MultiMap m) {
                              results.get(i).complete(m);
                            } else {
                              results.get(i).fail((Throwable) done.result().get(i - start));
                            }
                          }
                        });
              }
            });
    return results.stream().map(io.vertx.core.Promise::future).toList();
  }

  /** Signing workers a batch is spread over (the crypto pool has one per core, at least two). */
  private static final int SIGNING_WORKERS =
      Math.max(2, Runtime.getRuntime().availableProcessors());

  /**
   * @param contentDigest the body's RFC 9530 Content-Digest when already computed (RFC 9421), or
   *     null: the signer computes it
   */
  private MultiMap signed(
      SigningKey key,
      String method,
      URI target,
      byte[] body,
      SignatureScheme scheme,
      String contentDigest) {
    HttpRequestView request =
        HttpRequestView.of(
            method,
            target,
            contentDigest == null
                ? Map.of(
                    "host", target.getRawAuthority(), "content-type", ActivityStreams.MEDIA_TYPE)
                : Map.of(
                    "host",
                    target.getRawAuthority(),
                    "content-type",
                    ActivityStreams.MEDIA_TYPE,
                    Digests.CONTENT_DIGEST,
                    contentDigest),
            body);
    HttpRequestView signed =
        scheme == SignatureScheme.CAVAGE
            ? new CavageSigner(key, clock).signRequest(request)
            : new Rfc9421Signer(key, clock).signRequest(request);
    MultiMap headers = headers(signed);
    headers.set("User-Agent", userAgent);
    return headers;
  }

  static final java.time.Duration KEY_TTL = java.time.Duration.ofSeconds(5);

  private record CachedKey(SigningKey key, long loadedNanos) {}

  private final java.util.concurrent.ConcurrentHashMap<String, CachedKey> keys =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Future<SigningKey> key(long orgId, SignatureScheme scheme) {
    String name = orgId + "/" + scheme.storedName();
    CachedKey cached = keys.get(name);
    if (cached != null && System.nanoTime() - cached.loadedNanos() < KEY_TTL.toNanos()) {
      return Future.succeededFuture(cached.key());
    }
    return db.tx(
        c -> {
          Organization org =
              orgs.findById(c, orgId)
                  .orElseThrow(() -> new IllegalStateException("no org " + orgId));
          SigningKey key =
              scheme == SignatureScheme.CAVAGE ? actors.rsa(c, org) : actors.ed25519(c, org);
          keys.put(name, new CachedKey(key, System.nanoTime()));
          return key;
        });
  }

  @Override
  public Future<MultiMap> sign(URI target) {
    return db.tx(
        c -> {
          List<Organization> all = orgs.listAll(c);
          if (all.isEmpty()) return MultiMap.caseInsensitiveMultiMap();
          HttpRequestView request =
              HttpRequestView.of(
                  "GET", target, Map.of("host", target.getRawAuthority()), new byte[0]);
          return headers(new CavageSigner(actors.rsa(c, all.get(0)), clock).signRequest(request));
        });
  }

  private static MultiMap headers(HttpRequestView signed) {
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!"host".equals(name)) values.forEach(v -> out.add(name, v));
            });
    return out;
  }
}
