package org.madani.node.federation.sig;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.madani.node.federation.sig.StructuredFields.InnerList;
import org.madani.node.federation.sig.StructuredFields.Member;

/**
 * Bounded-time fuzzing (a seeded generator; Jazzer does not resolve from the Maven mirror here) of
 * what a hostile peer controls in a signed request: the structured fields of Signature-Input and
 * Signature, the signature base built from its headers, and the verifier as a whole. Each target
 * runs for {@code madani.fuzz.seconds} (default 3) from seed {@code madani.fuzz.seed} (default
 * fixed, so CI is repeatable; the seed is in every failure message).
 *
 * <p>Properties: parsers either parse or throw {@link IllegalArgumentException}; what parses
 * serializes to a fixed point; a signature base has exactly one line per covered component plus the
 * parameters line (no header value can inject a line); the verifier never throws.
 */
class SignatureInputFuzzTest {

  static final long SEED = Long.getLong("madani.fuzz.seed", 0x11_5EC_2026L);
  static final long NANOS =
      (long) (Double.parseDouble(System.getProperty("madani.fuzz.seconds", "3")) * 1e9);

  static final String[] SEEDS = {
    "sig1=(\"@method\" \"@target-uri\" \"@authority\" \"date\" \"content-digest\");created=1618884473;keyid=\"k\";alg=\"ed25519\"",
    "sig1=:K2qGT5srn2OGbOIDzQ6kYT+ruaycnDAAUpKv+ePFfD0RAxn/1BUeZx/Kdrq32DrfakQ6bPsvB9aqZqognNT6be4olHROIkeV879RrsrObury8L9SCEibeoHyqU/yCjphSmEdd7WD+zrchK57quskKwRefy2iEC5S2uAH0EPyOZKWlvbKmKu5q4CaB8X/I5/+HLZLGvDiezqi6/7p2Gngf5hwZ0lSdy39vyNMaaAT0tKo6nuVw0S1MVg1Q7MpWYZs0soHjttq0uLIA3DIbQfLiIvK6/l0BdWTU7+2uQj7lBkQAsFZHoA96ZZgFquQrXRlmYOh+Hx5D9fJkXcXe5tmAg==:",
    "a=1, b=2;x=?1, c=(1 2 3);y=\"z\", d=@1659578233, e=%\"caf%c3%a9\", f=3.14, g=-7, h=token/x",
    "(\"@query-param\";name=\"a\" \"@request-target\" \"x-h\";sf \"y\";key=\"k\" \"z\";bs \"w\";req)",
  };
  static final String ALPHABET = "=;,()\" \t:?*/@%-_.0123456789abczAZ\\\u00e9\u0000\n\r:+/";

  static String mutate(Random r, String s) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + r.nextInt(6);
    for (int i = 0; i < edits; i++) {
      int at = b.isEmpty() ? 0 : r.nextInt(b.length() + 1);
      switch (r.nextInt(5)) {
        case 0 -> b.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        case 1 -> {
          if (at < b.length()) b.deleteCharAt(at);
        }
        case 2 -> {
          if (at < b.length()) b.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        case 3 -> b.insert(at, "(".repeat(r.nextInt(50)));
        default -> {
          if (at < b.length())
            b.insert(at, b.substring(at, Math.min(b.length(), at + r.nextInt(40))));
        }
      }
    }
    return b.toString();
  }

  static String input(Random r) {
    if (r.nextInt(10) == 0) {
      StringBuilder b = new StringBuilder();
      for (int i = r.nextInt(80); i > 0; i--)
        b.append((char) r.nextInt(r.nextBoolean() ? 128 : 0x3000));
      return b.toString();
    }
    return mutate(r, SEEDS[r.nextInt(SEEDS.length)]);
  }

  @Test
  void structuredFieldParser_parsesOrRefuses_andSerializationIsAFixedPoint() {
    Random r = new Random(SEED);
    long end = System.nanoTime() + NANOS;
    int runs = 0;
    int parsed = 0;
    while (System.nanoTime() < end) {
      String in = input(r);
      runs++;
      Map<String, Member> d;
      try {
        d = StructuredFieldParser.parseDictionary(in);
      } catch (IllegalArgumentException refused) {
        tryList(in);
        continue;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(
            "seed " + SEED + ", run " + runs + ": " + e + " on " + show(in), e);
      }
      parsed++;
      String once = StructuredFields.serializeDictionary(d);
      String twice =
          StructuredFields.serializeDictionary(StructuredFieldParser.parseDictionary(once));
      assertThat(twice).as("seed %s run %s input %s", SEED, runs, show(in)).isEqualTo(once);
    }
    assertThat(runs).isGreaterThan(100);
    assertThat(parsed).as("the mutations also reach the parser's success paths").isPositive();
  }

