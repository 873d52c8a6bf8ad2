package org.madani.node.federation.sig;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as seen by the signer or verifier: method, absolute target URI, header field
 * lines (names lower-cased) and body.
 *
 * <p>Immutable and thread-safe: the body is copied in and out; the {@code with*} methods return new
 * views. Equality of the {@code body} component is by array identity, as for any record holding an
 * array; compare bodies with {@link java.util.Arrays#equals(byte[], byte[])}.
 *
 * @param method the request method as sent, e.g. {@code POST} (case is kept: RFC 9421 §2.2.1)
 * @param targetUri the absolute target URI (scheme and authority required)
 * @param headers lower-cased field name to field line values
 * @param body the body bytes, possibly empty
 */
public record HttpRequestView(
    String method, URI targetUri, Map<String, List<String>> headers, byte[] body)
    implements HttpMessageView {

  public HttpRequestView {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(targetUri, "targetUri");
    if (method.isEmpty()) {
      throw new IllegalArgumentException("empty method");
    }
    if (!targetUri.isAbsolute() || targetUri.getRawAuthority() == null) {
      throw new IllegalArgumentException(
          "target URI must be absolute with an authority: " + targetUri);
    }
    headers = HttpMessageView.normalize(Objects.requireNonNull(headers, "headers"));
    body = body == null ? new byte[0] : body.clone();
  }

  /** A request with single-valued headers given as name → value. */
  public static HttpRequestView of(
      String method, URI targetUri, Map<String, String> headers, byte[] body) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach(
        (k, v) -> multi.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(v));
    return new HttpRequestView(method, targetUri, multi, body);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean hasBody() {
    return body.length > 0;
  }

  /** Package access to the body without a copy, for digesting. */
  byte[] bodyBytes() {
    return body;
  }

  /** A copy with {@code value} appended as a new field line of {@code name}. */
  public HttpRequestView withHeader(String name, String value) {
    Map<String, List<String>> copy = HttpMessageView.withLine(headers, name, value);
    return new HttpRequestView(method, targetUri, copy, body);
  }

  /** A copy where {@code name} has exactly the one field line {@code value}. */
  public HttpRequestView withReplacedHeader(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.put(name.toLowerCase(Locale.ROOT), List.of(value));
    return new HttpRequestView(method, targetUri, copy, body);
  }

  /** A copy without any field line of {@code name}. */
  public HttpRequestView withoutHeader(String name) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.remove(name.toLowerCase(Locale.ROOT));
    return new HttpRequestView(method, targetUri, copy, body);
  }

  /** A copy with another method. */
  public HttpRequestView withMethod(String newMethod) {
    return new HttpRequestView(newMethod, targetUri, headers, body);
  }

  /** A copy with another body (headers untouched, so digests go stale on purpose). */
  public HttpRequestView withBody(byte[] newBody) {
    return new HttpRequestView(method, targetUri, headers, newBody);
  }
}
