package org.madani.node.model;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem: what went wrong, safe to show to the caller. Services throw it (wrapped in
 * {@link ProblemException}); the HTTP layer renders it as {@code application/problem+json}. {@code
 * detail} must never carry secrets, stack traces or other users' data.
 */
public record Problem(
    URI type, String title, int status, String detail, Map<String, Object> extensions) {

  public static final String TYPE_BASE = "https://madani.network/problems/";

  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    if (status < 400 || status > 599) throw new IllegalArgumentException("status " + status);
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, Map.of());
  }

  public Problem with(String key, Object value) {
    var m = new java.util.LinkedHashMap<>(extensions);
    m.put(key, value);
    return new Problem(type, title, status, detail, m);
  }

  public ProblemException exception() {
    return new ProblemException(this);
  }

  public static ProblemException badRequest(String detail) {
    return of(400, "bad-request", "Bad request", detail).exception();
  }

  public static ProblemException notFound(String detail) {
    return of(404, "not-found", "Not found", detail).exception();
  }

  public static ProblemException conflict(String detail) {
    return of(409, "conflict", "Conflict", detail).exception();
  }

  public static ProblemException unprocessable(String detail) {
    return of(422, "validation", "The document is not valid", detail).exception();
  }
}
