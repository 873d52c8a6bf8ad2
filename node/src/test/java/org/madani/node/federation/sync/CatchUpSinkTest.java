package org.madani.node.federation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page checked while the page before it was stored is checked again when that page changed the
 * origin's keys, and only then.
 */
class CatchUpSinkTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ORIGIN = "https://o.example/orgs/o";

  /** First sequence number of each page checked, in order. */
  final List<Long> checks = new ArrayList<>();

  final List<Long> commits = new ArrayList<>();

  final CatchUpSink sink =
      new CatchUpSink(
          (origin, items, texts, via) -> {
            checks.add(items.get(0).path("sequence").asLong());
            return Future.succeededFuture(
                new MirrorService.Checked(origin, items, 0, via, java.util.Map.of()));
          },
          checked -> {
            commits.add(checked.valid().get(0).path("sequence").asLong());
            return Future.succeededFuture();
          });

  static ObjectNode create(long seq) {
    ObjectNode item = JSON.createObjectNode().put("type", "Create").put("sequence", seq);
    item.putObject("object").put("id", ORIGIN + "/entries/" + seq).put("type", "Article");
    return item;
  }

  /** An Update of the origin's own actor: a key rotated in or revoked. */
  static ObjectNode actorUpdate(long seq) {
    ObjectNode item = JSON.createObjectNode().put("type", "Update").put("sequence", seq);
    item.putObject("object").put("id", ORIGIN).put("inbox", ORIGIN + "/inbox");
    return item;
  }

  CatchUpSink.Pending checked(ObjectNode... items) {
    return sink.check(ORIGIN, List.of(items), null, "https://p.example").result();
  }

  @Test
  void aPageAfterOneThatChangedTheKeysIsCheckedAgainBeforeItIsStored() {
    CatchUpSink.Pending first = checked(create(1), actorUpdate(2));
    CatchUpSink.Pending second = checked(create(3), create(4)); // checked ahead, under old keys
    sink.store(first);
    sink.store(second);
    CatchUpSink.Pending third = checked(create(5)); // checked while the second is stored
    sink.store(third);

    assertThat(checks).containsExactly(1L, 3L, 3L, 5L);
    assertThat(commits).containsExactly(1L, 3L, 5L);
  }

  @Test
  void pagesAfterOrdinaryOnesAreCheckedOnce() {
    CatchUpSink.Pending first = checked(create(1), create(2));
    CatchUpSink.Pending second = checked(create(3));
    sink.store(first);
    sink.store(second);

    assertThat(checks).containsExactly(1L, 3L);
    assertThat(commits).containsExactly(1L, 3L);
  }
}
