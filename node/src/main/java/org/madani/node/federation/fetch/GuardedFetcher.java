package org.madani.node.federation.fetch;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.madani.node.federation.fetch.FetchException.Reason;
import org.madani.node.json.BufferInput;
import org.madani.node.json.JsonCodec;

/**
 * The one way this node GETs a JSON document from another server.
 *
 * <p>Per call: the URL must not be a JSON-LD context we hold; each hop is checked by {@link
 * AddressGuard} and the request goes to the vetted address (not a fresh DNS lookup); redirects
 * (301, 302, 303, 307, 308) are followed by hand, at most {@link FetchOptions#maxRedirects()}, each
 * target checked again; the response must be 2xx with a JSON media type ({@code application/json}
 * or {@code application/*+json}); a {@code Content-Length} above the cap is refused before reading,
 * and the stream is reset as soon as the bytes read cross the cap; the body is parsed by {@link
 * JsonCodec}'s mapper (depth and length limits, duplicate keys refused) and must be one object. A
 * single deadline ({@link FetchOptions#timeout()}) covers resolution, all hops and the body; on
 * expiry the request in flight is reset.
 *
 * <p>Futures fail only with {@link FetchException}. Thread-safe: one instance serves the node;
 * per-call state lives in the call. Call {@link #close()} on shutdown.
 */
public final class GuardedFetcher {

  private final Vertx vertx;
  private final AddressGuard guard;
  private final JsonCodec codec;
  private final JsonLdContexts contexts;
  private final String userAgent;
  private final HttpClient client;
  private final java.util.function.Predicate<URI> hostPolicy;

  /**
   * @param userAgent sent with every request, e.g. {@code Madani/0.1 (+https://node.example)}
   */
  public GuardedFetcher(
      Vertx vertx, AddressGuard guard, JsonCodec codec, JsonLdContexts contexts, String userAgent) {
    this(vertx, guard, codec, contexts, userAgent, url -> true);
  }

