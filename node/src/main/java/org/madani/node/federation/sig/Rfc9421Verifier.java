package org.madani.node.federation.sig;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.madani.node.federation.sig.StructuredFields.ByteSequence;
import org.madani.node.federation.sig.StructuredFields.InnerList;
import org.madani.node.federation.sig.StructuredFields.Item;
import org.madani.node.federation.sig.StructuredFields.Member;
import org.madani.node.federation.sig.Verification.Reason;
import org.madani.node.federation.sig.Verification.Rejected;
import org.madani.node.federation.sig.Verification.Verified;

/**
 * Verifies RFC 9421 signatures ({@code Signature-Input} + {@code Signature}) under a {@link
 * SignaturePolicy}, resolving keys through a {@link KeyResolver}.
 *
 * <p>Each labelled signature is checked in the order of §3.2, cheapest first so forged requests
 * cost little: parse; policy coverage; {@code expires} and time window; key lookup; algorithm
 * agreement (the {@code alg} parameter, if present, must be one the key allows); signature base and
 * cryptographic check; finally every covered digest field must match the body. The message is
 * accepted if any one signature passes; otherwise the first signature's rejection is returned.
 *
 * <p>Immutable and thread-safe if the resolver is.
 */
public final class Rfc9421Verifier {

  /** At most this many signatures are tried, so a message cannot make us verify without bound. */
  static final int MAX_SIGNATURES = 8;

  private final KeyResolver keys;
  private final SignaturePolicy policy;

  public Rfc9421Verifier(KeyResolver keys, SignaturePolicy policy) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Verifies a request under the full policy. */
  public Verification verify(HttpRequestView request) {
    return verifyMessage(request);
  }

  /** Verifies a response; only the body-related coverage rules and the time checks apply. */
  public Verification verify(HttpResponseView response) {
    return verifyMessage(response);
  }

  private Verification verifyMessage(HttpMessageView message) {
    Optional<String> input = message.header("signature-input");
    Optional<String> signature = message.header("signature");
    if (input.isEmpty() && signature.isEmpty()) {
      return new Rejected(Reason.MISSING_SIGNATURE, "no Signature-Input or Signature field");
    }
    if (input.isEmpty() || signature.isEmpty()) {
      return new Rejected(Reason.MALFORMED, "Signature-Input and Signature must come together");
    }
    Map<String, Member> inputs;
    Map<String, Member> signatures;
    try {
      inputs = StructuredFieldParser.parseDictionary(input.get());
      signatures = StructuredFieldParser.parseDictionary(signature.get());
    } catch (IllegalArgumentException e) {
      return new Rejected(
          Reason.MALFORMED, "signature fields are not structured dictionaries: " + e.getMessage());
    }
    if (inputs.isEmpty()) {
      return new Rejected(Reason.MISSING_SIGNATURE, "Signature-Input is empty");
    }
    Rejected first = null;
    int tried = 0;
    for (Map.Entry<String, Member> entry : inputs.entrySet()) {
      if (++tried > MAX_SIGNATURES) {
        break;
      }
      Verification v =
          verifyOne(message, entry.getKey(), entry.getValue(), signatures.get(entry.getKey()));
      if (v instanceof Verified) {
        return v;
      }
      if (first == null) {
        first = (Rejected) v;
      }
    }
    return first;
  }

