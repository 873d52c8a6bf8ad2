package org.madani.node.federation.delivery;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.madani.node.federation.fetch.Vetted;
import org.madani.node.model.DeliveryJob;
import org.madani.node.model.SignatureScheme;

/**
 * Sends one signed POST to an inbox and says how it went, including the one-time fallback from RFC
 * 9421 to draft-cavage signatures. Knows nothing of the database.
 *
 * <p>Thread-safety: used only on the worker's event loop.
 */
final class InboxPoster {

  static final String CONTENT_TYPE = "application/activity+json";

  private final WebClient client;
  private final RequestSigner signer;
  private final DeliveryOptions options;

  InboxPoster(WebClient client, RequestSigner signer, DeliveryOptions options) {
    this.client = client;
    this.signer = signer;
    this.options = options;
  }

  /**
   * Sends the job with the host's known scheme (RFC 9421 when unknown). If the peer rejects an RFC
   * 9421 signature and the host never accepted one, sends again at once with cavage: most of the
   * fediverse verifies only cavage, and waiting a backoff for that would be pointless.
   */
  Future<Attempt> send(DeliveryJob job, Vetted target, Instant now) {
    SignatureScheme first = job.knownScheme() == null ? SignatureScheme.RFC9421 : job.knownScheme();
    // Only while RFC 9421 is unproven for this host: once it worked, a rejection means something
    // else (e.g. a rotated key not yet fetched) and falling back would hide it.
    boolean mayFallBack = job.knownScheme() == null;
    return sendOnce(job, target, first, now)
        .compose(
            attempt -> {
              boolean fallback =
                  mayFallBack && attempt instanceof Attempt.Refused r && r.signatureRejected();
              return fallback
                  ? sendOnce(job, target, SignatureScheme.CAVAGE, now)
                  : Future.succeededFuture(attempt);
            });
  }

  private Future<Attempt> sendOnce(
      DeliveryJob job, Vetted target, SignatureScheme scheme, Instant now) {
    Future<MultiMap> signed;
    try {
      signed = signer.sign(job.orgId(), "POST", job.inbox(), job.body(), scheme);
    } catch (RuntimeException e) {
      signed = Future.failedFuture(e);
    }
    return signed.transform(
        ar ->
            ar.failed()
                ? Future.succeededFuture(
                    new Attempt.LocalFailure("signing failed: " + ar.cause().getMessage()))
                : post(job, target, ar.result(), scheme, now));
  }

  /**
   * Connects to the address the guard vetted; the absolute URL still gives the {@code Host} header,
   * TLS SNI and the name the certificate must match.
   */
  private Future<Attempt> post(
      DeliveryJob job,
      Vetted target,
      MultiMap signatureHeaders,
      SignatureScheme scheme,
      Instant now) {
    SocketAddress server =
        SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port()));
    return client
        .requestAbs(HttpMethod.POST, server, job.inbox().toString())
        .followRedirects(false)
        .connectTimeout(options.connectTimeout().toMillis())
        .idleTimeout(options.requestTimeout().toMillis())
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeaders(signatureHeaders)
        .as(BoundedBody.codec(options.responseBodyLimit()))
        .sendBuffer(Buffer.buffer(job.body()))
        .map(response -> classify(response, scheme, now))
        .otherwise(err -> new Attempt.Unreachable(describe(err)));
  }

  static Attempt classify(HttpResponse<Buffer> response, SignatureScheme scheme, Instant now) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) return new Attempt.Delivered(status, scheme);
    Duration retryAfter =
        status == 429 || status == 503 ? retryAfter(response.getHeader("Retry-After"), now) : null;
    boolean signatureRejected = looksLikeSignatureRejection(status, response);
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
  private static boolean looksLikeSignatureRejection(int status, HttpResponse<Buffer> response) {
    if (status == 401) return true;
    if (status != 400 && status != 403) return false;
    if (response.getHeader("WWW-Authenticate") != null) return true;
    Buffer body = response.body();
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
