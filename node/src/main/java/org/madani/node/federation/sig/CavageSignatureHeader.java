package org.madani.node.federation.sig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a draft-cavage-12 §2.1 signature: {@code keyId="…",algorithm="…",
 * headers="…",signature="…"} plus optional {@code created} and {@code expires}, and the signing
 * string of §2.3 built from them. Package-private: the signer and verifier share it so they agree.
 */
record CavageSignatureHeader(
    String keyId,
    String algorithm,
    List<String> headers,
    byte[] signature,
    Instant created,
    Instant expires) {

  static final String REQUEST_TARGET = "(request-target)";

  /**
   * Parses the value of a {@code Signature} field (or what follows {@code Signature } in {@code
   * Authorization}).
   */
  static CavageSignatureHeader parse(String value) throws ComponentException {
    Map<String, String> params = new LinkedHashMap<>();
    int pos = 0;
    int n = value.length();
    while (pos < n) {
      while (pos < n
          && (value.charAt(pos) == ' ' || value.charAt(pos) == '\t' || value.charAt(pos) == ',')) {
        pos++;
      }
      if (pos >= n) {
        break;
      }
      int eq = value.indexOf('=', pos);
      if (eq < 0) {
        throw new ComponentException(Verification.Reason.MALFORMED, "parameter without '='");
      }
      String name = value.substring(pos, eq).strip();
      pos = eq + 1;
      String paramValue;
      if (pos < n && value.charAt(pos) == '"') {
        int end = value.indexOf('"', pos + 1);
        if (end < 0) {
          throw new ComponentException(Verification.Reason.MALFORMED, "unterminated quoted value");
        }
        paramValue = value.substring(pos + 1, end);
        pos = end + 1;
      } else {
        int end = value.indexOf(',', pos);
        end = end < 0 ? n : end;
        paramValue = value.substring(pos, end).strip();
        pos = end;
      }
      // A repeated parameter could make two parsers see two different signatures.
      if (params.put(name, paramValue) != null) {
        throw new ComponentException(Verification.Reason.MALFORMED, "repeated parameter " + name);
      }
      while (pos < n && (value.charAt(pos) == ' ' || value.charAt(pos) == '\t')) {
        pos++;
      }
      if (pos < n && value.charAt(pos) != ',') {
        throw new ComponentException(Verification.Reason.MALFORMED, "expected ',' after " + name);
      }
    }
    String keyId = params.get("keyId");
    String signature = params.get("signature");
    if (keyId == null || keyId.isEmpty() || signature == null) {
      throw new ComponentException(
          Verification.Reason.MALFORMED, "keyId and signature are required");
    }
    byte[] sig;
    try {
      sig = java.util.Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw new ComponentException(Verification.Reason.MALFORMED, "signature is not base64");
    }
    // §2.1.6: without a headers parameter only the date is signed.
    String headerList = params.getOrDefault("headers", "date").strip();
    if (headerList.isEmpty()) {
      throw new ComponentException(Verification.Reason.MALFORMED, "empty headers parameter");
    }
    List<String> headers = new ArrayList<>();
    for (String h : headerList.split(" +")) {
      headers.add(h.toLowerCase(Locale.ROOT));
    }
    return new CavageSignatureHeader(
        keyId,
        params.get("algorithm"),
        headers,
        sig,
        seconds(params.get("created")),
        seconds(params.get("expires")));
  }

  private static Instant seconds(String value) throws ComponentException {
    if (value == null) {
      return null;
    }
    try {
      // §2.1.4 allows a decimal fraction; whole seconds are what we keep.
      return Instant.ofEpochSecond(
          Long.parseLong(value.contains(".") ? value.substring(0, value.indexOf('.')) : value));
    } catch (NumberFormatException e) {
      throw new ComponentException(
          Verification.Reason.MALFORMED, "created/expires is not a number");
    }
  }

  /** The signing string of §2.3 for {@code request}. */
  static String signingString(
      HttpRequestView request, List<String> headers, Instant created, Instant expires)
      throws ComponentException {
    StringBuilder out = new StringBuilder();
    for (String h : headers) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      String value =
          switch (h) {
            case REQUEST_TARGET -> {
              String path = request.targetUri().getRawPath();
              String query = request.targetUri().getRawQuery();
              yield request.method().toLowerCase(Locale.ROOT)
                  + " "
                  + (path == null || path.isEmpty() ? "/" : path)
                  + (query == null ? "" : "?" + query);
            }
            case "(created)" -> {
              if (created == null) {
                throw new ComponentException(
                    Verification.Reason.MALFORMED, "(created) covered without created");
              }
              yield Long.toString(created.getEpochSecond());
            }
            case "(expires)" -> {
              if (expires == null) {
                throw new ComponentException(
                    Verification.Reason.MALFORMED, "(expires) covered without expires");
              }
              yield Long.toString(expires.getEpochSecond());
            }
            default ->
                request
                    .header(h)
                    .orElseThrow(
                        () ->
                            new ComponentException(
                                Verification.Reason.MISSING_COMPONENT,
                                "covered header " + h + " is absent"));
          };
      if (value.indexOf('\n') >= 0) {
        throw new ComponentException(
            Verification.Reason.MALFORMED, "header " + h + " contains a line break");
      }
      out.append(h).append(": ").append(value);
    }
    return out.toString();
  }
}
