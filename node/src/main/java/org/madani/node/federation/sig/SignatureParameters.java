package org.madani.node.federation.sig;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an RFC 9421 signature covers and which parameters it carries (§2.3). The key id comes from
 * the {@link SigningKey}.
 *
 * <p>Components are component identifiers: a plain name ({@code date}, {@code @method}) or a
 * serialized identifier with parameters ({@code "@query-param";name="Pet"}).
 *
 * @param label the signature label in the dictionaries, e.g. {@code sig1}
 * @param components the covered components, in order
 * @param created the {@code created} parameter, or null to omit it
 * @param expires the {@code expires} parameter, or null to omit it
 * @param nonce the {@code nonce} parameter, or null
 * @param tag the {@code tag} parameter, or null
 * @param includeAlgorithm whether to send the {@code alg} parameter
 */
public record SignatureParameters(
    String label,
    List<String> components,
    Instant created,
    Instant expires,
    String nonce,
    String tag,
    boolean includeAlgorithm) {

  public SignatureParameters {
    Objects.requireNonNull(label, "label");
    components = List.copyOf(components);
  }

  /**
   * Covers {@code components}, created now-ish by the caller, with {@code alg}, label {@code sig1}.
   */
  public static SignatureParameters of(List<String> components, Instant created) {
    return new SignatureParameters("sig1", components, created, null, null, null, true);
  }

  public SignatureParameters withExpires(Instant newExpires) {
    return new SignatureParameters(
        label, components, created, newExpires, nonce, tag, includeAlgorithm);
  }

  public SignatureParameters withLabel(String newLabel) {
    return new SignatureParameters(
        newLabel, components, created, expires, nonce, tag, includeAlgorithm);
  }
}
