package org.madani.node.federation.sig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A transport-neutral, immutable view of an HTTP message as far as signatures care: its header
 * field lines and its body bytes. Field names are stored lower-cased (HTTP field names are
 * case-insensitive, RFC 9110 §5.1); each name maps to its field line values in arrival order.
 *
 * <p>Implementations are immutable records and safe to share between threads.
 */
public sealed interface HttpMessageView permits HttpRequestView, HttpResponseView {

  /** Lower-cased field name to its field line values, in order. Unmodifiable. */
  Map<String, List<String>> headers();

  /** A copy of the body; empty when there is none. */
  byte[] body();

  /** Whether the body has at least one byte, without copying it. */
  boolean hasBody();

  /** A copy of {@code headers} with {@code value} appended as a new field line of {@code name}. */
  static Map<String, List<String>> withLine(
      Map<String, List<String>> headers, String name, String value) {
    Map<String, List<String>> copy = new java.util.LinkedHashMap<>(headers);
    List<String> values =
        new java.util.ArrayList<>(copy.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    values.add(value);
    copy.put(name.toLowerCase(Locale.ROOT), values);
    return copy;
  }

  /** All field line values for {@code name} (any case); empty when absent. */
  default List<String> headerValues(String name) {
    return headers().getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /**
   * The single value of {@code name}: the field lines combined as RFC 9110 §5.3 allows (trimmed,
   * joined with {@code ", "}); empty when the field is absent.
   */
  default Optional<String> header(String name) {
    List<String> values = headerValues(name);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(combine(values));
  }

  /** Joins field line values per RFC 9421 §2.1: each trimmed, joined by comma and space. */
  static String combine(List<String> values) {
    // One field line is the usual case: its value as it is, without copying it through a builder
    // (this runs several times per signed request, on the event loop and the crypto workers).
    if (values.size() == 1) return values.get(0).strip();
    StringBuilder out = new StringBuilder();
    for (String value : values) {
      if (!out.isEmpty()) {
        out.append(", ");
      }
      out.append(value.strip());
    }
    return out.toString();
  }

  /** Lower-cases names and freezes values; used by the records' compact constructors. */
  static Map<String, List<String>> normalize(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("empty header name");
          }
          out.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
              .addAll(values);
        });
    out.replaceAll((k, v) -> List.copyOf(v));
    return java.util.Collections.unmodifiableMap(out);
  }
}
