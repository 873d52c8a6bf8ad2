package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madani.node.store.StoreFixture.NOW;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.FollowRow;
import org.madani.node.store.FollowRepository.State;

/** Follow relationships on a real H2 file: one row per organization, actor and direction. */
class FollowRepositoryTest {

  static final String ALICE = "https://a.example/actors/alice";
  static final String BOB = "https://b.example/actors/bob";

  @TempDir Path dir;
  StoreFixture store;
  FollowRepository follows = new FollowRepository();
  long org;
  long other;

  @BeforeEach
  void open() throws Exception {
    store = new StoreFixture(dir);
    org = store.org("first").id();
    other = store.org("second").id();
  }

  @AfterEach
  void close() {
    store.close();
  }

  FollowRow row(long orgId, String actor, Direction d, State s, String activity) {
    return new FollowRow(orgId, actor, d, s, activity, NOW, NOW);
  }

  @Test
  void aNewFollowReplacesTheOldOne_perOrganizationActorAndDirection() throws Exception {
    store.tx(
        c -> {
          follows.upsert(c, row(org, ALICE, Direction.OUTGOING, State.REJECTED, "https://n/f/1"));
          follows.upsert(c, row(org, ALICE, Direction.OUTGOING, State.PENDING, "https://n/f/2"));
          follows.upsert(
              c, row(org, ALICE, Direction.INCOMING, State.ACCEPTED, "https://a.example/f/9"));
          return null;
        });

    assertThat(
            store.<java.util.Optional<FollowRow>>tx(
                c -> follows.find(c, org, ALICE, Direction.OUTGOING)))
        .get()
        .extracting(FollowRow::state, FollowRow::activityId)
        .containsExactly(State.PENDING, "https://n/f/2");
    assertThat(
            store.<java.util.Optional<FollowRow>>tx(
                c -> follows.findByActivity(c, "https://n/f/1")))
        .isEmpty();
    assertThat(
            store.<java.util.Optional<FollowRow>>tx(
                c -> follows.findByActivity(c, "https://a.example/f/9")))
        .get()
        .extracting(FollowRow::direction)
        .isEqualTo(Direction.INCOMING);
    assertThat(store.<List<FollowRow>>tx(c -> follows.list(c, org, Direction.OUTGOING, null)))
        .hasSize(1);
  }

  @Test
  void stateChangesAndDeletesTouchOnlyTheirRow() throws Exception {
    store.tx(
        c -> {
          follows.upsert(c, row(org, ALICE, Direction.OUTGOING, State.PENDING, "https://n/f/1"));
          follows.upsert(c, row(other, ALICE, Direction.OUTGOING, State.PENDING, "https://n/f/2"));
          return null;
        });

    assertThat(
            store.<Boolean>tx(
                c ->
                    follows.setState(
                        c, org, ALICE, Direction.OUTGOING, State.ACCEPTED, NOW.plusSeconds(5))))
        .isTrue();
    assertThat(
            store.<Boolean>tx(
                c -> follows.setState(c, org, BOB, Direction.OUTGOING, State.ACCEPTED, NOW)))
        .isFalse();
    FollowRow accepted =
        store.tx(c -> follows.find(c, org, ALICE, Direction.OUTGOING)).orElseThrow();
    assertThat(accepted.state()).isEqualTo(State.ACCEPTED);
    assertThat(accepted.updated()).isEqualTo(NOW.plusSeconds(5));
    assertThat(
            store.<java.util.Optional<FollowRow>>tx(
                c -> follows.find(c, other, ALICE, Direction.OUTGOING)))
        .get()
        .extracting(FollowRow::state)
        .isEqualTo(State.PENDING);

    assertThat(store.<Boolean>tx(c -> follows.delete(c, other, ALICE, Direction.OUTGOING)))
        .isTrue();
    assertThat(store.<Boolean>tx(c -> follows.delete(c, other, ALICE, Direction.OUTGOING)))
        .isFalse();
    assertThat(
            store.<java.util.Optional<FollowRow>>tx(
                c -> follows.find(c, org, ALICE, Direction.OUTGOING)))
        .isPresent();
  }

  @Test
  void followedActorsAreAcceptedOutgoingFollows_candidatesAlsoPendingOnes() throws Exception {
    store.tx(
        c -> {
          follows.upsert(c, row(org, ALICE, Direction.OUTGOING, State.ACCEPTED, "https://n/f/1"));
          follows.upsert(c, row(other, ALICE, Direction.OUTGOING, State.ACCEPTED, "https://n/f/2"));
          follows.upsert(c, row(org, BOB, Direction.OUTGOING, State.PENDING, "https://n/f/3"));
          follows.upsert(
              c,
              row(
                  org,
                  "https://c.example/carol",
                  Direction.OUTGOING,
                  State.REJECTED,
                  "https://n/f/4"));
          follows.upsert(
              c,
              row(
                  org,
                  "https://d.example/dan",
                  Direction.INCOMING,
                  State.ACCEPTED,
                  "https://d/f/1"));
          return null;
        });

    assertThat(store.<List<String>>tx(follows::followedActors)).containsExactly(ALICE);
    assertThat(store.<List<String>>tx(follows::followedOrAsked)).containsExactly(ALICE, ALICE, BOB);
    assertThat(store.<List<Long>>tx(c -> follows.orgsFollowing(c, ALICE)))
        .containsExactlyInAnyOrder(org, other);
    assertThat(store.<List<Long>>tx(c -> follows.orgsFollowing(c, BOB))).isEmpty();
    assertThat(store.<Long>tx(c -> follows.count(c, org, Direction.OUTGOING, State.ACCEPTED)))
        .isEqualTo(1);
    assertThat(store.<Long>tx(c -> follows.count(c, org, Direction.INCOMING, State.ACCEPTED)))
        .isEqualTo(1);
    assertThat(
            store.<List<FollowRow>>tx(c -> follows.list(c, org, Direction.OUTGOING, State.PENDING)))
        .extracting(FollowRow::remoteActor)
        .containsExactly(BOB);
  }
}
