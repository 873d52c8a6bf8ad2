package org.madani.node.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.madani.node.model.ProblemException;

/**
 * The inbox decides each case of protocol-spec/vectors/inbox-origin/origin-decisions.json as the
 * file states: accepted past the origin rules, or refused with the stated status and reason, and
 * the refusal reaches the sender as a problem document carrying that reason.
 */
class OriginDecisionVectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode VECTORS = load();

  static Stream<Arguments> cases() {
    return StreamSupport.stream(VECTORS.get("cases").spliterator(), false)
        .map(c -> Arguments.of(c.get("name").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesAsStated(String name, JsonNode c) {
    Optional<OriginRules.Refusal> refusal =
        OriginRules.check(c.get("activity"), VECTORS.get("keyOwner").asText());
    JsonNode expected = c.get("expected");
    if (expected.get("decision").asText().equals("accept")) {
      assertThat(refusal).as(name).isEmpty();
      return;
    }
    assertThat(refusal).as(name).isPresent();
    assertThat(refusal.get().reason()).as(name).isEqualTo(expected.get("reason").asText());
    assertThat(refusal.get().status()).as(name).isEqualTo(expected.get("status").asInt());
    RuntimeException e = refusal.get().exception();
    assertThat(e).isInstanceOf(ProblemException.class);
    var problem = ((ProblemException) e).problem();
    assertThat(problem.status()).isEqualTo(expected.get("status").asInt());
    assertThat(problem.extensions()).containsEntry("reason", expected.get("reason").asText());
  }

  @Test
  void everyReasonHasACaseAndBothDecisionsOccur() {
    var reasons =
        StreamSupport.stream(VECTORS.get("cases").spliterator(), false)
            .map(c -> c.get("expected").path("reason").asText("accept"))
            .distinct()
            .toList();
    assertThat(reasons)
        .containsExactlyInAnyOrder(
            "accept",
            "actor-not-key-owner",
            "activity-id-origin",
            "object-origin",
            "attribution-other",
            "attribution-malformed",
            "update-other-actor",
            "delete-origin");
  }

  private static JsonNode load() {
    try (InputStream in =
        OriginDecisionVectorTest.class.getResourceAsStream(
            "/protocol-spec/vectors/inbox-origin/origin-decisions.json")) {
      if (in == null)
        throw new IllegalStateException("origin-decisions.json is not on the classpath");
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
