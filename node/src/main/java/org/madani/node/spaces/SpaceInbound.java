package org.madani.node.spaces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.sig.Keys;
import org.madani.node.model.Organization;
import org.madani.node.store.Database;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.SpaceRepository;
import org.madani.node.store.SpaceRepository.EpochRow;
import org.madani.node.store.SpaceRepository.MemberRow;
import org.madani.node.store.SpaceRepository.PostRow;
import org.madani.node.store.SpaceRepository.SpaceRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What received space activities change (spaces.md §5-§6), after the inbox verified the HTTP
 * signature and that key owner = actor = origin. Only a space's owner (the actor under whose id the
 * space id lies) invites, sends keys and removes; a post is kept only when its sender is its
 * author, the author is a member, and the author's Ed25519 signature holds. Everything is
 * idempotent: a replayed activity changes nothing. Refusals are logged with the activity's actor,
 * never content. Thread-safe.
 */
public final class SpaceInbound {

  private static final Logger LOG = LoggerFactory.getLogger(SpaceInbound.class);

  private final Database db;
  private final OrganizationRepository orgs;
  private final SpaceRepository repo;
  private final SpaceKeys keys;
  private final SpaceDistribution distribution;
  private final LocalActors actors;
  private final RemoteActors remoteActors;
  private final RemoteActorRepository remoteActorRepo;
  private final Clock clock;
  private final Runnable wakeDelivery;

  public SpaceInbound(
      Database db,
      OrganizationRepository orgs,
      SpaceRepository repo,
      SpaceKeys keys,
      SpaceDistribution distribution,
      LocalActors actors,
      RemoteActors remoteActors,
      RemoteActorRepository remoteActorRepo,
      Clock clock,
      Runnable wakeDelivery) {
    this.db = db;
    this.orgs = orgs;
    this.repo = repo;
    this.keys = keys;
    this.distribution = distribution;
    this.actors = actors;
    this.remoteActors = remoteActors;
    this.remoteActorRepo = remoteActorRepo;
    this.clock = clock;
    this.wakeDelivery = wakeDelivery;
  }

  /** Whether {@code spaceId} lies under {@code actor}: only then is {@code actor} its owner. */
  static boolean ownedBy(String spaceId, String actor) {
    return spaceId != null
        && spaceId.startsWith(actor + "/spaces/")
        && spaceId.substring(actor.length() + 8).matches("[0-9a-f-]{36}");
  }

  static String ref(String spaceId) {
    return spaceId.substring(spaceId.lastIndexOf('/') + 1);
  }

  private Optional<Organization> local(Connection c, String actorId) throws SQLException {
    Optional<String> handle = actors.handleOf(actorId);
    return handle.isEmpty() ? Optional.empty() : orgs.findByHandle(c, handle.get());
  }

  /** SpaceInvite: the owner invites one of our organizations. */
  public Future<Void> invited(String actor, ObjectNode a) {
    JsonNode space = a.path("object");
    String spaceId = space.path("id").asText(null);
    String name = space.path("name").asText("");
    if (!ownedBy(spaceId, actor) || name.isBlank())
      return refuse(a, actor, "invite to a space not under the sender");
    String purpose = space.path("summary").asText(null);
    String cleanName =
        name.length() > SpaceService.MAX_NAME ? name.substring(0, SpaceService.MAX_NAME) : name;
    String cleanPurpose =
        purpose != null && purpose.length() > SpaceService.MAX_PURPOSE
            ? purpose.substring(0, SpaceService.MAX_PURPOSE)
            : purpose;
    return db.tx(
        c -> {
          Optional<Organization> org = local(c, a.path("target").asText(null));
          if (org.isEmpty()) return null;
          Optional<SpaceRow> known = repo.bySpaceId(c, org.get().id(), spaceId);
          if (known.isEmpty()) {
            long pk =
                repo.insertSpace(
                        c,
                        new SpaceRow(
                            0,
                            org.get().id(),
                            spaceId,
                            ref(spaceId),
                            actor,
                            cleanName,
                            cleanPurpose,
                            "invited",
                            0,
                            clock.instant()))
                    .orElse(-1L);
            if (pk > 0)
              repo.putMember(c, pk, new MemberRow(actor, "owner", "active", null, clock.instant()));
          } else if (List.of("declined", "left", "removed").contains(known.get().role())) {
            repo.setRole(c, known.get().pk(), "invited");
          }
          return null;
        });
  }