  private Verification verifyOne(
      HttpMessageView message, String label, Member inputMember, Member signatureMember) {
    if (!(inputMember instanceof InnerList params)) {
      return new Rejected(
          Reason.MALFORMED, label + ": Signature-Input member is not an inner list");
    }
    if (signatureMember == null) {
      return new Rejected(Reason.MALFORMED, label + ": no Signature for this label");
    }
    if (!(signatureMember instanceof Item item)
        || !(item.value() instanceof ByteSequence sigBytes)) {
      return new Rejected(Reason.MALFORMED, label + ": Signature member is not a byte sequence");
    }
    ParsedParams p;
    try {
      p = ParsedParams.of(params);
    } catch (ComponentException e) {
      return new Rejected(e.reason(), label + ": " + e.getMessage());
    }
    Optional<Rejected> coverage =
        PolicyCheck.coverage(
            policy, p.covered, message instanceof HttpRequestView, message.hasBody());
    if (coverage.isPresent()) {
      return coverage.get();
    }
    String date = p.covered.contains("date") ? message.header("date").orElse(null) : null;
    PolicyCheck.TimeResult time = PolicyCheck.time(policy, p.created, p.expires, date);
    if (time.rejection() != null) {
      return time.rejection();
    }
    Optional<VerificationKey> resolved = keys.resolve(p.keyId);
    if (resolved.isEmpty()) {
      return new Rejected(Reason.UNKNOWN_KEY, "unknown key " + p.keyId);
    }
    VerificationKey key = resolved.get();
    List<SignatureAlgorithm> candidates;
    if (p.alg != null) {
      Optional<SignatureAlgorithm> named = SignatureAlgorithm.fromWireName(p.alg);
      if (named.isEmpty()) {
        return new Rejected(Reason.ALGORITHM_MISMATCH, "unsupported algorithm " + p.alg);
      }
      if (!key.algorithms().contains(named.get())) {
        return new Rejected(
            Reason.ALGORITHM_MISMATCH, p.alg + " is not allowed for key " + p.keyId);
      }
      candidates = List.of(named.get());
    } else {
      candidates = new ArrayList<>(key.algorithms());
    }
    String base;
    try {
      base = SignatureBase.build(message, params);
    } catch (ComponentException e) {
      return new Rejected(e.reason(), label + ": " + e.getMessage());
    }
    byte[] data = base.getBytes(StandardCharsets.UTF_8);
    byte[] signatureBytes = sigBytes.bytes();
    SignatureAlgorithm used = null;
    for (SignatureAlgorithm algorithm : candidates) {
      if (key.verify(algorithm, data, signatureBytes)) {
        used = algorithm;
        break;
      }
    }
    if (used == null) {
      return new Rejected(Reason.BAD_SIGNATURE, label + ": signature does not verify");
    }
    Set<String> digestFields = new HashSet<>(p.covered);
    digestFields.retainAll(Set.of(Digests.CONTENT_DIGEST, Digests.DIGEST));
    if (!digestFields.isEmpty()) {
      Digests.Outcome outcome = Digests.check(message, digestFields);
      boolean ok =
          outcome == Digests.Outcome.MATCH
              || (outcome == Digests.Outcome.ABSENT && !message.hasBody());
      if (!ok) {
        return new Rejected(
            Reason.DIGEST_MISMATCH,
            label + ": covered digest does not match the body (" + outcome + ")");
      }
    }
    return new Verified(p.keyId, key.ownerId(), used, label, time.signedAt());
  }

  /** The parameters of one Signature-Input member, type-checked per §2.3. */
  private record ParsedParams(
      Set<String> covered, Instant created, Instant expires, String keyId, String alg) {

    static ParsedParams of(InnerList params) throws ComponentException {
      Set<String> covered = new HashSet<>();
      for (Item component : params.items()) {
        covered.add(SignatureBase.name(component));
      }
      Map<String, Object> values = params.params().values();
      Instant created = instant(values.get("created"), "created");
      Instant expires = instant(values.get("expires"), "expires");
      Object keyId = values.get("keyid");
      if (!(keyId instanceof String k)) {
        // Without keyid we would have to guess the key from context; we refuse instead.
        throw new ComponentException(Reason.MALFORMED, "keyid must be a string");
      }
      Object alg = values.get("alg");
      if (alg != null && !(alg instanceof String)) {
        throw new ComponentException(Reason.MALFORMED, "alg must be a string");
      }
      for (String s : new String[] {"nonce", "tag"}) {
        if (values.containsKey(s) && !(values.get(s) instanceof String)) {
          throw new ComponentException(Reason.MALFORMED, s + " must be a string");
        }
      }
      return new ParsedParams(covered, created, expires, k, (String) alg);
    }

    private static Instant instant(Object value, String name) throws ComponentException {
      if (value == null) {
        return null;
      }
      if (!(value instanceof Long seconds)) {
        throw new ComponentException(Reason.MALFORMED, name + " must be an integer");
      }
      return Instant.ofEpochSecond(seconds);
    }
  }
}
