package org.madani.node.spaces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madani.node.federation.actor.DocumentFetcher;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.sig.Keys;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.SpaceRepository;
import org.madani.node.store.SpaceRepository.MemberRow;
import org.madani.node.store.SpaceRepository.PostRow;
import org.madani.node.store.SpaceRepository.SpaceRow;

/**
 * Catch-up (spaces.md §5.6): a member's node that missed posts fetches the ciphertext envelopes
 * from the space's owner with a signed GET, and keeps each one that passes the same checks as a
 * delivered post, with authorship resting on the author's signature. A node serves its envelopes
 * only to a signed request from an active member in its view; anyone else gets 404, which does not
 * tell whether the space exists. Only ciphertext ever crosses. Thread-safe.
 */
public final class SpaceCatchUp {

  static final int PAGE = 100;
  static final int MAX_PAGES = 50;

  private final Database db;
  private final OrganizationRepository orgs;
  private final SpaceRepository repo;
  private final LocalActors actors;
  private final RemoteActors remoteActors;
  private final RemoteActorRepository remoteActorRepo;
  private final DocumentFetcher fetcher;
  private final ObjectMapper json;
  private final Clock clock;

  public SpaceCatchUp(
      Database db,
      OrganizationRepository orgs,
      SpaceRepository repo,
      LocalActors actors,
      RemoteActors remoteActors,
      RemoteActorRepository remoteActorRepo,
      DocumentFetcher fetcher,
      ObjectMapper json,
      Clock clock) {
    this.db = db;
    this.orgs = orgs;
    this.repo = repo;
    this.actors = actors;
    this.remoteActors = remoteActors;
    this.remoteActorRepo = remoteActorRepo;
    this.fetcher = fetcher;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Serves {@code requester} (verified) a page of envelopes after {@code after}, if it is an active
   * member.
   */
  public Future<ObjectNode> page(String handle, String ref, String requester, long after) {
    return db.tx(
            c -> {
              Organization org =
                  orgs.findByHandle(c, handle)
                      .orElseThrow(() -> Problem.notFound("No such space."));
              SpaceRow s =
                  repo.byRef(c, org.id(), ref)
                      .orElseThrow(() -> Problem.notFound("No such space."));
              boolean member =
                  repo.members(c, s.pk()).stream()
                      .anyMatch(m -> m.actor().equals(requester) && "active".equals(m.state()));
              if (!member || !List.of("owner", "member").contains(s.role()))
                throw Problem.notFound("No such space.");
              List<PostRow> rows = repo.posts(c, s.pk(), Math.max(0, after), PAGE);
              ObjectNode page = json.createObjectNode();
              page.put("type", "OrderedCollectionPage");
              page.put("partOf", actors.actorId(handle) + "/spaces/" + ref + "/posts");
              ArrayNode items = page.putArray("orderedItems");
              for (PostRow p : rows) items.add(tree(p.envelope()));
              page.put("last", rows.isEmpty() ? after : rows.get(rows.size() - 1).id());
              page.put("more", rows.size() == PAGE);
              return page;
            })
        .recover(
            err ->
                Future.failedFuture(
                    err instanceof org.madani.node.model.ProblemException
                        ? err
                        : Problem.notFound("No such space.")));
  }

  private JsonNode tree(String stored) {
    try {
      return json.readTree(stored);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored envelope unreadable", e);
    }
  }

  /**
   * Fetches what the owner holds of our organization's space and keeps what we miss; returns how
   * many were added.
   */
  public Future<Integer> catchUp(String handle, String ref) {
    return db.tx(
            c -> {
              Organization org =
                  orgs.findByHandle(c, handle)
                      .orElseThrow(() -> Problem.notFound("No organization '" + handle + "'."));
              SpaceRow s =
                  repo.byRef(c, org.id(), ref)
                      .orElseThrow(() -> Problem.notFound("No such space."));
              if (!"member".equals(s.role()))
                throw Problem.conflict("Only a member catches up from the owner.");
              return s;
            })
        .compose(
            s ->
                fetchAll(URI.create(s.spaceId() + "/posts"), 0, new ArrayList<>(), 0)
                    .compose(envelopes -> knowAuthors(envelopes).compose(v -> keep(s, envelopes))));
  }

  private Future<List<JsonNode>> fetchAll(URI base, long after, List<JsonNode> out, int pages) {
    return fetcher
        .fetch(URI.create(base + "?after=" + after))
        .compose(
            f -> {
              JsonNode items = f.document().path("orderedItems");
              items.forEach(out::add);
              long last = f.document().path("last").asLong(after);
              boolean more =
                  f.document().path("more").asBoolean(false)
                      && last > after
                      && pages + 1 < MAX_PAGES;
              return more ? fetchAll(base, last, out, pages + 1) : Future.succeededFuture(out);
            });
  }

  /**
   * Authors we have never met are looked up (their keys pinned) before their signatures are
   * checked.
   */
  private Future<Void> knowAuthors(List<JsonNode> envelopes) {
    Set<String> authors = new LinkedHashSet<>();
    for (JsonNode e : envelopes) authors.add(e.path("attributedTo").asText(""));
    Future<Void> all = Future.succeededFuture();
    for (String a : authors) {
      if (!a.startsWith("http") || actors.handleOf(a).isPresent()) continue;
      all =
          all.compose(
              v ->
                  remoteActors
                      .actor(a, false)
                      .<Void>mapEmpty()
                      .recover(err -> Future.succeededFuture()));
    }
    return all;
  }

  private Future<Integer> keep(SpaceRow s, List<JsonNode> envelopes) {
    return db.tx(
        c -> {
          List<MemberRow> members = repo.members(c, s.pk());
          int added = 0;
          for (JsonNode raw : envelopes) {
            var parsed = SpaceEnvelope.parse(raw);
            if (parsed.isEmpty() || !parsed.get().spaceId().equals(s.spaceId())) continue;
            SpaceEnvelope e = parsed.get();
            // Authorship rests on the signature here, not on who served it; a member removed since
            // still signed its earlier posts.
            boolean wasMember =
                members.stream()
                    .anyMatch(
                        m ->
                            m.actor().equals(e.author())
                                && List.of("active", "removed", "left").contains(m.state()));
            Map<String, byte[]> keys = new HashMap<>();
            for (var k : remoteActorRepo.keysOf(c, e.author())) {
              if (!"ed25519".equals(k.algorithm())
                  || !"signing".equals(k.purpose())
                  || k.revokedAt() != null) continue;
              byte[] spki = Keys.publicKeyFromPem(k.publicPem()).getEncoded();
              keys.put(
                  k.keyId(), java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length));
            }
            if (!(PostCheck.check(e, e.author(), wasMember, keys) instanceof PostCheck.Accepted))
              continue;
            if (repo.insertPost(
                c,
                s.pk(),
                new PostRow(
                    0, e.postId(), e.epoch(), e.author(), raw.toString(), clock.instant()))) {
              added++;
            }
          }
          return added;
        });
  }
}
