package org.madani.node.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON-LD {@code @context} of every document this node emits.
 *
 * <p>No document may depend on a domain that no node controls: a JSON-LD processor (Fedify, for
 * one) must be able to read a Madani actor or object offline. So only the W3C / w3id standard
 * contexts that processors ship preloaded are named by URL ({@link #STANDARD}), and Madani's own
 * terms travel inline as the last element, as Mastodon does with its {@code toot:} terms. The terms
 * are those of {@code protocol-spec/context/madani-v1.jsonld}; the {@code madani:} prefix is an IRI
 * namespace, never fetched.
 *
 * <p>Which standard context defines which term the documents use: {@code assertionMethod} is
 * defined by DID v1 (data-integrity v1 defines it only inside {@code proof}), {@code Multikey} and
 * {@code publicKeyMultibase} by Multikey v1, {@code publicKey}/{@code publicKeyPem} by Security v1,
 * {@code proof} and {@code DataIntegrityProof} by Data Integrity v1 (the one FEP-8b32 uses; Fedify
 * 1.5 does not preload v2). Immutable and thread-safe: every call returns a fresh copy.
 */
public final class EmittedContexts {

  public static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";
  public static final String SECURITY_V1 = "https://w3id.org/security/v1";
  public static final String DATA_INTEGRITY_V1 = "https://w3id.org/security/data-integrity/v1";
  public static final String DID_V1 = "https://www.w3.org/ns/did/v1";
  public static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";

  /** The only context URLs an emitted document may name. */
  public static final List<String> STANDARD =
      List.of(ACTIVITY_STREAMS, SECURITY_V1, DATA_INTEGRITY_V1, DID_V1, MULTIKEY_V1);

  private static final String TERMS_RESOURCE = "/protocol-spec/context/madani-v1.jsonld";

  /** Madani's term definitions, loaded once; never handed out, only copies of it. */
  private static final ObjectNode TERMS = load();

  private EmittedContexts() {}

  /** For entries, activities and statements: ActivityStreams, proofs, Madani's terms. */
  public static ArrayNode object() {
    ArrayNode c = JsonNodeFactory.instance.arrayNode();
    c.add(ACTIVITY_STREAMS).add(DATA_INTEGRITY_V1).add(terms());
    return c;
  }

  /**
   * For actors and for activities that embed one: also the key vocabularies (RSA {@code publicKey},
   * Ed25519 {@code Multikey} in {@code assertionMethod}).
   */
  public static ArrayNode actor() {
    ArrayNode c = JsonNodeFactory.instance.arrayNode();
    c.add(ACTIVITY_STREAMS)
        .add(SECURITY_V1)
        .add(DATA_INTEGRITY_V1)
        .add(DID_V1)
        .add(MULTIKEY_V1)
        .add(terms());
    return c;
  }

  /** A copy of Madani's inline term definitions. */
  public static ObjectNode terms() {
    return TERMS.deepCopy();
  }

  /** Whether {@code url} is one of the standard contexts emitted documents may name. */
  public static boolean isStandard(String url) {
    return STANDARD.contains(url);
  }

  private static ObjectNode load() {
    try (InputStream in = EmittedContexts.class.getResourceAsStream(TERMS_RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing " + TERMS_RESOURCE);
      JsonNode doc = new ObjectMapper().readTree(in);
      if (!(doc.get("@context") instanceof ObjectNode terms)) {
        throw new IllegalStateException("no @context object in " + TERMS_RESOURCE);
      }
      return terms;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
