package org.madani.node.federation.sig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Derived values reused for equal contexts only, and never made stale by the caller's tree. */
class RecentContextsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  final List<String> derived = new ArrayList<>();
  final RecentContexts<String> contexts =
      new RecentContexts<>(
          c -> {
            derived.add(c.toString());
            return c.toString();
          },
          String::length);

  static ArrayNode context(String... values) {
    ArrayNode a = JSON.createArrayNode();
    for (String v : values) a.add(v);
    a.addObject().put("term", "https://example.org/" + values.length);
    return a;
  }

  @Test
  void equalContextsAreDerivedOnceAndOthersEachTime() {
    assertThat(contexts.of(context("a", "b"))).isEqualTo(context("a", "b").toString());
    assertThat(contexts.of(context("a", "b"))).isEqualTo(context("a", "b").toString());
    assertThat(contexts.of(context("a", "c"))).isEqualTo(context("a", "c").toString());
    // Met in turn (an activity's context and its object's): both stay known.
    contexts.of(context("a", "b"));
    contexts.of(context("a", "c"));
    assertThat(derived).hasSize(2);
  }

  @Test
  void aChangedTreeIsNotMistakenForTheOneDerivedBefore() {
    ArrayNode mine = context("a", "b");
    contexts.of(mine);
    mine.set(0, "changed");
    assertThat(contexts.of(mine)).isEqualTo(mine.toString());
    assertThat(contexts.of(context("a", "b"))).isEqualTo(context("a", "b").toString());
    assertThat(derived).hasSize(2);
  }

  @Test
  void onlyTheLatestFewAreKeptAndHeavyOnesNot() {
    for (int i = 0; i <= RecentContexts.KEPT; i++) contexts.of(context("n" + i));
    contexts.of(context("n0")); // pushed out by the later ones: derived again
    assertThat(derived).hasSize(RecentContexts.KEPT + 2);
    String heavy = "x".repeat(RecentContexts.MAX_CHARS);
    contexts.of(context(heavy));
    contexts.of(context(heavy));
    assertThat(derived).hasSize(RecentContexts.KEPT + 4);
  }
}
