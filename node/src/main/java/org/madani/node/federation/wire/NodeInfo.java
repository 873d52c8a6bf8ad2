package org.madani.node.federation.wire;

import java.util.List;
import java.util.Map;

/**
 * NodeInfo 2.1 (nodeinfo.schema.json): what software this is and how many organizations it hosts.
 * No registrations are open (organizations are added by the node's admin), and no posts are
 * counted.
 */
public record NodeInfo(
    String version,
    Software software,
    List<String> protocols,
    Services services,
    boolean openRegistrations,
    Usage usage,
    Map<String, Object> metadata) {

  /** The document for a Madani node hosting {@code organizations}. */
  public static NodeInfo madani(long organizations) {
    return new NodeInfo(
        "2.1",
        new Software("madani", "0.1.0", "https://madani.network/", "https://madani.network/"),
        List.of("activitypub"),
        new Services(List.of(), List.of()),
        false,
        new Usage(0, new Users(organizations)),
        Map.of("nodeName", "Madani"));
  }

  public record Software(String name, String version, String repository, String homepage) {}

  public record Services(List<String> inbound, List<String> outbound) {}

  public record Usage(long localPosts, Users users) {}

  public record Users(long total) {}

  /** The {@code /.well-known/nodeinfo} document (nodeinfo-links.schema.json). */
  public record Links(List<Link> links) {

    public static Links to(String nodeInfo21) {
      return new Links(
          List.of(new Link("http://nodeinfo.diaspora.software/ns/schema/2.1", nodeInfo21)));
    }
  }

  public record Link(String rel, String href) {}
}
