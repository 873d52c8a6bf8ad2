package org.madani.node.federation.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.madani.node.json.JsonCodec;

/**
 * The discovery documents a peer reads first (WebFinger, NodeInfo, peers.json) are records now;
 * their bytes are the same as those of the Jackson trees they replace, built here as the routes
 * built them before.
 */
class DiscoveryDocumentsTest {

  final JsonCodec json = new JsonCodec(64);

  @Test
  void webFingerKeepsTheBytesOfTheHandBuiltTree() {
    String actor = "https://n.example/orgs/salam";
    ObjectNode jrd = json.mapper().createObjectNode();
    jrd.put("subject", "acct:salam@n.example");
    jrd.putArray("aliases").add(actor);
    ArrayNode links = jrd.putArray("links");
    links
        .addObject()
        .put("rel", "self")
        .put("type", "application/activity+json")
        .put("href", actor);
    links
        .addObject()
        .put("rel", "http://webfinger.net/rel/profile-page")
        .put("type", "text/html")
        .put("href", actor);
    links
        .addObject()
        .put("rel", "http://ostatus.org/schema/1.0/subscribe")
        .put("template", "https://n.example/authorize_interaction?uri={uri}");

    WebFingerDocument typed =
        new WebFingerDocument(
            "acct:salam@n.example",
            List.of(actor),
            List.of(
                WebFingerDocument.Link.to("self", "application/activity+json", actor),
                WebFingerDocument.Link.to(
                    "http://webfinger.net/rel/profile-page", "text/html", actor),
                WebFingerDocument.Link.template(
                    "http://ostatus.org/schema/1.0/subscribe",
                    "https://n.example/authorize_interaction?uri={uri}")));

    assertThat(text(typed)).isEqualTo(text(jrd));
  }

  @Test
  void nodeInfoKeepsTheBytesOfTheHandBuiltTree() {
    ObjectNode out = json.mapper().createObjectNode();
    out.put("version", "2.1");
    out.putObject("software")
        .put("name", "madani")
        .put("version", "0.1.0")
        .put("repository", "https://madani.network/")
        .put("homepage", "https://madani.network/");
    out.putArray("protocols").add("activitypub");
    out.putObject("services").putArray("inbound");
    out.with("services").putArray("outbound");
    out.put("openRegistrations", false);
    out.putObject("usage").put("localPosts", 0).putObject("users").put("total", 3L);
    out.putObject("metadata").put("nodeName", "Madani");

    assertThat(text(NodeInfo.madani(3))).isEqualTo(text(out));

    ObjectNode links = json.mapper().createObjectNode();
    links
        .putArray("links")
        .addObject()
        .put("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1")
        .put("href", "https://n.example/nodeinfo/2.1");
    assertThat(text(NodeInfo.Links.to("https://n.example/nodeinfo/2.1"))).isEqualTo(text(links));
  }

  @Test
  void peersListKeepsTheBytesOfTheHandBuiltTreeWithAndWithoutEachPart() {
    Map<String, String> name = Map.of("ar", "سلام");
    ObjectNode both = peersTree(true, true, name);
    assertThat(
            text(
                PeersList.of(
                    "https://n.example",
                    "2026-12-07T10:00:00Z",
                    List.of(new PeersList.Followed("https://p.example/orgs/a", name)),
                    new PeersList.Trusts(
                        Set.of("https://t.example"), Set.of("https://t.example/orgs/b")))))
        .isEqualTo(text(both));
    assertThat(text(PeersList.of("https://n.example", "2026-12-07T10:00:00Z", null, null)))
        .isEqualTo(text(peersTree(false, false, name)));
  }

  private ObjectNode peersTree(boolean follows, boolean trusts, Map<String, String> name) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("type", "MadaniPeers");
    o.put("version", 1);
    o.put("node", "https://n.example");
    o.put("updated", "2026-12-07T10:00:00Z");
    if (follows) {
      o.putArray("follows")
          .addObject()
          .put("id", "https://p.example/orgs/a")
          .set("name", json.mapper().valueToTree(name));
    }
    if (trusts) {
      ObjectNode t = o.putObject("trusts");
      t.set("nodes", json.mapper().valueToTree(Set.of("https://t.example")));
      t.set("organizations", json.mapper().valueToTree(Set.of("https://t.example/orgs/b")));
    }
    return o;
  }

  private String text(Object value) {
    return new String(json.write(value), StandardCharsets.UTF_8);
  }
}
