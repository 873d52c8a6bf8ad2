package org.madani.node.spaces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.SpaceRepository;
import org.madani.node.store.SpaceRepository.MemberRow;
import org.madani.node.store.SpaceRepository.PostRow;
import org.madani.node.store.SpaceRepository.SpaceRow;

/**
 * What an admin does in a space on behalf of one hosted organization (spaces.md §2): create,
 * invite, accept or decline, post and reply, read, remove a member, leave. Each call is one
 * transaction that stores its change and queues its activities together; posts are sealed before
 * they are stored, so the plaintext exists only in this call and in the reader's response.
 */
public final class SpaceService {

  /** A space as the API shows it. */
  public record SpaceView(
      String id,
      String ref,
      String owner,
      String name,
      String purpose,
      String role,
      int epoch,
      List<MemberRow> members) {}

  /**
   * A post as the API shows it: {@code readable} false when this organization holds no key for its
   * epoch.
   */
  public record PostView(
      String id,
      String author,
      int epoch,
      boolean readable,
      String content,
      String inReplyTo,
      List<Attachment> attachments,
      Instant received) {
    public PostView {
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
  }

  /** A file sealed inside a post, with the post (spaces.md §4.1). */
  public record Attachment(String name, String mediaType, byte[] data) {
    public Attachment {
      if (name == null || name.isBlank() || name.length() > 200)
        throw Problem.unprocessable("An attachment needs a name of 1 to 200 characters.");
      if (mediaType == null || !mediaType.matches("[a-z0-9.+-]{1,127}/[A-Za-z0-9.+-]{1,127}")) {
        throw Problem.unprocessable("An attachment needs a media type such as application/pdf.");
      }
      if (data == null || data.length == 0)
        throw Problem.unprocessable("An attachment cannot be empty.");
    }
  }

  /**
   * The sealed plaintext of a post, text and files together, at most this many bytes (the inbox
   * takes 256 KiB).
   */
  static final int MAX_PLAINTEXT = 150 * 1024;

  static final int MAX_ATTACHMENTS = 5;

  static final int MAX_NAME = 200;
  static final int MAX_PURPOSE = 2000;
  static final int MAX_CONTENT = 100_000;

  private final Database db;
  private final OrganizationRepository orgs;
  private final SpaceRepository repo;
  private final SpaceKeys keys;
  private final SpaceCrypto crypto;
  private final SpaceDistribution distribution;
  private final LocalActors actors;
  private final RemoteActors remoteActors;
  private final ObjectMapper json;
  private final Clock clock;
  private final Runnable wakeDelivery;

  public SpaceService(
      Database db,
      OrganizationRepository orgs,
      SpaceRepository repo,
      SpaceKeys keys,
      SpaceCrypto crypto,
      SpaceDistribution distribution,
      LocalActors actors,
      RemoteActors remoteActors,
      ObjectMapper json,
      Clock clock,
      Runnable wakeDelivery) {
    this.db = db;
    this.orgs = orgs;
    this.repo = repo;
    this.keys = keys;
    this.crypto = crypto;
    this.distribution = distribution;
    this.actors = actors;
    this.remoteActors = remoteActors;
    this.json = json;
    this.clock = clock;
    this.wakeDelivery = wakeDelivery;
  }

  public Future<SpaceView> create(String handle, String name, String purpose) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      return Future.failedFuture(
          Problem.unprocessable("A space needs a name of 1 to " + MAX_NAME + " characters."));
    }
    if (purpose != null && purpose.length() > MAX_PURPOSE) {
      return Future.failedFuture(
          Problem.unprocessable("A purpose has at most " + MAX_PURPOSE + " characters."));
    }
    return db.tx(
        c -> {
          Organization org = org(c, handle);
          String me = actors.actorId(handle);
          String ref = UUID.randomUUID().toString();
          String spaceId = me + "/spaces/" + ref;
          Instant now = clock.instant();
          long pk =
              repo.insertSpace(
                      c,
                      new SpaceRow(
                          0, org.id(), spaceId, ref, me, name.strip(), purpose, "owner", 0, now))
                  .orElseThrow();
          repo.putMember(
              c,
              pk,
              new MemberRow(
                  me, "owner", "active", SpaceKeys.encode(keys.publicKey(c, org, now)), now));
          SpaceRow s = repo.byRef(c, org.id(), ref).orElseThrow();
          distribution.newEpoch(c, org, s); // epoch 1, wrapped for the owner alone
          return view(c, repo.byRef(c, org.id(), ref).orElseThrow());
        });
  }

  public Future<List<SpaceView>> list(String handle) {
    return db.tx(
        c -> {
          List<SpaceView> out = new ArrayList<>();
          for (SpaceRow s : repo.list(c, org(c, handle).id())) out.add(view(c, s));
          return out;
        });
  }

  public Future<SpaceView> get(String handle, String ref) {
    return db.tx(c -> view(c, space(c, org(c, handle), ref)));
  }

  /**
   * The owner invites an organization on another node (its actor is fetched first, outside the
   * transaction).
   */
  public Future<SpaceView> invite(String handle, String ref, String invitee) {
    if (invitee == null || !invitee.startsWith("http")) {
      return Future.failedFuture(
          Problem.unprocessable("Name the organization to invite by its actor URL."));
    }
    if (actors.handleOf(invitee).isPresent()) {
      return Future.failedFuture(
          Problem.unprocessable(
              "Organizations hosted on this same node cannot be invited yet; spaces span organizations on different nodes."));
    }
    return remoteActors
        .actor(invitee, false)
        .recover(
            err -> Future.failedFuture(Problem.unprocessable("Could not fetch " + invitee + ".")))
        .compose(
            actor ->
                db.tx(
                    c -> {
                      Organization org = org(c, handle);
                      SpaceRow s = owned(c, org, ref);
                      Optional<MemberRow> known = member(c, s, invitee);
                      if (known.isPresent() && "active".equals(known.get().state()))
                        return view(c, s); // already a member
                      repo.putMember(
                          c,
                          s.pk(),
                          new MemberRow(invitee, "member", "invited", null, clock.instant()));
                      ObjectNode space =
                          json.createObjectNode()
                              .put("type", "Space")
                              .put("id", s.spaceId())
                              .put("name", s.name())
                              .put("attributedTo", s.owner());
                      if (s.purpose() != null) space.put("summary", s.purpose());
                      ObjectNode a = distribution.outboxActivity(org, "SpaceInvite", space);
                      a.put("target", invitee);
                      a.putArray("to").add(invitee);
                      distribution.deliver(c, org, a, invitee);
                      return view(c, s);
                    }))
        .onSuccess(v -> wakeDelivery.run());
  }

  /**
   * The invitee accepts: its space public key goes to the owner, who then sends it the epoch key.
   */
  public Future<SpaceView> accept(String handle, String ref) {
    return answer(handle, ref, true);
  }

  public Future<SpaceView> decline(String handle, String ref) {
    return answer(handle, ref, false);
  }

  private Future<SpaceView> answer(String handle, String ref, boolean yes) {
    return db.tx(
            c -> {
              Organization org = org(c, handle);
              SpaceRow s = space(c, org, ref);
              if (!"invited".equals(s.role()))
                throw Problem.conflict("There is no open invitation to this space.");
              ObjectNode a;
              if (yes) {
                a =
                    distribution.outboxActivity(
                        org, "SpaceJoin", json.getNodeFactory().textNode(s.spaceId()));
                a.put("spaceKey", SpaceKeys.encode(keys.publicKey(c, org, clock.instant())));
                repo.setRole(c, s.pk(), "member");
              } else {
                a =
                    distribution.outboxActivity(
                        org, "SpaceDecline", json.getNodeFactory().textNode(s.spaceId()));
                repo.setRole(c, s.pk(), "declined");
              }
              a.putArray("to").add(s.owner());
              distribution.deliver(c, org, a, s.owner());
              return view(c, space(c, org, ref));
            })
        .onSuccess(v -> wakeDelivery.run());
  }

  /** Seals, signs, stores and sends a post (or a reply) to every other active member. */
  public Future<PostView> post(
      String handle, String ref, String content, String inReplyTo, List<Attachment> files) {
    if (content == null || content.isBlank() || content.length() > MAX_CONTENT) {
      return Future.failedFuture(
          Problem.unprocessable("A post needs content of 1 to " + MAX_CONTENT + " characters."));
    }
    List<Attachment> attachments = files == null ? List.of() : files;
    if (attachments.size() > MAX_ATTACHMENTS) {
      return Future.failedFuture(
          Problem.unprocessable("A post carries at most " + MAX_ATTACHMENTS + " files."));
    }
    return db.tx(
            c -> {
              Organization org = org(c, handle);
              SpaceRow s = space(c, org, ref);
              String me = actors.actorId(handle);
              if (!List.of("owner", "member").contains(s.role()) || s.epoch() < 1) {
                throw Problem.of(
                        403,
                        "not-a-member",
                        "Not a member",
                        "Only members holding the space's key can post.")
                    .exception();
              }
              byte[] key =
                  keys.contentKey(c, org, s.spaceId(), s.pk(), s.epoch())
                      .orElseThrow(
                          () ->
                              Problem.conflict(
                                  "This organization holds no key for the space's current epoch yet."));
              Instant now = clock.instant();
              ObjectNode plain =
                  json.createObjectNode().put("content", content).put("published", now.toString());
              if (inReplyTo != null && !inReplyTo.isBlank()) plain.put("inReplyTo", inReplyTo);
              if (!attachments.isEmpty()) {
                var list = plain.putArray("attachments");
                for (Attachment f : attachments) {
                  list.addObject()
                      .put("name", f.name())
                      .put("mediaType", f.mediaType())
                      .put("data", java.util.Base64.getEncoder().encodeToString(f.data()));
                }
              }
              String postId = me + "/spaces/posts/" + UUID.randomUUID();
              SpaceCrypto.PostContext ctx =
                  new SpaceCrypto.PostContext(s.spaceId(), s.epoch(), me, postId);
              SpaceCrypto.Sealed sealed;
              try {
                byte[] plainBytes = json.writeValueAsBytes(plain);
                if (plainBytes.length > MAX_PLAINTEXT) {
                  throw Problem.of(
                          413,
                          "too-large",
                          "Post too large",
                          "A post with its files is at most "
                              + MAX_PLAINTEXT / 1024
                              + " KiB in version 1.")
                      .exception();
                }
                sealed = crypto.seal(key, ctx, plainBytes);
              } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
              } finally {
                SpaceCrypto.erase(key);
              }
              var signer = actors.ed25519(c, org);
              SpaceEnvelope env =
                  new SpaceEnvelope(
                      postId,
                      s.spaceId(),
                      s.epoch(),
                      me,
                      sealed.nonce(),
                      sealed.ciphertext(),
                      signer.keyId(),
                      signer.sign(SpaceCrypto.signatureInput(ctx, sealed)));
              ObjectNode envJson = env.toJson(json);
              repo.insertPost(
                  c, s.pk(), new PostRow(0, postId, s.epoch(), me, envJson.toString(), now));
              List<String> others =
                  repo.members(c, s.pk()).stream()
                      .filter(m -> "active".equals(m.state()) && !m.actor().equals(me))
                      .map(MemberRow::actor)
                      .toList();
              ObjectNode a = distribution.outboxActivity(org, "SpacePost", envJson);
              var to = a.putArray("to");
              others.forEach(to::add);
              distribution.deliver(c, org, a, others);
              return new PostView(
                  postId,
                  me,
                  s.epoch(),
                  true,
                  content,
                  plain.path("inReplyTo").asText(null),
                  attachments,
                  now);
            })
        .onSuccess(v -> wakeDelivery.run());
  }

  /**
   * The space's posts, opened where this organization holds the epoch's key; the rest shown as
   * locked.
   */
  public Future<List<PostView>> posts(String handle, String ref, long after, int limit) {
    return db.tx(
        c -> {
          Organization org = org(c, handle);
          SpaceRow s = space(c, org, ref);
          List<PostView> out = new ArrayList<>();
          java.util.Map<Integer, Optional<byte[]>> epochKeys = new java.util.HashMap<>();
          for (PostRow p : repo.posts(c, s.pk(), after, Math.max(1, Math.min(limit, 500)))) {
            Optional<SpaceEnvelope> env = SpaceEnvelope.parse(tree(p.envelope()));
            Optional<byte[]> key =
                env.isEmpty()
                    ? Optional.empty()
                    : epochKeys.computeIfAbsent(p.epoch(), e -> contentKey(c, org, s, e));
            out.add(open(p, env, key));
          }
          epochKeys.values().forEach(k -> k.ifPresent(SpaceCrypto::erase));
          return out;
        });
  }

  private Optional<byte[]> contentKey(Connection c, Organization org, SpaceRow s, int epoch) {
    try {
      return keys.contentKey(c, org, s.spaceId(), s.pk(), epoch);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private PostView open(PostRow p, Optional<SpaceEnvelope> env, Optional<byte[]> key) {
    if (env.isEmpty() || key.isEmpty()) {
      return new PostView(
          p.postId(), p.author(), p.epoch(), false, null, null, List.of(), p.received());
    }
    try {
      JsonNode plain =
          json.readTree(SpaceCrypto.open(key.get(), env.get().context(), env.get().sealed()));
      List<Attachment> files = new ArrayList<>();
      for (JsonNode f : plain.path("attachments")) {
        files.add(
            new Attachment(
                f.path("name").asText(),
                f.path("mediaType").asText(),
                java.util.Base64.getDecoder().decode(f.path("data").asText())));
      }
      return new PostView(
          p.postId(),
          p.author(),
          p.epoch(),
          true,
          plain.path("content").asText(),
          plain.path("inReplyTo").asText(null),
          files,
          p.received());
    } catch (SpaceCryptoException | java.io.IOException | IllegalArgumentException e) {
      // IllegalArgumentException: a member sealed a malformed file list; the post shows as
      // unreadable
      return new PostView(
          p.postId(), p.author(), p.epoch(), false, null, null, List.of(), p.received());
    }
  }

  /** The owner removes a member: a new epoch begins, wrapped only for those who remain. */
  public Future<SpaceView> remove(String handle, String ref, String member) {
    return db.tx(
            c -> {
              Organization org = org(c, handle);
              SpaceRow s = owned(c, org, ref);
              MemberRow m =
                  member(c, s, member).orElseThrow(() -> Problem.notFound("No such member."));
              if ("owner".equals(m.role()))
                throw Problem.unprocessable("The owner cannot be removed.");
              if (!List.of("active", "invited").contains(m.state())) return view(c, s);
              repo.putMember(
                  c,
                  s.pk(),
                  new MemberRow(m.actor(), m.role(), "removed", m.spaceKey(), clock.instant()));
              ObjectNode a =
                  distribution.outboxActivity(
                      org, "SpaceRemove", json.getNodeFactory().textNode(s.spaceId()));
              a.put("target", member);
              a.putArray("to").add(member);
              distribution.deliver(c, org, a, member);
              if ("active".equals(m.state())) distribution.newEpoch(c, org, s);
              return view(c, repo.byRef(c, org.id(), ref).orElseThrow());
            })
        .onSuccess(v -> wakeDelivery.run());
  }

  /**
   * A member leaves; the owner then begins a new epoch without it. The owner cannot leave its own
   * space.
   */
  public Future<SpaceView> leave(String handle, String ref) {
    return db.tx(
            c -> {
              Organization org = org(c, handle);
              SpaceRow s = space(c, org, ref);
              if ("owner".equals(s.role()))
                throw Problem.unprocessable("The owner cannot leave its own space.");
              if (!"member".equals(s.role()))
                throw Problem.conflict("This organization is not a member of the space.");
              repo.setRole(c, s.pk(), "left");
              ObjectNode a =
                  distribution.outboxActivity(
                      org, "SpaceLeave", json.getNodeFactory().textNode(s.spaceId()));
              a.putArray("to").add(s.owner());
              distribution.deliver(c, org, a, s.owner());
              return view(c, space(c, org, ref));
            })
        .onSuccess(v -> wakeDelivery.run());
  }

  private SpaceView view(Connection c, SpaceRow s) throws SQLException {
    return new SpaceView(
        s.spaceId(),
        s.ref(),
        s.owner(),
        s.name(),
        s.purpose(),
        s.role(),
        s.epoch(),
        repo.members(c, s.pk()));
  }

  private Optional<MemberRow> member(Connection c, SpaceRow s, String actor) throws SQLException {
    return repo.members(c, s.pk()).stream().filter(m -> m.actor().equals(actor)).findFirst();
  }

  private SpaceRow space(Connection c, Organization org, String ref) throws SQLException {
    return repo.byRef(c, org.id(), ref).orElseThrow(() -> Problem.notFound("No such space."));
  }

  private SpaceRow owned(Connection c, Organization org, String ref) throws SQLException {
    SpaceRow s = space(c, org, ref);
    if (!"owner".equals(s.role())) {
      throw Problem.of(403, "not-the-owner", "Not the owner", "Only the space's owner can do this.")
          .exception();
    }
    return s;
  }

  private Organization org(Connection c, String handle) throws SQLException {
    return orgs.findByHandle(c, handle)
        .orElseThrow(() -> Problem.notFound("No organization '" + handle + "'."));
  }

  private JsonNode tree(String stored) {
    try {
      return json.readTree(stored);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