  /**
   * @param hostPolicy the node's trust settings: a URL it refuses (blocked node, or not on the
   *     allowlist) fails with {@link Reason#REFUSED_BY_POLICY} and no request is made; checked on
   *     every hop, so a redirect cannot lead to a refused node. Must not block.
   */
  public GuardedFetcher(
      Vertx vertx,
      AddressGuard guard,
      JsonCodec codec,
      JsonLdContexts contexts,
      String userAgent,
      java.util.function.Predicate<URI> hostPolicy) {
    this.hostPolicy = Objects.requireNonNull(hostPolicy, "hostPolicy");
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.contexts = Objects.requireNonNull(contexts, "contexts");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    // No connection reuse: a fetch that ends early resets its stream (deadline, size cap), and a
    // pooled connection can be closing under the next fetch. Remote documents are fetched rarely
    // and each goes to a vetted address anyway; a fresh connection per fetch is the safe trade.
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setVerifyHost(true).setTrustAll(false).setKeepAlive(false));
  }

  /** {@link #getJson(URI, FetchOptions)} with {@link FetchOptions#defaults()}. */
  public Future<FetchedDocument> getJson(URI url) {
    return getJson(url, FetchOptions.defaults());
  }

  /** Fetches {@code url} as a JSON object within the limits of {@code options}. */
  public Future<FetchedDocument> getJson(URI url, FetchOptions options) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(options, "options");
    Call call = new Call(url, options);
    long timer = vertx.setTimer(options.timeout().toMillis(), id -> call.expire());
    hop(call, url, 0)
        .onComplete(
            ar -> {
              vertx.cancelTimer(timer);
              if (ar.succeeded()) {
                call.result.tryComplete(ar.result());
              } else {
                call.result.tryFail(asFetchException(ar.cause(), url));
              }
            });
    return call.result.future();
  }

  public Future<Void> close() {
    return client.close();
  }

  /** State of one getJson call, shared by its hops and its deadline timer (different threads). */
  private static final class Call {
    final URI requested;
    final FetchOptions options;
    final Promise<FetchedDocument> result = Promise.promise();
    final AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();

    Call(URI requested, FetchOptions options) {
      this.requested = requested;
      this.options = options;
    }

    boolean finished() {
      return result.future().isComplete();
    }

    void expire() {
      if (result.tryFail(
          FetchException.of(
              Reason.TIMEOUT,
              "No complete answer within " + options.timeout().toMillis() + " ms: " + requested))) {
        HttpClientRequest request = inFlight.get();
        if (request != null) request.reset();
      }
    }
  }

  private Future<FetchedDocument> hop(Call call, URI url, int redirects) {
    if (contexts.isKnown(url)) {
      return Future.failedFuture(
          FetchException.of(
              Reason.KNOWN_CONTEXT, "JSON-LD contexts are preloaded, never fetched: " + url));
    }
    if (!hostPolicy.test(url)) {
      return Future.failedFuture(
          FetchException.of(
              Reason.REFUSED_BY_POLICY,
              "This node's trust settings refuse " + url.getHost() + ": " + call.requested));
    }
    return guard
        .check(url)
        .compose(
            vetted -> call.options.signer().sign(url).compose(signed -> send(call, vetted, signed)))
        .compose(response -> answer(call, url, redirects, response));
  }

  /**
   * Sends once more, on a new connection, when a pooled keep-alive connection turns out to have
   * been closed by the server before any answer: the usual race of connection reuse. A GET is safe
   * to repeat; anything else fails as it is.
   */
  private Future<HttpClientResponse> send(Call call, Vetted vetted, MultiMap signed) {
    return sendOnce(call, vetted, signed)
        .recover(
            err ->
                closedBeforeAnswer(err) && !call.finished()
                    ? sendOnce(call, vetted, signed)
                    : Future.failedFuture(err));
  }

  private static boolean closedBeforeAnswer(Throwable err) {
    for (Throwable t = err; t != null; t = t.getCause()) {
      if (t instanceof io.vertx.core.http.HttpClosedException
          || t instanceof java.nio.channels.ClosedChannelException) {
        return true;
      }
    }
    return false;
  }

  private Future<HttpClientResponse> sendOnce(Call call, Vetted vetted, MultiMap signed) {
    if (call.finished()) {
      return Future.failedFuture(
          FetchException.of(Reason.TIMEOUT, "Deadline passed: " + call.requested));
    }
    RequestOptions request =
        vetted
            .requestOptions(HttpMethod.GET)
            .setConnectTimeout(call.options.connectTimeout().toMillis())
            .setIdleTimeout(call.options.timeout().toMillis());
    request.putHeader(HttpHeaders.ACCEPT, call.options.accept());
    request.putHeader(HttpHeaders.USER_AGENT, userAgent);
    if (signed != null) {
      signed.forEach(request::addHeader);
    }
    return client
        .request(request)
        .compose(
            req -> {
              call.inFlight.set(req);
              if (call.finished()) {
                req.reset(); // the deadline passed while we were connecting
              }
              return req.send();
            });
  }

  private Future<FetchedDocument> answer(
      Call call, URI url, int redirects, HttpClientResponse response) {
    int status = response.statusCode();
    if (isRedirect(status)) {
      response.request().reset(); // the redirect body is of no interest; do not read it
      return redirect(call, url, redirects, status, response.getHeader(HttpHeaders.LOCATION));
    }
    if (status < 200 || status > 299) {
      response.request().reset();
      return Future.failedFuture(
          FetchException.httpStatus(status, "The server answered " + status + ": " + url));
    }
    String contentType = response.getHeader(HttpHeaders.CONTENT_TYPE);
    if (!isJson(contentType)) {
      response.request().reset();
      return Future.failedFuture(
          FetchException.of(
              Reason.NOT_JSON,
              "The response is not JSON ("
                  + (contentType == null
                      ? "no content type"
                      : "content type " + abbreviate(contentType))
                  + "): "
                  + url));
    }
    long max = call.options.maxBytes();
    String announced = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (announced != null && exceeds(announced, max)) {
      response.request().reset();
      return Future.failedFuture(tooLarge(url, max));
    }
    return readCapped(response, url, max, announced)
        .compose(
            body ->
                parse(body, url)
                    .map(
                        document ->
                            new FetchedDocument(call.requested, url, contentType, document, body)));
  }

  private Future<FetchedDocument> redirect(
      Call call, URI from, int redirects, int status, String location) {
    if (location == null || location.isBlank()) {
      return Future.failedFuture(
          FetchException.httpStatus(status, "Redirect " + status + " without a Location: " + from));
    }
    if (redirects >= call.options.maxRedirects()) {
      return Future.failedFuture(
          FetchException.of(
              Reason.TOO_MANY_REDIRECTS,
              "More than " + call.options.maxRedirects() + " redirects from " + call.requested));
    }
    URI next;
    try {
      String resolved = from.resolve(new URI(location.strip())).toString();
      int hash = resolved.indexOf('#');
      next =
          new URI(hash < 0 ? resolved : resolved.substring(0, hash)); // fragments stay client-side
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Future.failedFuture(
          FetchException.of(Reason.MALFORMED, "Unusable redirect target from " + from, e));
    }
    return hop(call, next, redirects + 1);
  }

  /**
   * Reads the body, resetting the stream as soon as it grows past {@code max} bytes. A log page of
   * several MB grown by doubling was copied about twice over (issue 13), so once half of the {@code
   * announced} length (within the cap) has really arrived, the rest is read into a buffer of that
   * size. Not before: a hostile peer announcing the cap and sending nothing must not make the node
   * hold the cap for it.
   */
  private static Future<Buffer> readCapped(
      HttpClientResponse response, URI url, long max, String announced) {
    Promise<Buffer> done = Promise.promise();
    int[] expected = {announcedLength(announced)};
    Buffer[] body = {Buffer.buffer(Math.min(expected[0], 64 * 1024))};
    response.handler(
        chunk -> {
          if (done.future().isComplete()) return;
          int received = body[0].length() + chunk.length();
          if (received > max) {
            done.tryFail(tooLarge(url, max));
            response.request().reset();
            return;
          }
          if (received > 64 * 1024 && received >= expected[0] / 2 && received < expected[0]) {
            body[0] = Buffer.buffer(expected[0]).appendBuffer(body[0]);
            expected[0] = 0; // sized once
          }
          body[0].appendBuffer(chunk);
        });
    response.exceptionHandler(done::tryFail);
    response.endHandler(v -> done.tryComplete(body[0]));
    return done.future();
  }

  /** The announced length when it is a usable one (the cap was checked before), else 512. */
  static int announcedLength(String announced) {
    try {
      long n = announced == null ? 0 : Long.parseLong(announced.strip());
      return n > 0 && n <= Integer.MAX_VALUE - 8 ? (int) n : 512;
    } catch (NumberFormatException e) {
      return 512;
    }
  }

  /**
   * Parses on the calling event loop: the byte cap keeps this to a few milliseconds, less than a
   * hop to a worker thread would cost. Read from the buffer as it is, not from a copy of it.
   */
  private Future<ObjectNode> parse(Buffer body, URI url) {
    JsonNode node;
    try {
      node = codec.mapper().readTree(new BufferInput(body));
    } catch (StreamConstraintsException e) {
      return Future.failedFuture(
          FetchException.of(
              Reason.TOO_DEEP, "The JSON is nested too deeply or has an over-long value: " + url));
    } catch (IOException e) {
      // Includes duplicate keys (JsonCodec enables strict duplicate detection) and trailing data.
      return Future.failedFuture(
          FetchException.of(Reason.MALFORMED, "Malformed JSON from " + url, e));
    }
    if (!(node instanceof ObjectNode object)) {
      return Future.failedFuture(FetchException.of(Reason.MALFORMED, "Not a JSON object: " + url));
    }
    return Future.succeededFuture(object);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** {@code application/json} or any {@code application/*+json} (activity, ld, jrd). */
  static boolean isJson(String contentType) {
    if (contentType == null) return false;
    int semicolon = contentType.indexOf(';');
    String type =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .strip()
            .toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json") && type.indexOf(' ') < 0);
  }

  private static boolean exceeds(String contentLength, long max) {
    try {
      return Long.parseLong(contentLength.strip()) > max;
    } catch (NumberFormatException e) {
      return true; // a garbled length is no reason to trust the body; refuse it
    }
  }

  private static FetchException tooLarge(URI url, long max) {
    return FetchException.of(Reason.TOO_LARGE, "The response exceeds " + max + " bytes: " + url);
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  /** Anything that is not already a FetchException is a network failure. */
  private static FetchException asFetchException(Throwable failure, URI url) {
    if (failure instanceof FetchException fetch) return fetch;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException
          || t.getClass().getSimpleName().contains("Timeout")) {
        return FetchException.of(Reason.TIMEOUT, "Timed out fetching " + url, failure);
      }
    }
    return FetchException.of(
        Reason.CONNECTION_FAILED, "Connection failed fetching " + url, failure);
  }
}
