package org.madani.node.federation.sig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads which key ids a request claims to be signed with, before any verification, so that the
 * caller can fetch those keys (asynchronously) and then verify synchronously. Nothing returned here
 * is trusted: it only names keys to look up. Stateless.
 */
public final class SignatureKeyIds {
  private SignatureKeyIds() {}

  /** Which signature scheme a request uses. */
  public enum Scheme {
    RFC9421,
    CAVAGE,
    NONE
  }

  public static Scheme scheme(HttpRequestView request) {
    if (request.header("signature-input").isPresent()) return Scheme.RFC9421;
    if (request.header("signature").isPresent()) return Scheme.CAVAGE;
    Optional<String> auth = request.header("authorization");
    if (auth.isPresent() && auth.get().regionMatches(true, 0, "Signature ", 0, 10))
      return Scheme.CAVAGE;
    return Scheme.NONE;
  }

  /**
   * Key ids named by the request's signatures (at most 8); empty when there are none or unreadable.
   */
  public static List<String> of(HttpRequestView request) {
    List<String> out = new ArrayList<>();
    try {
      switch (scheme(request)) {
        case RFC9421 -> {
          Map<String, StructuredFields.Member> inputs =
              StructuredFieldParser.parseDictionary(
                  request.header("signature-input").orElseThrow());
          for (StructuredFields.Member m : inputs.values()) {
            if (m instanceof StructuredFields.InnerList list) {
              list.params().get("keyid").ifPresent(k -> out.add(String.valueOf(k)));
            }
            if (out.size() >= 8) break;
          }
        }
        case CAVAGE -> {
          String value =
              request
                  .header("signature")
                  .orElseGet(() -> request.header("authorization").orElseThrow().substring(10));
          out.add(CavageSignatureHeader.parse(value).keyId());
        }
        case NONE -> {}
      }
    } catch (RuntimeException | ComponentException e) {
      return List.of();
    }
    return out;
  }
}
