package org.madani.node.spaces;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.model.Organization;
import org.madani.node.store.SpaceRepository;
import org.madani.node.store.SpaceRepository.EpochRow;
import org.madani.node.store.SpaceRepository.MemberRow;
import org.madani.node.store.SpaceRepository.SpaceRow;

/**
 * The owner's side of the key schedule (spaces.md §3.3): sends each active member the current
 * epoch's content key wrapped for its space key, with the member list; begins a new epoch when a
 * member is removed or leaves, wrapped only for those who remain. Everything goes through the
 * outbox into the durable delivery queue, addressed to each member's own inbox. Blocking; call
 * inside the caller's transaction. Thread-safe.
 */
public final class SpaceDistribution {

  /** The activity audience recorded in the outbox: never listed in any public collection. */
  static final String AUDIENCE = "space";

  private final SpaceRepository repo;
  private final SpaceKeys keys;
  private final SpaceCrypto crypto;
  private final LocalActors actors;
  private final Outbox outbox;
  private final ObjectMapper json;
  private final Clock clock;

  public SpaceDistribution(
      SpaceRepository repo,
      SpaceKeys keys,
      SpaceCrypto crypto,
      LocalActors actors,
      Outbox outbox,
      ObjectMapper json,
      Clock clock) {
    this.repo = repo;
    this.keys = keys;
    this.crypto = crypto;
    this.actors = actors;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  /** Sends the current epoch's key and member list to every active member but the owner. */
  public void distribute(Connection c, Organization owner, SpaceRow s) throws SQLException {
    byte[] key =
        keys.contentKey(c, owner, s.spaceId(), s.pk(), s.epoch())
            .orElseThrow(
                () -> new IllegalStateException("the owner holds no key for its current epoch"));
    try {
      send(c, owner, s, s.epoch(), key);
    } finally {
      SpaceCrypto.erase(key);
    }
  }

  /** Begins epoch {@code s.epoch() + 1} with a fresh key for the members active now. */
  public SpaceRow newEpoch(Connection c, Organization owner, SpaceRow s) throws SQLException {
    int next = s.epoch() + 1;
    byte[] key = crypto.newContentKey();
    try {
      String me = actors.actorId(owner.handle());
      SpaceCrypto.WrappedKey mine =
          crypto.wrap(key, keys.publicKey(c, owner, clock.instant()), s.spaceId(), next, me);
      repo.insertEpoch(
          c,
          s.pk(),
          new EpochRow(next, SpaceKeys.encode(mine.enc()), SpaceKeys.encode(mine.ciphertext())),
          clock.instant());
      repo.raiseEpoch(c, s.pk(), next);
      SpaceRow now =
          new SpaceRow(
              s.pk(),
              s.orgId(),
              s.spaceId(),
              s.ref(),
              s.owner(),
              s.name(),
              s.purpose(),
              s.role(),
              next,
              s.created());
      send(c, owner, now, next, key);
      return now;
    } finally {
      SpaceCrypto.erase(key);
    }
  }

  private void send(Connection c, Organization owner, SpaceRow s, int epoch, byte[] key)
      throws SQLException {
    String me = actors.actorId(owner.handle());
    List<MemberRow> active =
        repo.members(c, s.pk()).stream().filter(m -> "active".equals(m.state())).toList();
    for (MemberRow m : active) {
      if (m.actor().equals(me) || m.spaceKey() == null) continue;
      SpaceCrypto.WrappedKey w =
          crypto.wrap(key, SpaceKeys.decode(m.spaceKey()), s.spaceId(), epoch, m.actor());
      ObjectNode o = json.createObjectNode();
      o.put("type", "SpaceEpoch");
      o.put("space", s.spaceId());
      o.put("name", s.name());
      o.put("epoch", epoch);
      o.put("recipient", m.actor());
      o.put("enc", SpaceKeys.encode(w.enc()));
      o.put("wrappedKey", SpaceKeys.encode(w.ciphertext()));
      ArrayNode members = o.putArray("members");
      for (MemberRow x : active) members.addObject().put("actor", x.actor()).put("role", x.role());
      ObjectNode a = outboxActivity(owner, "SpaceKey", o);
      a.putArray("to").add(m.actor());
      deliver(c, owner, a, m.actor());
    }
  }

  /** A new activity from {@code from}'s actor. */
  ObjectNode outboxActivity(
      Organization from, String type, com.fasterxml.jackson.databind.JsonNode object) {
    return outbox.activity(from, type, object);
  }

  /**
   * Records {@code a} in the outbox and queues it for {@code to}'s own inbox (never a shared one).
   */
  void deliver(Connection c, Organization from, ObjectNode a, String to) throws SQLException {
    deliver(c, from, a, List.of(to));
  }

  void deliver(Connection c, Organization from, ObjectNode a, List<String> to) throws SQLException {
    Set<URI> inboxes = outbox.inboxesOf(c, to, false);
    outbox.send(c, from, a, AUDIENCE, inboxes);
  }
}
