package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Derived components of RFC 9421 §2.2, with the section's own examples where it has them. */
class SignatureBaseTest {

  private static String line(String uri, String component) {
    HttpRequestView r = HttpRequestView.of("GET", URI.create(uri), Map.of(), null);
    String base = SignatureBase.of(r, "(" + component + ")");
    return base.substring(0, base.indexOf('\n'));
  }

  @Test
  void derivedComponents() {
    String uri = "https://WWW.Example.com:443/path?param=value";
    assertEquals("\"@method\": GET", line(uri, "\"@method\""));
    assertEquals(
        "\"@target-uri\": https://www.example.com/path?param=value", line(uri, "\"@target-uri\""));
    assertEquals("\"@authority\": www.example.com", line(uri, "\"@authority\""));
    assertEquals(
        "\"@authority\": example.com:8443", line("https://example.com:8443/", "\"@authority\""));
    assertEquals("\"@scheme\": https", line(uri, "\"@scheme\""));
    assertEquals("\"@request-target\": /path?param=value", line(uri, "\"@request-target\""));
    assertEquals("\"@path\": /path", line(uri, "\"@path\""));
    assertEquals("\"@path\": /", line("https://example.com", "\"@path\""));
    assertEquals(
        "\"@query\": ?param=value&foo=bar&baz=bat%2Dman",
        line("https://example.com/path?param=value&foo=bar&baz=bat%2Dman", "\"@query\""));
    assertEquals("\"@query\": ?", line("https://example.com/path", "\"@query\""));
  }

  @Test
  void queryParamsAreDecodedThenPercentEncoded() {
    String uri =
        "https://example.com/parameters?var=this%20is%20a%20big%0Avalue&bar=with+plus+whitespace"
            + "&fa%C3%A7ade%22%3A%20=something";
    assertEquals(
        "\"@query-param\";name=\"var\": this%20is%20a%20big%0Avalue",
        line(uri, "\"@query-param\";name=\"var\""));
    assertEquals(
        "\"@query-param\";name=\"bar\": with%20plus%20whitespace",
        line(uri, "\"@query-param\";name=\"bar\""));
    assertEquals(
        "\"@query-param\";name=\"fa%C3%A7ade%22%3A%20\": something",
        line(uri, "\"@query-param\";name=\"fa%C3%A7ade%22%3A%20\""));
    assertThrows(
        IllegalArgumentException.class, () -> line(uri, "\"@query-param\";name=\"absent\""));
    assertThrows(
        IllegalArgumentException.class,
        () -> line("https://e.com/?a=1&a=2", "\"@query-param\";name=\"a\""));
  }

  @Test
  void fieldValuesAreTrimmedAndCombined() {
    HttpRequestView r =
        new HttpRequestView(
            "GET",
            URI.create("https://example.com/"),
            Map.of("X-Multi", List.of("  a ", "b, c  ")),
            null);
    assertEquals(
        "\"x-multi\": a, b, c\n\"@signature-params\": (\"x-multi\")",
        SignatureBase.of(r, "(\"x-multi\")"));
    assertEquals(
        "\"x-multi\";bs: :YQ==:, :YiwgYw==:\n\"@signature-params\": (\"x-multi\";bs)",
        SignatureBase.of(r, "(\"x-multi\";bs)"));
  }

  @Test
  void dictionaryMembersBySfAndKey() {
    HttpRequestView r =
        HttpRequestView.of(
            "GET",
            URI.create("https://example.com/"),
            Map.of("Content-Digest", "sha-256=:AAAA:,   sha-512=:BBBB:"),
            null);
    assertEquals(
        "\"content-digest\";key=\"sha-512\": :BBBB:",
        SignatureBase.of(r, "(\"content-digest\";key=\"sha-512\")")
            .lines()
            .findFirst()
            .orElseThrow());
    assertEquals(
        "\"content-digest\";sf: sha-256=:AAAA:, sha-512=:BBBB:",
        SignatureBase.of(r, "(\"content-digest\";sf)").lines().findFirst().orElseThrow());
  }

  @Test
  void refusesWhatItCannotRepresent() {
    HttpRequestView r =
        HttpRequestView.of("GET", URI.create("https://example.com/"), Map.of("A", "1"), null);
    assertThrows(
        IllegalArgumentException.class, () -> SignatureBase.of(r, "(\"a\" \"a\")"), "duplicates");
    assertThrows(
        IllegalArgumentException.class, () -> SignatureBase.of(r, "(\"A\")"), "upper case");
    assertThrows(
        IllegalArgumentException.class, () -> SignatureBase.of(r, "(\"b\")"), "absent field");
    assertThrows(
        IllegalArgumentException.class,
        () -> SignatureBase.of(r, "(\"@status\")"),
        "status on a request");
    assertThrows(IllegalArgumentException.class, () -> SignatureBase.of(r, "(\"a\";req)"), "req");
    assertThrows(
        IllegalArgumentException.class,
        () -> SignatureBase.of(r, "(\"@nope\")"),
        "unknown derived");
  }
}
