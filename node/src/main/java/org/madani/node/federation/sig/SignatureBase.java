package org.madani.node.federation.sig;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.madani.node.federation.sig.StructuredFields.InnerList;
import org.madani.node.federation.sig.StructuredFields.Item;
import org.madani.node.federation.sig.StructuredFields.Member;
import org.madani.node.federation.sig.Verification.Reason;

/**
 * Builds the RFC 9421 §2.5 signature base: one line per covered component, {@code <component
 * identifier>: <value>}, then the {@code "@signature-params"} line, joined by LF with no trailing
 * newline. Signer and verifier both call {@link #build}, so they cannot disagree.
 *
 * <p>Supported derived components (§2.2): {@code @method}, {@code @target-uri}, {@code @authority},
 * {@code @scheme}, {@code @request-target}, {@code @path}, {@code @query}, {@code @query-param}
 * (with {@code name}) and, on responses, {@code @status}. Field components (§2.1) support the
 * {@code sf}, {@code key} and {@code bs} parameters; {@code req} and {@code tr} are refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class SignatureBase {

  /**
   * Fields whose structured type we know, for the {@code sf} and {@code key} parameters (§2.1.1,
   * §2.1.2).
   */
  private static final Set<String> DICTIONARY_FIELDS =
      Set.of(
          "content-digest",
          "repr-digest",
          "signature",
          "signature-input",
          "accept-signature",
          "want-content-digest",
          "want-repr-digest",
          "priority");

  private static final Set<String> KNOWN_PARAMS = Set.of("sf", "key", "bs", "name", "req", "tr");

  private SignatureBase() {}

  /**
   * The signature base for {@code message} over the components and parameters of {@code params}.
   *
   * @throws ComponentException if a component is absent ({@link Reason#MISSING_COMPONENT}) or
   *     unusable ({@link Reason#MALFORMED})
   */
  static String build(HttpMessageView message, InnerList params) throws ComponentException {
    StringBuilder base = new StringBuilder();
    Set<String> seen = new HashSet<>();
    for (Item component : params.items()) {
      String id = StructuredFields.serialize(component);
      // §2.5: a component identifier may appear only once.
      if (!seen.add(id)) {
        throw new ComponentException(Reason.MALFORMED, "duplicate component " + id);
      }
      String value = value(message, component);
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        throw new ComponentException(
            Reason.MALFORMED, "component " + id + " contains a line break");
      }
      base.append(id).append(": ").append(value).append('\n');
    }
    base.append("\"@signature-params\": ").append(StructuredFields.serialize(params));
    return base.toString();
  }

  /**
   * Public for tests and tooling: the base as {@link #build} makes it, with failures as unchecked.
   */
  public static String of(HttpMessageView message, String signatureParamsInnerList) {
    Member member = StructuredFieldParser.parseList(signatureParamsInnerList).getFirst();
    if (!(member instanceof InnerList list)) {
      throw new IllegalArgumentException("not an inner list");
    }
    try {
      return build(message, list);
    } catch (ComponentException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** The component name of a covered item; the item must hold a string (§2). */
  static String name(Item component) throws ComponentException {
    if (!(component.value() instanceof String name) || name.isEmpty()) {
      throw new ComponentException(Reason.MALFORMED, "component identifier must be a string");
    }
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      throw new ComponentException(Reason.MALFORMED, "component name must be lower case: " + name);
    }
    return name;
  }

  private static String value(HttpMessageView message, Item component) throws ComponentException {
    String name = name(component);
    for (String param : component.params().values().keySet()) {
      if (!KNOWN_PARAMS.contains(param)) {
        throw new ComponentException(Reason.MALFORMED, "unknown component parameter " + param);
      }
    }
    if (component.params().get("req").isPresent() || component.params().get("tr").isPresent()) {
      throw new ComponentException(
          Reason.MALFORMED, "req and tr component parameters are not supported");
    }
    if (name.startsWith("@")) {
      return derived(message, name, component);
    }
    return field(message, name, component);
  }

  private static String derived(HttpMessageView message, String name, Item component)
      throws ComponentException {
    if (message instanceof HttpResponseView response) {
      if (name.equals("@status")) {
        return String.format(Locale.ROOT, "%03d", response.status());
      }
      throw new ComponentException(Reason.MALFORMED, name + " does not apply to a response");
    }
    HttpRequestView request = (HttpRequestView) message;
    URI uri = request.targetUri();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery();
    return switch (name) {
      case "@method" -> request.method();
      case "@target-uri" ->
          uri.getScheme().toLowerCase(Locale.ROOT)
              + "://"
              + authority(uri)
              + path
              + (query == null ? "" : "?" + query);
      case "@authority" -> authority(uri);
      case "@scheme" -> uri.getScheme().toLowerCase(Locale.ROOT);
      case "@request-target" -> path + (query == null ? "" : "?" + query);
      case "@path" -> path;
      // §2.2.7: an absent query is a lone "?".
      case "@query" -> "?" + (query == null ? "" : query);
      case "@query-param" -> queryParam(query, component);
      case "@status" ->
          throw new ComponentException(Reason.MALFORMED, "@status applies only to responses");
      default ->
          throw new ComponentException(Reason.MALFORMED, "unknown derived component " + name);
    };
  }

  /** §2.2.3: host lower-cased, the default port of the scheme omitted. */
  private static String authority(URI uri) {
    String host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost();
    host = host.toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean defaultPort =
        port == -1
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    return defaultPort ? host : host + ":" + port;
  }

  /**
   * §2.2.8: the query is parsed as application/x-www-form-urlencoded; names and values are decoded,
   * then re-encoded with percent-encoding so the base has one spelling per value.
   */
  private static String queryParam(String query, Item component) throws ComponentException {
    if (!(component.params().get("name").orElse(null) instanceof String wanted)) {
      throw new ComponentException(Reason.MALFORMED, "@query-param needs a string name parameter");
    }
    List<String> values = new ArrayList<>();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&", -1)) {
        int eq = pair.indexOf('=');
        String rawName = eq < 0 ? pair : pair.substring(0, eq);
        String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
        if (percentEncode(formDecode(rawName)).equals(wanted)) {
          values.add(percentEncode(formDecode(rawValue)));
        }
      }
    }
    if (values.isEmpty()) {
      throw new ComponentException(
          Reason.MISSING_COMPONENT, "query parameter " + wanted + " is absent");
    }
    if (values.size() > 1) {
      // Refused rather than guessed: which occurrence was signed would be ambiguous.
      throw new ComponentException(
          Reason.MALFORMED, "query parameter " + wanted + " occurs more than once");
    }
    return values.getFirst();
  }

  private static String formDecode(String s) throws ComponentException {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ComponentException(Reason.MALFORMED, "bad percent-encoding in query");
    }
  }

  private static String percentEncode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static String field(HttpMessageView message, String name, Item component)
      throws ComponentException {
    List<String> lines = message.headerValues(name);
    if (lines.isEmpty()) {
      throw new ComponentException(
          Reason.MISSING_COMPONENT, "covered field " + name + " is absent");
    }
    boolean sf = component.params().get("sf").isPresent();
    Object key = component.params().get("key").orElse(null);
    boolean bs = component.params().get("bs").isPresent();
    if (bs && (sf || key != null)) {
      throw new ComponentException(Reason.MALFORMED, "bs cannot be combined with sf or key");
    }
    if (bs) {
      // §2.1.3: each field line wrapped as a byte sequence, so values with commas stay apart.
      List<String> wrapped = new ArrayList<>();
      for (String line : lines) {
        wrapped.add(
            ":"
                + Base64.getEncoder().encodeToString(line.strip().getBytes(StandardCharsets.UTF_8))
                + ":");
      }
      return String.join(", ", wrapped);
    }
    String combined = HttpMessageView.combine(lines);
    if (!sf && key == null) {
      return combined;
    }
    if (!DICTIONARY_FIELDS.contains(name)) {
      throw new ComponentException(Reason.MALFORMED, "structured type of " + name + " is unknown");
    }
    Map<String, Member> dict;
    try {
      dict = StructuredFieldParser.parseDictionary(combined);
    } catch (IllegalArgumentException e) {
      throw new ComponentException(Reason.MALFORMED, name + " is not a valid dictionary");
    }
    if (key == null) {
      return StructuredFields.serializeDictionary(dict);
    }
    if (!(key instanceof String k) || !dict.containsKey(k)) {
      throw new ComponentException(
          Reason.MISSING_COMPONENT, "dictionary key " + key + " is absent from " + name);
    }
    return StructuredFields.serialize(dict.get(k));
  }
}
