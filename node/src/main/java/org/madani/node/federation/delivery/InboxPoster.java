package org.madani.node.federation.delivery;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madani.node.federation.fetch.Vetted;
import org.madani.node.model.DeliveryJob;
import org.madani.node.model.SignatureScheme;

/**
 * Sends signed POSTs to inboxes and says how each went, including the one-time fallback from RFC
 * 9421 to draft-cavage signatures. Knows nothing of the database.
 *
 * <p>A batch of jobs (one claim) is signed with one call to {@link RequestSigner#signAll} (one hop
 * to the signing workers per chunk, not per job), and jobs sharing a body array send one shared
 * {@link Buffer}. Requests go through Vert.x's core {@link HttpClient} (keep-alive pools per server
 * address) without the web client's per-request pipeline.
 *
 * <p>Thread-safety: used only on the worker's event loop.
 */
final class InboxPoster {

  static final String CONTENT_TYPE = "application/activity+json";

  private static final Handler<Buffer> DISCARD = chunk -> {};

  private final HttpClient client;
  private final RequestSigner signer;
  private final DeliveryOptions options;

  InboxPoster(HttpClient client, RequestSigner signer, DeliveryOptions options) {
    this.client = client;
    this.signer = signer;
    this.options = options;
  }

  /**
   * Sends each job to the address its guard check vetted, or turns a failed check into its attempt
   * (forbidden targets die, failed lookups are retried). One future per job, in order.
   */
  List<Future<Attempt>> sendAll(
      List<DeliveryJob> jobs, List<AsyncResult<Vetted>> targets, Instant now) {
    List<RequestSigner.Request> toSign = new ArrayList<>(jobs.size());
    List<Integer> signedIndex = new ArrayList<>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      if (targets.get(i).failed()) continue;
      DeliveryJob job = jobs.get(i);
      toSign.add(
          new RequestSigner.Request(job.orgId(), "POST", job.inbox(), job.body(), first(job)));
      signedIndex.add(i);
    }
    List<Future<MultiMap>> signatures;
    try {
      signatures = toSign.isEmpty() ? List.of() : signer.signAll(toSign);
    } catch (RuntimeException e) {
      signatures = toSign.stream().map(r -> Future.<MultiMap>failedFuture(e)).toList();
    }
    Map<byte[], Buffer> bodies = new IdentityHashMap<>();
    List<Future<Attempt>> out = new ArrayList<>(jobs.size());
    int next = 0;
    for (int i = 0; i < jobs.size(); i++) {
      DeliveryJob job = jobs.get(i);
      AsyncResult<Vetted> target = targets.get(i);
      if (target.failed()) {
        Throwable err = target.cause();
        out.add(
            Future.succeededFuture(
                err instanceof ForbiddenTargetException
                    ? new Attempt.Forbidden("forbidden target: " + err.getMessage())
                    : new Attempt.Unreachable("target check failed: " + err.getMessage())));
        continue;
      }
      if (signedIndex.get(next) != i) throw new IllegalStateException("signatures out of order");
      Future<MultiMap> signed = signatures.get(next++);
      Buffer body = bodies.computeIfAbsent(job.body(), Buffer::buffer);
      SignatureScheme scheme = first(job);
      out.add(
          sent(job, target.result(), scheme, body, signed, now)
              .compose(attempt -> fallBackIfRejected(job, target.result(), body, attempt, now)));
    }
    return out;
  }

  /** Sends one job (tests, and the fallback). */
  Future<Attempt> send(DeliveryJob job, Vetted target, Instant now) {
    return sendAll(List.of(job), List.of(Future.succeededFuture(target)), now).getFirst();
  }

  /** The host's known scheme, RFC 9421 when unknown. */
  private static SignatureScheme first(DeliveryJob job) {
    return job.knownScheme() == null ? SignatureScheme.RFC9421 : job.knownScheme();
  }

  /**
   * If the peer rejects an RFC 9421 signature and the host never accepted one, sends again at once
   * with cavage: most of the fediverse verifies only cavage, and waiting a backoff for that would
   * be pointless. Only while RFC 9421 is unproven for this host: once it worked, a rejection means
   * something else (e.g. a rotated key not yet fetched) and falling back would hide it.
   */
  private Future<Attempt> fallBackIfRejected(
      DeliveryJob job, Vetted target, Buffer body, Attempt attempt, Instant now) {
    boolean fallback =
        job.knownScheme() == null && attempt instanceof Attempt.Refused r && r.signatureRejected();
    if (!fallback) return Future.succeededFuture(attempt);
    Future<MultiMap> signed;
    try {
      signed = signer.sign(job.orgId(), "POST", job.inbox(), job.body(), SignatureScheme.CAVAGE);
    } catch (RuntimeException e) {
      signed = Future.failedFuture(e);
    }
    return sent(job, target, SignatureScheme.CAVAGE, body, signed, now);
  }

  private Future<Attempt> sent(
      DeliveryJob job,
      Vetted target,
      SignatureScheme scheme,
      Buffer body,
      Future<MultiMap> signed,
      Instant now) {
    return signed.transform(
        ar ->
            ar.failed()
                ? Future.succeededFuture(
                    new Attempt.LocalFailure("signing failed: " + ar.cause().getMessage()))
                : post(job, target, body, ar.result(), scheme, now));
  }

  /**
   * Connects to the address the guard vetted; the absolute URL still gives the {@code Host} header,
   * TLS SNI and the name the certificate must match.
   */
  private Future<Attempt> post(
      DeliveryJob job,
      Vetted target,
      Buffer body,
      MultiMap signatureHeaders,
      SignatureScheme scheme,
      Instant now) {
    // The signer's headers are this request's own (a new map per signature): ours are added to
    // them unless the signer set the same names.
    MultiMap headers = signatureHeaders;
    if (!headers.contains("Content-Type")) headers.set("Content-Type", CONTENT_TYPE);
    if (!headers.contains("User-Agent")) headers.set("User-Agent", "Madani");
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setServer(
                SocketAddress.inetSocketAddress(
                    new InetSocketAddress(target.address(), target.port())))
            .setAbsoluteURI(job.inbox().toString())
            .setFollowRedirects(false) // a redirected POST could land on an address never vetted
            // Connect and idle timeouts are the client's (DeliveryWorker): a timer per request
            // for the same bounds was a measurable part of the event loop's time per delivery.
            .setHeaders(headers);
    return client
        .request(request)
        .compose(req -> req.send(body))
        .compose(response -> answer(response, scheme, now))
        .otherwise(err -> new Attempt.Unreachable(describe(err)));
  }

  /**
   * Reads the answer to its end: a 2xx body is dropped as it arrives; of any other body only the
   * first {@code responseBodyLimit} bytes are kept (a hostile peer cannot make us buffer more).
   */
  private Future<Attempt> answer(HttpClientResponse response, SignatureScheme scheme, Instant now) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      response.handler(DISCARD);
      return response.end().map(v -> new Attempt.Delivered(status, scheme));
    }
    int limit = options.responseBodyLimit();
    Buffer kept = Buffer.buffer();
    response.handler(
        chunk -> {
          int room = limit - kept.length();
          if (room > 0) kept.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
        });
    return response.end().map(v -> classify(status, response.headers(), kept, scheme, now));
  }

  static Attempt classify(
      int status, MultiMap headers, Buffer body, SignatureScheme scheme, Instant now) {
    if (status >= 200 && status < 300) return new Attempt.Delivered(status, scheme);
    Duration retryAfter =
        status == 429 || status == 503 ? retryAfter(headers.get("Retry-After"), now) : null;
    boolean signatureRejected = looksLikeSignatureRejection(status, headers, body);
    String reason =
        "HTTP "
            + status
            + (signatureRejected ? ": signature rejected (" + scheme.storedName() + ")" : "");
    return new Attempt.Refused(status, retryAfter, signatureRejected, reason);
  }

  /**
   * 401 is what Mastodon and GoToSocial answer for a signature they cannot verify; some servers use
   * 400 or 403 and say so in the body or in WWW-Authenticate.
   */
  private static boolean looksLikeSignatureRejection(int status, MultiMap headers, Buffer body) {
    if (status == 401) return true;
    if (status != 400 && status != 403) return false;
    if (headers.get("WWW-Authenticate") != null) return true;
    return body != null && body.toString().toLowerCase(Locale.ROOT).contains("signature");
  }

  /** RFC 9110 §10.2.3: delay-seconds or an HTTP-date. Null when absent or unreadable. */
  static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) return null;
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  /** A short, IP-free description of a transport failure for last_error and logs. */
  private static String describe(Throwable err) {
    String kind = err.getClass().getSimpleName();
    String msg = err.getMessage();
    // Netty's connection messages carry the resolved IP ("Connection refused: /10.0.0.5:443").
    if (msg != null && msg.contains(": /")) msg = msg.substring(0, msg.indexOf(": /"));
    return msg == null ? kind : kind + ": " + msg;
  }
}
