package org.madani.node.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.madani.node.federation.actor.DocumentFetcher;
import org.madani.node.store.Database;
import org.madani.node.store.DiscoveryRepository;

/**
 * Network discovery (protocol-spec/discovery.md): this node publishes whom its organizations follow
 * (and, if the admin chooses, whom it trusts); the admin sees the organizations its trusted peers
 * follow that it does not, ranked by how many trusted peers follow each. Peers' documents are
 * fetched through the guarded fetcher and treated as untrusted input (sizes and URLs checked).
 * Trust is not transitive: a suggestion is only a suggestion. Thread-safe.
 */
public final class DiscoveryService {

  /** Cap on entries read from one peer's document: more is a peer misbehaving. */
  static final int MAX_PER_PEER = 5000;

  /**
   * The two publication switches. Follows default on (they are what discovery is made of); trusts
   * off.
   */
  /**
   * @param publishFollows whether any organization publishes whom it follows
   * @param publishFollowsOf handles of the organizations that opted in (none by default: a follow
   *     graph tells an adversary who works with whom)
   */
  public record Settings(
      boolean publishFollows, boolean publishTrusts, List<String> publishFollowsOf) {
    public Settings {
      publishFollowsOf = List.copyOf(publishFollowsOf);
    }
  }

  /** One organization we follow, as published. */
  public record Followed(String id, Map<String, String> name) {}

  /** What {@code /discovery/peers.json} says; {@code trusted*} empty unless published. */
  public record PeersDocument(
      boolean publishFollows,
      boolean publishTrusts,
      List<Followed> follows,
      Set<String> trustedNodes,
      Set<String> trustedOrganizations,
      Instant updated) {}

  /** An organization to consider following. */
  public record Suggestion(String actor, Map<String, String> name, List<String> followedBy) {
    public int count() {
      return followedBy.size();
    }
  }

  /** How asking one trusted peer went. */
  public record PeerStatus(String origin, boolean ok, int follows, String error) {}

  public record Suggestions(List<Suggestion> items, List<PeerStatus> peers) {}

  private final Database db;
  private final DiscoveryRepository repo;
  private final TrustPolicy policy;
  private final DocumentFetcher fetcher;
  private final ObjectMapper json;
  private final String ownOrigin;
  private final boolean plainHttp;
  private final Clock clock;

  /**
   * @param ownOrigin this node's base URL (its organizations are never suggested)
   * @param plainHttp development mode: trusted nodes (stored as host keys) are asked over http
   */
  public DiscoveryService(
      Database db,
      DiscoveryRepository repo,
      TrustPolicy policy,
      DocumentFetcher fetcher,
      ObjectMapper json,
      String ownOrigin,
      boolean plainHttp,
      Clock clock) {
    this.db = db;
    this.repo = repo;
    this.policy = policy;
    this.fetcher = fetcher;
    this.json = json;
    this.ownOrigin = ownOrigin;
    this.plainHttp = plainHttp;
    this.clock = clock;
  }

  public Future<Settings> settings() {
    return db.tx(
        c -> {
          List<String> optedIn = optedIn(c).values().stream().toList();
          return new Settings(
              !optedIn.isEmpty(), repo.flag(c, DiscoveryRepository.PUBLISH_TRUSTS, false), optedIn);
        });
  }

  /**
   * Sets the switches. {@code publishFollows} true with no list opts every hosted organization in;
   * with a list, exactly those (unknown handles are a 400); false opts every one out.
   */
  public Future<Settings> update(
      boolean publishFollows, List<String> handles, boolean publishTrusts) {
    return db.tx(
        c -> {
          Map<Long, String> orgs = repo.organizations(c);
          if (handles != null) {
            for (String h : handles) {
              if (!orgs.containsValue(h))
                throw org.madani.node.model.Problem.badRequest("No organization '" + h + "' here.");
            }
          }
          for (var o : orgs.entrySet()) {
            boolean in = publishFollows && (handles == null || handles.contains(o.getValue()));
            repo.setFlag(c, DiscoveryRepository.PUBLISH_FOLLOWS_OF + o.getKey(), in);
          }
          repo.setFlag(c, DiscoveryRepository.PUBLISH_TRUSTS, publishTrusts);
          List<String> optedIn = optedIn(c).values().stream().toList();
          return new Settings(!optedIn.isEmpty(), publishTrusts, optedIn);
        });
  }

  /** The organizations that opted in to publishing their follows: id to handle. */
  private Map<Long, String> optedIn(java.sql.Connection c) throws java.sql.SQLException {
    Map<Long, String> out = new LinkedHashMap<>();
    for (var o : repo.organizations(c).entrySet()) {
      if (repo.flag(c, DiscoveryRepository.PUBLISH_FOLLOWS_OF + o.getKey(), false))
        out.put(o.getKey(), o.getValue());
    }
    return out;
  }

  /**
   * What this node publishes. Blocked and limited organizations are never listed, even if still
   * followed: publishing them would vouch for them.
   */
  public Future<PeersDocument> peersDocument() {
    return db.tx(
        c -> {
          // Only organizations that opted in have their follows listed (issue 11, finding 13).
          Map<Long, String> optedIn = optedIn(c);
          boolean follows = !optedIn.isEmpty();
          boolean trusts = repo.flag(c, DiscoveryRepository.PUBLISH_TRUSTS, false);
          List<Followed> list = new ArrayList<>();
          if (follows) {
            repo.followedBy(c, optedIn.keySet())
                .forEach(
                    (id, doc) -> {
                      if (policy.visible(id)) list.add(new Followed(id, name(doc)));
                    });
          }
          Set<String> nodes = trusts ? repo.trustedNodes(c) : Set.of();
          Set<String> orgs = new LinkedHashSet<>();
          if (trusts) repo.trustedActors(c).stream().filter(policy::visible).forEach(orgs::add);
          return new PeersDocument(follows, trusts, list, nodes, orgs, clock.instant());
        });
  }

