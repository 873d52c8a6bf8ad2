package org.madani.node.federation.sig;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a signature must cover and how fresh it must be, shared by the RFC 9421 and draft-cavage
 * verifiers.
 *
 * <p>Coverage rules are lists of alternatives: each set names components of which at least one must
 * be covered. Names are RFC 9421 component names ({@code @method}, {@code @target-uri}, {@code
 * host}, …); a draft-cavage {@code (request-target)} counts as {@code @method} and
 * {@code @request-target} because it carries both.
 *
 * <p>Independently of these lists every signature must carry a time: a covered {@code date} field
 * or a {@code created} parameter. Each time present must lie within {@code maxClockSkew} in the
 * future and {@code maxAge + maxClockSkew} in the past (RFC 9421 §7.2.2, replay outside the
 * window), and {@code expires}, when present, must not have passed (RFC 9421 §3.2 step 7).
 *
 * <p>Immutable and thread-safe if the clock is.
 *
 * @param requiredAlways coverage required on every request
 * @param requiredWithBody coverage additionally required when the message has a body
 * @param maxClockSkew tolerated difference between the peer's clock and ours
 * @param maxAge how old a signature may be
 * @param clock our clock
 */
public record SignaturePolicy(
    List<Set<String>> requiredAlways,
    List<Set<String>> requiredWithBody,
    Duration maxClockSkew,
    Duration maxAge,
    Clock clock) {

  /** Default skew: five minutes. */
  public static final Duration DEFAULT_SKEW = Duration.ofMinutes(5);

  /**
   * Default age: one hour, as Fedify uses; Mastodon allows twelve, which widens the replay window.
   */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

  public SignaturePolicy {
    requiredAlways = requiredAlways.stream().map(Set::copyOf).toList();
    requiredWithBody = requiredWithBody.stream().map(Set::copyOf).toList();
    Objects.requireNonNull(clock, "clock");
    if (maxClockSkew.isNegative() || maxAge.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /**
   * The federation inbox policy: the method, the path (or whole target URI) and the authority are
   * signed, and a body is bound through a signed {@code Content-Digest} or {@code Digest}.
   */
  public static SignaturePolicy federation(Clock clock) {
    return new SignaturePolicy(
        List.of(
            Set.of("@method"),
            Set.of("@target-uri", "@request-target", "@path"),
            Set.of("@target-uri", "@authority", "host")),
        List.of(Set.of(Digests.CONTENT_DIGEST, Digests.DIGEST)),
        DEFAULT_SKEW,
        DEFAULT_MAX_AGE,
        clock);
  }

  /** Only the time checks; for published vectors that cover little, never for the inbox. */
  public static SignaturePolicy timeOnly(Clock clock) {
    return new SignaturePolicy(List.of(), List.of(), DEFAULT_SKEW, DEFAULT_MAX_AGE, clock);
  }
}