  /**
   * SpaceJoin: an invitee accepted and sends its space key; the owner sends it the current epoch's
   * key.
   */
  public Future<Void> joined(String actor, ObjectNode a) {
    String spaceId = a.path("object").asText(null);
    byte[] key;
    try {
      key = SpaceKeys.decode(a.path("spaceKey").asText(""));
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length != 32) return refuse(a, actor, "join without a 32-byte X25519 space key");
    String spaceKey = SpaceKeys.encode(key);
    return db.tx(
            c -> {
              for (SpaceRow s : repo.allBySpaceId(c, spaceId)) {
                if (!"owner".equals(s.role())) continue;
                Optional<MemberRow> m =
                    repo.members(c, s.pk()).stream()
                        .filter(x -> x.actor().equals(actor))
                        .findFirst();
                if (m.isEmpty() || !"invited".equals(m.get().state()))
                  continue; // never invited, removed, or a repeat
                repo.putMember(
                    c, s.pk(), new MemberRow(actor, "member", "active", spaceKey, clock.instant()));
                Organization owner = orgs.findById(c, s.orgId()).orElseThrow();
                distribution.distribute(c, owner, s);
              }
              return null;
            })
        .onSuccess(v -> wakeDelivery.run())
        .mapEmpty();
  }

  /** SpaceDecline: an invitee declined. */
  public Future<Void> declined(String actor, ObjectNode a) {
    return memberState(a.path("object").asText(null), actor, "invited", "declined", false);
  }

  /** SpaceLeave: a member left; the owner begins a new epoch without it. */
  public Future<Void> left(String actor, ObjectNode a) {
    return memberState(a.path("object").asText(null), actor, "active", "left", true);
  }

  private Future<Void> memberState(
      String spaceId, String actor, String from, String to, boolean rekey) {
    return db.tx(
            c -> {
              for (SpaceRow s : repo.allBySpaceId(c, spaceId)) {
                if (!"owner".equals(s.role())) continue;
                Optional<MemberRow> m =
                    repo.members(c, s.pk()).stream()
                        .filter(x -> x.actor().equals(actor))
                        .findFirst();
                if (m.isEmpty() || !from.equals(m.get().state()) || "owner".equals(m.get().role()))
                  continue;
                repo.putMember(
                    c,
                    s.pk(),
                    new MemberRow(actor, m.get().role(), to, m.get().spaceKey(), clock.instant()));
                if (rekey) distribution.newEpoch(c, orgs.findById(c, s.orgId()).orElseThrow(), s);
              }
              return null;
            })
        .onSuccess(v -> wakeDelivery.run())
        .mapEmpty();
  }

  /**
   * SpaceRemove: the owner removed one of our organizations. Its stored posts stay as they were.
   */
  public Future<Void> removed(String actor, ObjectNode a) {
    String spaceId = a.path("object").asText(null);
    if (!ownedBy(spaceId, actor))
      return refuse(a, actor, "remove from a space not under the sender");
    return db.tx(
        c -> {
          Optional<Organization> org = local(c, a.path("target").asText(null));
          if (org.isEmpty()) return null;
          Optional<SpaceRow> s = repo.bySpaceId(c, org.get().id(), spaceId);
          if (s.isPresent()) repo.setRole(c, s.get().pk(), "removed");
          return null;
        });
  }

