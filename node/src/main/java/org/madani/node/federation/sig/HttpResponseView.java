package org.madani.node.federation.sig;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response as seen by the signer or verifier: status, header field lines and body. Only the
 * {@code @status} derived component applies to it (RFC 9421 §2.2.9).
 *
 * <p>Immutable and thread-safe; the body is copied in and out.
 *
 * @param status the three-digit status code
 * @param headers lower-cased field name to field line values
 * @param body the body bytes, possibly empty
 */
public record HttpResponseView(int status, Map<String, List<String>> headers, byte[] body)
    implements HttpMessageView {

  public HttpResponseView {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status must have three digits: " + status);
    }
    headers = HttpMessageView.normalize(Objects.requireNonNull(headers, "headers"));
    body = body == null ? new byte[0] : body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean hasBody() {
    return body.length > 0;
  }

  byte[] bodyBytes() {
    return body;
  }

  /** A copy with {@code value} appended as a new field line of {@code name}. */
  public HttpResponseView withHeader(String name, String value) {
    Map<String, List<String>> copy = HttpMessageView.withLine(headers, name, value);
    return new HttpResponseView(status, copy, body);
  }
}