  /** Asks every trusted peer for its document and ranks what they follow that we do not. */
  public Future<Suggestions> suggestions() {
    return db.tx(
            c ->
                new Object[] {
                  repo.trustedNodes(c), repo.trustedActors(c), repo.followedOrPending(c)
                })
        .compose(
            state -> {
              @SuppressWarnings("unchecked")
              Set<String> nodes = (Set<String>) state[0];
              @SuppressWarnings("unchecked")
              Set<String> actors = (Set<String>) state[1];
              @SuppressWarnings("unchecked")
              Set<String> ours = (Set<String>) state[2];
              List<String> origins = peerOrigins(nodes, actors);
              List<Future<PeerAnswer>> asks = new ArrayList<>();
              for (String o : origins) asks.add(ask(o));
              return Future.join(asks)
                  .recover(err -> Future.succeededFuture())
                  .map(v -> rank(asks, ours));
            });
  }

  private record PeerAnswer(String origin, List<Followed> follows, String error) {}

  private Future<PeerAnswer> ask(String origin) {
    return fetcher
        .fetch(URI.create(origin + "/discovery/peers.json"))
        .map(f -> new PeerAnswer(origin, follows(f.document()), null))
        .recover(
            err ->
                Future.succeededFuture(
                    new PeerAnswer(
                        origin,
                        List.of(),
                        err.getMessage() == null
                            ? err.getClass().getSimpleName()
                            : err.getMessage())));
  }

  private Suggestions rank(List<Future<PeerAnswer>> asks, Set<String> ours) {
    Map<String, Set<String>> by = new TreeMap<>();
    Map<String, Map<String, String>> names = new LinkedHashMap<>();
    List<PeerStatus> peers = new ArrayList<>();
    for (Future<PeerAnswer> f : asks) {
      PeerAnswer a = f.result();
      peers.add(new PeerStatus(a.origin(), a.error() == null, a.follows().size(), a.error()));
      for (Followed x : a.follows()) {
        if (ours.contains(x.id()) || x.id().startsWith(ownOrigin + "/") || !policy.visible(x.id()))
          continue;
        by.computeIfAbsent(x.id(), k -> new LinkedHashSet<>()).add(a.origin());
        if (!x.name().isEmpty()) names.putIfAbsent(x.id(), x.name());
      }
    }
    List<Suggestion> items = new ArrayList<>();
    by.forEach(
        (id, peersOf) ->
            items.add(new Suggestion(id, names.getOrDefault(id, Map.of()), List.copyOf(peersOf))));
    items.sort(
        Comparator.comparingInt(Suggestion::count).reversed().thenComparing(Suggestion::actor));
    return new Suggestions(items, peers);
  }

  /** Origins of trusted nodes and of trusted organizations' nodes, our own left out. */
  List<String> peerOrigins(Set<String> nodes, Set<String> actors) {
    Set<String> out = new LinkedHashSet<>();
    for (String host : nodes) out.add((plainHttp ? "http://" : "https://") + host);
    for (String a : actors) {
      try {
        URI u = URI.create(a);
        if (u.getScheme() != null && u.getRawAuthority() != null)
          out.add(u.getScheme() + "://" + u.getRawAuthority());
      } catch (IllegalArgumentException ignored) {
        // not a URL: nothing to ask
      }
    }
    out.remove(ownOrigin);
    return new ArrayList<>(out);
  }

  /** The follows of a peer's document, keeping only well-formed entries (it is untrusted input). */
  private List<Followed> follows(JsonNode doc) {
    List<Followed> out = new ArrayList<>();
    for (JsonNode f : doc.path("follows")) {
      if (out.size() == MAX_PER_PEER) break;
      String id = f.path("id").asText("");
      if (id.length() > 2048
          || !(id.startsWith("https://") || (plainHttp && id.startsWith("http://")))) continue;
      Map<String, String> name = new LinkedHashMap<>();
      f.path("name")
          .properties()
          .forEach(
              kv -> {
                if (kv.getValue().isTextual() && kv.getKey().length() <= 35 && name.size() < 10) {
                  String v = kv.getValue().asText();
                  name.put(kv.getKey(), v.length() > 300 ? v.substring(0, 300) : v);
                }
              });
      out.add(new Followed(id, name));
    }
    return out;
  }

  private Map<String, String> name(String actorDocument) {
    Map<String, String> out = new LinkedHashMap<>();
    if (actorDocument == null) return out;
    try {
      JsonNode d = json.readTree(actorDocument);
      d.path("nameMap")
          .properties()
          .forEach(
              kv -> {
                if (kv.getValue().isTextual()) out.put(kv.getKey(), kv.getValue().asText());
              });
      if (out.isEmpty() && d.path("name").isTextual()) out.put("und", d.get("name").asText());
    } catch (IOException e) {
      // an unreadable stored document has no name to give
    }
    return out;
  }
}