  /**
   * SpaceKey: the owner sends us an epoch's key, wrapped for our space key, and the member list.
   */
  public Future<Void> keyed(String actor, ObjectNode a) {
    JsonNode o = a.path("object");
    String spaceId = o.path("space").asText(null);
    int epoch = o.path("epoch").asInt(0);
    if (!ownedBy(spaceId, actor) || epoch < 1)
      return refuse(a, actor, "key for a space not under the sender");
    List<String> members = new ArrayList<>();
    Map<String, String> roles = new HashMap<>();
    for (JsonNode m : o.path("members")) {
      String id = m.path("actor").asText("");
      if (!id.startsWith("http") || members.size() >= 500) continue;
      members.add(id);
      roles.put(id, actor.equals(id) ? "owner" : "member");
    }
    // Members we have never met are looked up first (outside the transaction), so that our posts
    // reach them.
    Future<Void> known = Future.succeededFuture();
    for (String m : members) {
      if (actors.handleOf(m).isEmpty()) {
        known =
            known.compose(
                v ->
                    remoteActors
                        .actor(m, false)
                        .<Void>mapEmpty()
                        .recover(err -> Future.succeededFuture()));
      }
    }
    return known
        .compose(
            v ->
                db.<Void>tx(
                    c -> {
                      Optional<Organization> org = local(c, o.path("recipient").asText(null));
                      if (org.isEmpty()) return null;
                      Optional<SpaceRow> s = repo.bySpaceId(c, org.get().id(), spaceId);
                      if (s.isEmpty() || !"member".equals(s.get().role()))
                        return null; // not accepted, or not ours any more
                      SpaceCrypto.WrappedKey w =
                          new SpaceCrypto.WrappedKey(
                              SpaceKeys.decode(o.path("enc").asText("")),
                              SpaceKeys.decode(o.path("wrappedKey").asText("")));
                      // The wrap must open for us before it is kept: a key we cannot open is no
                      // key.
                      SpaceCrypto.erase(
                          SpaceCrypto.unwrap(
                              w,
                              keys.keyPair(c, org.get()),
                              spaceId,
                              epoch,
                              actors.actorId(org.get().handle())));
                      repo.insertEpoch(
                          c,
                          s.get().pk(),
                          new EpochRow(
                              epoch, SpaceKeys.encode(w.enc()), SpaceKeys.encode(w.ciphertext())),
                          clock.instant());
                      if (epoch >= s.get().epoch()) {
                        for (String m : members)
                          repo.putMember(
                              c,
                              s.get().pk(),
                              new MemberRow(m, roles.get(m), "active", null, clock.instant()));
                        repo.retainActive(c, s.get().pk(), members);
                      }
                      repo.raiseEpoch(c, s.get().pk(), epoch);
                      repo.setRole(c, s.get().pk(), "member");
                      return null;
                    }))
        .recover(
            err ->
                err instanceof SpaceCryptoException
                    ? refuse(a, actor, err.getMessage())
                    : Future.failedFuture(err));
  }

  /** SpacePost: a member's sealed post. Kept as ciphertext by every local view of the space. */
  public Future<Void> posted(String actor, ObjectNode a) {
    Optional<SpaceEnvelope> parsed = SpaceEnvelope.parse(a.path("object"));
    if (parsed.isEmpty()) return refuse(a, actor, "malformed post envelope");
    SpaceEnvelope e = parsed.get();
    return db.tx(
            c -> {
              Map<String, byte[]> authorKeys = new HashMap<>();
              for (var k : remoteActorRepo.keysOf(c, e.author())) {
                if (!"ed25519".equals(k.algorithm())
                    || !"signing".equals(k.purpose())
                    || k.revokedAt() != null) continue;
                byte[] spki = Keys.publicKeyFromPem(k.publicPem()).getEncoded();
                authorKeys.put(
                    k.keyId(), java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length));
              }
              String refusal = null;
              for (SpaceRow s : repo.allBySpaceId(c, e.spaceId())) {
                if (List.of("invited", "declined").contains(s.role())) continue;
                boolean member =
                    repo.members(c, s.pk()).stream()
                        .anyMatch(m -> m.actor().equals(e.author()) && "active".equals(m.state()));
                PostCheck.Verdict v = PostCheck.check(e, actor, member, authorKeys);
                if (v instanceof PostCheck.Refused r) {
                  refusal = r.reason();
                  continue;
                }
                repo.insertPost(
                    c,
                    s.pk(),
                    new PostRow(
                        0,
                        e.postId(),
                        e.epoch(),
                        e.author(),
                        a.path("object").toString(),
                        clock.instant()));
              }
              return refusal;
            })
        .compose(
            refusal ->
                refusal == null ? Future.<Void>succeededFuture() : refuse(a, actor, refusal));
  }

  private static Future<Void> refuse(ObjectNode a, String actor, String why) {
    LOG.info("space activity {} from {} refused: {}", a.path("id").asText(), actor, why);
    return Future.succeededFuture();
  }
}