  private static void tryList(String in) {
    try {
      StructuredFieldParser.parseList(in);
    } catch (IllegalArgumentException refused) {
      // expected for most mutations
    }
    try {
      StructuredFieldParser.parseItem(in);
    } catch (IllegalArgumentException refused) {
      // expected for most mutations
    }
  }

  static HttpRequestView request(Random r) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("host", List.of("node.example"));
    headers.put("date", List.of("Tue, 20 Apr 2021 02:07:55 GMT"));
    // a covered field whose value a hostile peer chose: CR, LF and NUL included
    headers.put(
        "x-h", new ArrayList<>(List.of(mutate(r, "v\r\nx-injected: 1"), mutate(r, SEEDS[2]))));
    for (int i = r.nextInt(5); i > 0; i--) {
      String name =
          List.of("x-h", "y", "z", "w", "content-digest", "signature", "signature-input")
              .get(r.nextInt(7));
      headers
          .computeIfAbsent(name, k -> new ArrayList<>())
          .add(mutate(r, SEEDS[r.nextInt(SEEDS.length)]));
    }
    String query = r.nextBoolean() ? "?a=" + mutate(r, "b%20c&a=d") : "";
    URI target;
    try {
      target =
          URI.create(
              "https://node.example/orgs/x/inbox" + query.replaceAll("[^A-Za-z0-9=&%?._-]", ""));
    } catch (IllegalArgumentException e) {
      target = URI.create("https://node.example/inbox");
    }
    return new HttpRequestView("POST", target, headers, "{}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void signatureBase_hasOneLinePerComponent_whateverTheHeadersHold() {
    Random r = new Random(SEED + 1);
    long end = System.nanoTime() + NANOS;
    int runs = 0;
    int built = 0;
    while (System.nanoTime() < end) {
      runs++;
      HttpRequestView message = request(r);
      String params =
          switch (r.nextInt(3)) {
            case 0 -> "(\"@method\" \"@target-uri\" \"@authority\" \"date\" \"x-h\")";
            case 1 ->
                mutate(r, "(\"@method\" \"@path\" \"@query\" \"x-h\" \"@query-param\";name=\"a\")");
            default -> mutate(r, SEEDS[3]);
          };
      InnerList list;
      try {
        if (!(StructuredFieldParser.parseList(params).getFirst() instanceof InnerList l)) continue;
        list = l;
      } catch (IllegalArgumentException | java.util.NoSuchElementException refused) {
        continue;
      }
      try {
        String base = SignatureBase.build(message, list);
        built++;
        assertThat(base.split("\n", -1))
            .as("seed %s run %s", SEED + 1, runs)
            .hasSize(list.items().size() + 1);
      } catch (ComponentException refused) {
        // an absent or malformed component: the verifier turns it into a rejection
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(
            "seed " + (SEED + 1) + ", run " + runs + ": " + e + " on " + show(params), e);
      }
    }
    assertThat(runs).isGreaterThan(100);
    assertThat(built).isPositive();
  }

  @Test
  void verifier_neverThrows_onHostileSignatureHeaders() {
    Random r = new Random(SEED + 2);
    VerificationKey key =
        VerificationKey.of(
            "k",
            "https://peer.example/a",
            Keys.generateEd25519(new java.security.SecureRandom()).getPublic(),
            SignatureAlgorithm.ED25519);
    Rfc9421Verifier verifier =
        new Rfc9421Verifier(
            id -> id.equals("k") ? Optional.of(key) : Optional.empty(),
            SignaturePolicy.federation(Clock.systemUTC()));
    long end = System.nanoTime() + NANOS;
    int runs = 0;
    while (System.nanoTime() < end) {
      runs++;
      HttpRequestView m =
          request(r)
              .withReplacedHeader(
                  "Signature-Input", r.nextBoolean() ? mutate(r, SEEDS[0]) : SEEDS[0])
              .withReplacedHeader("Signature", r.nextBoolean() ? mutate(r, SEEDS[1]) : SEEDS[1]);
      try {
        assertThat(verifier.verify(m)).isInstanceOf(Verification.Rejected.class);
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("seed " + (SEED + 2) + ", run " + runs + ": " + e, e);
      }
    }
    assertThat(runs).isGreaterThan(100);
  }

  static String show(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
