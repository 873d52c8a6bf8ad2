package org.madani.node.federation.sig;

/**
 * The two field values an RFC 9421 signature adds to a message, each already a one-member
 * dictionary ({@code label=...}), and the signature base that was signed (for logs and tests).
 *
 * @param signatureInput the {@code Signature-Input} value
 * @param signature the {@code Signature} value
 * @param signatureBase the signed base (§2.5)
 */
public record SignatureHeaders(String signatureInput, String signature, String signatureBase) {

  /** {@code request} with both fields added. */
  public HttpRequestView applyTo(HttpRequestView request) {
    return request.withHeader("Signature-Input", signatureInput).withHeader("Signature", signature);
  }

  /** {@code response} with both fields added. */
  public HttpResponseView applyTo(HttpResponseView response) {
    return response
        .withHeader("Signature-Input", signatureInput)
        .withHeader("Signature", signature);
  }
}
