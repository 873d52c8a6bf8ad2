package org.madani.node.federation.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code /discovery/peers.json} (peers.schema.json; protocol-spec/discovery.md): whom this node's
 * organizations follow, and whom it trusts, each part present only when the node publishes it.
 *
 * @param updated when the published lists last changed (ISO-8601 instant)
 * @param follows null when follows are not published
 * @param trusts null when trusts are not published
 */
@JsonInclude(Include.NON_NULL)
public record PeersList(
    String type, int version, String node, String updated, List<Followed> follows, Trusts trusts) {

  public static PeersList of(String node, String updated, List<Followed> follows, Trusts trusts) {
    return new PeersList("MadaniPeers", 1, node, updated, follows, trusts);
  }

  /** One followed organization: its actor id and its name per language. */
  public record Followed(String id, Map<String, String> name) {}

  /** Trusted nodes (origins) and organizations (actor ids). */
  public record Trusts(Collection<String> nodes, Collection<String> organizations) {}
}
