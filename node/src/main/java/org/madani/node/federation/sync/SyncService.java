package org.madani.node.federation.sync;

import io.vertx.core.Future;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.madani.node.federation.Origins;
import org.madani.node.federation.actor.DocumentFetcher;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.MirrorRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catch-up: brings this node's copy of an origin's log up to date, from the origin's own log or,
 * when the origin cannot be reached, from peers that mirror it. Each page is verified item by item
 * against the origin's pinned keys (MirrorService), so a peer can withhold items but never forge or
 * alter them; a withheld range stays a gap and is asked for again from the next source.
 */
public final class SyncService {

  private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

  private final Database db;
  private final MirrorRepository mirrors;
  private final FollowRepository follows;
  private final DocumentFetcher fetcher;
  private final MirrorService mirror;
  private final boolean readAhead;
  private final Clock clock;

  /** Set when the node stops: catch-ups under way read no further page. */
  private volatile boolean stopping;

  public SyncService(
      Database db,
      MirrorRepository mirrors,
      FollowRepository follows,
      MirrorService mirror,
      DocumentFetcher fetcher,
      Clock clock) {
    this.db = db;
    this.follows = follows;
    this.mirrors = mirrors;
    this.fetcher = fetcher;
    this.mirror = mirror;
    this.readAhead = LogPageReader.heapAllowsReadAhead();
    this.clock = clock;
  }

  /**
   * Ends the catch-ups under way after the page each is storing: no further page is read. For the
   * node's stop; there is no starting again.
   */
  public void stop() {
    stopping = true;
  }

  /** Origins that some hosted organization follows (accepted): the logs this node keeps. */
  public Future<List<String>> followedOrigins() {
    return db.tx(follows::followedActors);
  }

  /** Every actor a hosted organization follows or asked to follow: candidate mirror peers. */
  Future<List<String>> followedPeers() {
    return db.tx(follows::followedOrAsked);
  }

  /**
   * Sources for {@code origin}'s log, in the order tried: the origin, then the mirror endpoints of
   * the other nodes this node follows (their base URLs).
   */
  Future<List<URI>> sources(String origin, long after) {
    return followedPeers()
        .map(
            followed -> {
              Set<URI> out = new LinkedHashSet<>();
              out.add(URI.create(origin + "/log?after=" + after));
              for (String actor : followed) {
                String base = baseOf(actor);
                if (base == null || Origins.sameOrigin(base, origin)) continue;
                out.add(
                    URI.create(
                        base
                            + "/mirror/log?actor="
                            + URLEncoder.encode(origin, StandardCharsets.UTF_8)
                            + "&after="
                            + after));
              }
              return List.copyOf(out);
            });
  }

  /** Catches up one origin; completes with the sequence applied up to. Never fails. */
  public Future<Long> catchUp(String origin) {
    return db.tx(c -> mirrors.state(c, origin).appliedSeq())
        .compose(
            applied ->
                sources(origin, applied).compose(srcs -> trySources(origin, srcs, 0, applied)))
        .recover(
            err -> {
              LOG.info("catch-up of {} failed: {}", origin, err.toString());
              return Future.succeededFuture(-1L);
            });
  }

  private Future<Long> trySources(String origin, List<URI> sources, int i, long applied) {
    if (stopping) return Future.succeededFuture(applied);
    if (i >= sources.size()) {
      return db.tx(
          c -> {
            mirrors.recordSync(c, origin, null, "no source reachable", clock.instant());
            return applied;
          });
    }
    URI source = sources.get(i);
    String via = Origins.sameOrigin(source.toString(), origin) ? null : baseOf(source.toString());
    return new LogPageReader<>(fetcher, new CatchUpSink(mirror), readAhead, () -> stopping)
        .read(origin, source, via, applied)
        .compose(
            result -> {
              if (result < 0) return trySources(origin, sources, i + 1, applied);
              long before = applied;
              return db.tx(
                      c -> {
                        mirrors.recordSync(c, origin, source.toString(), null, clock.instant());
                        return mirrors.state(c, origin);
                      })
                  .compose(
                      state -> {
                        if (state.appliedSeq() > before) {
                          LOG.info(
                              "caught up {} to #{} from {}",
                              origin,
                              state.appliedSeq(),
                              via == null ? "its origin" : via);
                        }
                        // A source that is behind (or withholds) leaves a gap: ask the next one for
                        // the rest.
                        boolean gap = state.appliedSeq() < result;
                        return gap
                            ? trySources(origin, sources, i + 1, state.appliedSeq())
                            : Future.succeededFuture(state.appliedSeq());
                      });
            },
            err -> {
              LOG.debug("source {} for {} failed: {}", source, origin, err.toString());
              return trySources(origin, sources, i + 1, applied);
            });
  }

  static String baseOf(String url) {
    try {
      URI u = URI.create(url);
      return u.getScheme() + "://" + u.getRawAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
