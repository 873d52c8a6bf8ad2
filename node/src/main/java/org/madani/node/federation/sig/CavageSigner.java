package org.madani.node.federation.sig;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Signs requests per draft-cavage-http-signatures-12, the scheme Mastodon and most fediverse
 * servers still expect.
 *
 * <p>RSA keys sign as {@code algorithm="rsa-sha256"} (what Mastodon sends and checks); Ed25519 keys
 * as {@code algorithm="hs2019"}, where the verifier derives the algorithm from the key (§2.1.3).
 * {@link #signRequest} produces Mastodon's shape: {@code Host}, {@code Date} and, with a body, a
 * SHA-256 {@code Digest} are added when missing and {@code headers="(request-target) host date
 * digest"}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CavageSigner {

  private final SigningKey key;
  private final Clock clock;

  public CavageSigner(SigningKey key, Clock clock) {
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (key.algorithm() != SignatureAlgorithm.RSA_V1_5_SHA256
        && key.algorithm() != SignatureAlgorithm.ED25519) {
      throw new IllegalArgumentException(
          "draft-cavage signing supports rsa-v1_5-sha256 and ed25519 keys only");
    }
  }

  /** The {@code algorithm} parameter this signer sends. */
  public String algorithmName() {
    return key.algorithm() == SignatureAlgorithm.RSA_V1_5_SHA256 ? "rsa-sha256" : "hs2019";
  }

  /**
   * The value of the {@code Signature} field over {@code headers} (lower-case names or
   * pseudo-headers). An empty list signs only the date and omits the {@code headers} parameter, per
   * §2.1.6.
   */
  public String signatureHeader(HttpRequestView request, List<String> headers) {
    List<String> covered = headers.isEmpty() ? List.of("date") : headers;
    String signingString;
    try {
      signingString = CavageSignatureHeader.signingString(request, covered, null, null);
    } catch (ComponentException e) {
      throw new IllegalArgumentException("cannot sign: " + e.getMessage());
    }
    byte[] signature = key.sign(signingString.getBytes(StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    out.append("keyId=\"")
        .append(key.keyId())
        .append("\",algorithm=\"")
        .append(algorithmName())
        .append('"');
    if (!headers.isEmpty()) {
      out.append(",headers=\"").append(String.join(" ", headers)).append('"');
    }
    out.append(",signature=\"").append(Base64.getEncoder().encodeToString(signature)).append('"');
    return out.toString();
  }

  /** Signs an outgoing federation request in Mastodon's shape; returns the signed copy. */
  public HttpRequestView signRequest(HttpRequestView request) {
    HttpRequestView prepared = request;
    if (prepared.header("host").isEmpty()) {
      prepared = prepared.withHeader("Host", request.targetUri().getRawAuthority());
    }
    if (prepared.header("date").isEmpty()) {
      prepared =
          prepared.withHeader(
              "Date", HttpDate.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    }
    List<String> headers =
        new ArrayList<>(List.of(CavageSignatureHeader.REQUEST_TARGET, "host", "date"));
    if (prepared.hasBody()) {
      if (prepared.header(Digests.DIGEST).isEmpty()) {
        prepared = prepared.withHeader("Digest", Digests.digestHeader(prepared.bodyBytes()));
      }
      headers.add(Digests.DIGEST);
    }
    return prepared.withHeader("Signature", signatureHeader(prepared, headers));
  }
}
