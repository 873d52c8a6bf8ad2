package org.madani.node.federation.sig;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.madani.node.federation.sig.StructuredFields.ByteSequence;
import org.madani.node.federation.sig.StructuredFields.InnerList;
import org.madani.node.federation.sig.StructuredFields.Item;
import org.madani.node.federation.sig.StructuredFields.Parameters;

/**
 * Signs HTTP messages per RFC 9421 with one {@link SigningKey}.
 *
 * <p>{@link #sign} signs exactly what it is told (used for the published vectors); {@link
 * #signRequest} is the federation default: it adds {@code Date} and a SHA-256 {@code
 * Content-Digest} (RFC 9530) when missing, then covers {@code @method}, {@code @target-uri},
 * {@code @authority}, {@code date} and, with a body, {@code content-digest}, with {@code created},
 * {@code keyid} and {@code alg}: the set Fedify sends, so Fedify-based servers can verify us.
 *
 * <p>Immutable and thread-safe.
 */
public final class Rfc9421Signer {

  private final SigningKey key;
  private final Clock clock;

  public Rfc9421Signer(SigningKey key, Clock clock) {
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Signs {@code message} over {@code params}; the message must already hold every covered field.
   */
  public SignatureHeaders sign(HttpMessageView message, SignatureParameters params) {
    List<Item> components = new ArrayList<>();
    for (String component : params.components()) {
      components.add(
          component.startsWith("\"")
              ? StructuredFieldParser.parseItem(component)
              : Item.of(component));
    }
    // Parameter order is ours to choose (§2.3); this one reproduces the Appendix B vectors.
    Map<String, Object> p = new LinkedHashMap<>();
    if (params.created() != null) {
      p.put("created", params.created().getEpochSecond());
    }
    if (params.expires() != null) {
      p.put("expires", params.expires().getEpochSecond());
    }
    p.put("keyid", key.keyId());
    if (params.includeAlgorithm()) {
      p.put("alg", key.algorithm().wireName());
    }
    if (params.nonce() != null) {
      p.put("nonce", params.nonce());
    }
    if (params.tag() != null) {
      p.put("tag", params.tag());
    }
    InnerList signatureParams = new InnerList(components, new Parameters(p));
    String base;
    try {
      base = SignatureBase.build(message, signatureParams);
    } catch (ComponentException e) {
      throw new IllegalArgumentException("cannot sign: " + e.getMessage());
    }
    byte[] signature = key.sign(base.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String label = params.label();
    return new SignatureHeaders(
        StructuredFields.serializeDictionary(Map.of(label, signatureParams)),
        StructuredFields.serializeDictionary(Map.of(label, Item.of(new ByteSequence(signature)))),
        base);
  }

  /** Signs an outgoing federation request with the default coverage; returns the signed copy. */
  public HttpRequestView signRequest(HttpRequestView request) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    HttpRequestView prepared = request;
    if (prepared.header("date").isEmpty()) {
      prepared = prepared.withHeader("Date", HttpDate.format(now));
    }
    List<String> components =
        new ArrayList<>(List.of("@method", "@target-uri", "@authority", "date"));
    if (prepared.hasBody()) {
      if (prepared.header(Digests.CONTENT_DIGEST).isEmpty()) {
        prepared =
            prepared.withHeader(
                "Content-Digest", Digests.contentDigestHeader(prepared.bodyBytes(), "sha-256"));
      }
      components.add(Digests.CONTENT_DIGEST);
    }
    return sign(prepared, SignatureParameters.of(components, now)).applyTo(prepared);
  }
}
