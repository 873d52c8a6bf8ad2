package org.madani.node.federation.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON-LD context documents this node understands, loaded from the classpath once.
 *
 * <p>Contexts are never fetched. Fetching them would let whoever serves (or intercepts) a context
 * URL change what every term in every document means, and would add a network round trip and a
 * point of failure to each activity we read. Copies of the third-party contexts live in {@code
 * src/main/resources/jsonld/} (see the README there for where each came from); Madani's own comes
 * from protocol-spec.
 *
 * <p>Immutable after construction and thread-safe. {@link #lookup} returns a fresh copy, so callers
 * may change what they get.
 */
public final class JsonLdContexts {

  public static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";
  public static final String SECURITY_V1 = "https://w3id.org/security/v1";
  public static final String DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2";
  public static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
  public static final String MADANI_V1 = "https://madani.network/ns/v1.jsonld";

  private static final Map<String, String> RESOURCES =
      Map.of(
          ACTIVITY_STREAMS, "/jsonld/activitystreams.jsonld",
          SECURITY_V1, "/jsonld/security-v1.jsonld",
          DATA_INTEGRITY_V2, "/jsonld/data-integrity-v2.jsonld",
          MULTIKEY_V1, "/jsonld/multikey-v1.jsonld",
          MADANI_V1, "/protocol-spec/context/madani-v1.jsonld");

  private final Map<String, ObjectNode> documents;

  /**
   * Loads every context; fails fast if one is missing or not a JSON object with {@code @context}.
   */
  public JsonLdContexts(ObjectMapper mapper) {
    Map<String, ObjectNode> loaded = new LinkedHashMap<>();
    RESOURCES.forEach((url, resource) -> loaded.put(url, load(mapper, resource)));
    this.documents = Map.copyOf(loaded);
  }

  /** The canonical URLs of all held contexts. */
  public Set<String> urls() {
    return documents.keySet();
  }

  /** A copy of the context document for {@code url}, or empty if we do not hold it. */
  public Optional<ObjectNode> lookup(String url) {
    ObjectNode doc = documents.get(canonical(url));
    return doc == null ? Optional.empty() : Optional.of(doc.deepCopy());
  }

  public Optional<ObjectNode> lookup(URI url) {
    return lookup(url.toString());
  }

  /** Whether {@code url} names a context we hold, so it must not be fetched. */
  public boolean isKnown(URI url) {
    return documents.containsKey(canonical(url.toString()));
  }

  /**
   * Folds the spellings peers use for the same context: http or https, a trailing {@code #} or
   * {@code /}, and the {@code .jsonld} file name ActivityStreams is also published under.
   */
  static String canonical(String url) {
    String u = url.strip();
    if (u.startsWith("http://")) u = "https://" + u.substring("http://".length());
    while (u.endsWith("#") || u.endsWith("/")) u = u.substring(0, u.length() - 1);
    if (u.equals(ACTIVITY_STREAMS + ".jsonld")) u = ACTIVITY_STREAMS;
    return u;
  }

  private static ObjectNode load(ObjectMapper mapper, String resource) {
    try (InputStream in = JsonLdContexts.class.getResourceAsStream(resource)) {
      if (in == null)
        throw new IllegalStateException("missing JSON-LD context resource " + resource);
      JsonNode node = mapper.readTree(in);
      if (!(node instanceof ObjectNode object) || !object.path("@context").isObject()) {
        throw new IllegalStateException("not a JSON-LD context document: " + resource);
      }
      return object;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable JSON-LD context " + resource, e);
    }
  }
}
