package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madani.node.federation.sig.Digests.Outcome;

class DigestsTest {

  private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

  private static HttpRequestView request(Map<String, String> headers, byte[] body) {
    return HttpRequestView.of("POST", URI.create("https://example.com/foo"), headers, body);
  }

  @Test
  void computesPublishedValues() {
    // draft-cavage-12 Appendix C and RFC 9421 Appendix B.2 digests of the same body.
    assertEquals(
        "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=", Digests.digestHeader(BODY));
    assertEquals(
        "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:",
        Digests.contentDigestHeader(BODY, "sha-512"));
    assertEquals(
        "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
        Digests.contentDigestHeader(BODY, "sha-256"));
  }

  @Test
  void matchingDigestsMatch() {
    assertEquals(
        Outcome.MATCH, Digests.check(request(Map.of("Digest", Digests.digestHeader(BODY)), BODY)));
    assertEquals(
        Outcome.MATCH,
        Digests.check(
            request(
                Map.of(
                    "Content-Digest",
                    Digests.contentDigestHeader(BODY, "sha-256")
                        + ", "
                        + "sha-512=:"
                        + Digests.contentDigestHeader(BODY, "sha-512").substring(9)),
                BODY)));
    assertEquals(
        Outcome.MATCH,
        Digests.check(
            request(
                Map.of("Digest", "sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="), BODY)),
        "algorithm names are case-insensitive");
  }

  @Test
  void oneWrongDigestIsAMismatch() {
    byte[] other = "{}".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        Outcome.MISMATCH,
        Digests.check(request(Map.of("Digest", Digests.digestHeader(other)), BODY)));
    assertEquals(
        Outcome.MISMATCH,
        Digests.check(
            request(
                Map.of(
                    "Content-Digest",
                    Digests.contentDigestHeader(BODY, "sha-256")
                        + ", "
                        + Digests.contentDigestHeader(other, "sha-512")),
                BODY)));
    assertEquals(
        Outcome.MISMATCH,
        Digests.check(
            request(
                Map.of(
                    "Content-Digest",
                    Digests.contentDigestHeader(BODY, "sha-256"),
                    "Digest",
                    Digests.digestHeader(other)),
                BODY)));
  }

  @Test
  void unknownAlgorithmsAreIgnored() {
    assertEquals(
        Outcome.ABSENT,
        Digests.check(request(Map.of("Content-Digest", "md5=:AAAA:", "Digest", "MD5=abc="), BODY)));
    assertEquals(
        Outcome.MATCH,
        Digests.check(
            request(
                Map.of(
                    "Content-Digest",
                    "md5=:AAAA:, " + Digests.contentDigestHeader(BODY, "sha-256")),
                BODY)));
  }

  @Test
  void noDigestWithABodyFailsAndWithoutABodyPasses() {
    assertFalse(Digests.matches(request(Map.of(), BODY)));
    assertTrue(Digests.matches(request(Map.of(), new byte[0])));
    assertTrue(Digests.matches(request(Map.of("Digest", Digests.digestHeader(BODY)), BODY)));
  }

  @Test
  void malformedFieldsAreNamed() {
    assertEquals(
        Outcome.MALFORMED,
        Digests.check(request(Map.of("Content-Digest", "sha-256=notbytes"), BODY)));
    assertEquals(
        Outcome.MALFORMED, Digests.check(request(Map.of("Content-Digest", "sha-256=:abc"), BODY)));
    assertEquals(Outcome.MALFORMED, Digests.check(request(Map.of("Digest", "SHA-256"), BODY)));
  }
}
