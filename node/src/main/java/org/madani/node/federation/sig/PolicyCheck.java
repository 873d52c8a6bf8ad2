package org.madani.node.federation.sig;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.madani.node.federation.sig.Verification.Reason;
import org.madani.node.federation.sig.Verification.Rejected;

/** The policy checks both verifiers share, so the two schemes cannot drift apart. */
final class PolicyCheck {

  private PolicyCheck() {}

  /** The coverage rules of {@code policy} for a message, given the component names it covers. */
  static Optional<Rejected> coverage(
      SignaturePolicy policy, Set<String> covered, boolean request, boolean hasBody) {
    if (request) {
      Optional<Rejected> r = requireAll(policy.requiredAlways(), covered);
      if (r.isPresent()) {
        return r;
      }
    }
    return hasBody ? requireAll(policy.requiredWithBody(), covered) : Optional.empty();
  }

  private static Optional<Rejected> requireAll(List<Set<String>> rules, Set<String> covered) {
    for (Set<String> anyOf : rules) {
      if (anyOf.stream().noneMatch(covered::contains)) {
        return Optional.of(
            new Rejected(Reason.MISSING_COMPONENT, "signature must cover one of " + anyOf));
      }
    }
    return Optional.empty();
  }

  /**
   * The time checks. Returns the signature time on success.
   *
   * @param created the {@code created} parameter, or null
   * @param expires the {@code expires} parameter, or null
   * @param date the value of the {@code date} field if the signature covers it, or null
   */
  static TimeResult time(SignaturePolicy policy, Instant created, Instant expires, String date) {
    Instant now = policy.clock().instant();
    // No clock skew on expires (RFC 9421 §2.3): the signer chose the deadline on its own clock, and
    // adding minutes of grace would accept what the signer said must no longer be accepted.
    if (expires != null && now.isAfter(expires)) {
      return TimeResult.rejected(new Rejected(Reason.EXPIRED, "signature expired at " + expires));
    }
    Instant dated = null;
    if (date != null) {
      try {
        dated = HttpDate.parse(date);
      } catch (DateTimeParseException e) {
        return TimeResult.rejected(new Rejected(Reason.MALFORMED, "date is not an HTTP date"));
      }
    }
    if (created == null && dated == null) {
      return TimeResult.rejected(
          new Rejected(Reason.MISSING_COMPONENT, "signature must cover date or carry created"));
    }
    for (Instant t : new Instant[] {created, dated}) {
      if (t == null) {
        continue;
      }
      if (t.isAfter(now.plus(policy.maxClockSkew()))) {
        return TimeResult.rejected(
            new Rejected(Reason.CLOCK_SKEW, "signature time " + t + " is in the future"));
      }
      if (t.isBefore(now.minus(policy.maxAge()).minus(policy.maxClockSkew()))) {
        return TimeResult.rejected(
            new Rejected(Reason.CLOCK_SKEW, "signature time " + t + " is too old"));
      }
    }
    return new TimeResult(created != null ? created : dated, null);
  }

  record TimeResult(Instant signedAt, Rejected rejection) {
    static TimeResult rejected(Rejected r) {
      return new TimeResult(null, r);
    }
  }
}
