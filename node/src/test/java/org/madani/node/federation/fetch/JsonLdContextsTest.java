package org.madani.node.federation.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madani.node.json.JsonCodec;

class JsonLdContextsTest {

  // Loaded through the same strict parser used for peer documents: no duplicate keys, bounded
  // depth.
  private final JsonLdContexts contexts = new JsonLdContexts(new JsonCodec(32).mapper());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.w3.org/ns/activitystreams",
        "https://w3id.org/security/v1",
        "https://w3id.org/security/data-integrity/v2",
        "https://w3id.org/security/multikey/v1",
        "https://madani.network/ns/v1.jsonld"
      })
  void holdsEachContextAsJsonWithAnAtContext(String url) {
    ObjectNode doc = contexts.lookup(url).orElseThrow();
    assertThat(doc.get("@context").isObject()).isTrue();
    assertThat(doc.get("@context").size()).isGreaterThan(3);
    assertThat(contexts.isKnown(URI.create(url))).isTrue();
  }

  @Test
  void holdsExactlyTheFiveContexts() {
    assertThat(contexts.urls()).hasSize(5);
  }

  @Test
  void knowsTheTermsPeersRelyOn() {
    assertThat(
            contexts
                .lookup(JsonLdContexts.ACTIVITY_STREAMS)
                .orElseThrow()
                .at("/@context/inbox/@id")
                .asText())
        .isEqualTo("ldp:inbox");
    assertThat(
            contexts
                .lookup(JsonLdContexts.SECURITY_V1)
                .orElseThrow()
                .at("/@context/publicKeyPem")
                .asText())
        .isEqualTo("sec:publicKeyPem");
    assertThat(
            contexts
                .lookup(JsonLdContexts.DATA_INTEGRITY_V2)
                .orElseThrow()
                .at("/@context/DataIntegrityProof/@id")
                .asText())
        .isEqualTo("https://w3id.org/security#DataIntegrityProof");
    assertThat(
            contexts
                .lookup(JsonLdContexts.MULTIKEY_V1)
                .orElseThrow()
                .at("/@context/Multikey/@context/publicKeyMultibase/@id")
                .asText())
        .isEqualTo("https://w3id.org/security#publicKeyMultibase");
  }

  @Test
  void foldsCommonSpellingsOfTheSameContext() {
    for (String url :
        new String[] {
          "http://www.w3.org/ns/activitystreams",
          "https://www.w3.org/ns/activitystreams#",
          "https://www.w3.org/ns/activitystreams.jsonld",
          "https://w3id.org/security/v1/"
        }) {
      assertThat(contexts.isKnown(URI.create(url))).as(url).isTrue();
    }
  }

  @Test
  void unknownUrlsAreEmpty() {
    assertThat(contexts.lookup("https://example.org/context.jsonld")).isEmpty();
    assertThat(contexts.isKnown(URI.create("https://w3id.org/security/v2"))).isFalse();
  }

  @Test
  void lookupReturnsACopy() {
    contexts.lookup(JsonLdContexts.SECURITY_V1).orElseThrow().removeAll();
    assertThat(contexts.lookup(JsonLdContexts.SECURITY_V1).orElseThrow().has("@context")).isTrue();
  }
}
