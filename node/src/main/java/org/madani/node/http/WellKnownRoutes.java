package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.publish.PublishedDocuments;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.model.Urls;

/** Discovery documents other software reads first: WebFinger (RFC 7033) and NodeInfo 2.1. */
final class WellKnownRoutes {

  private final PublishedDocuments documents;
  private final LocalActors actors;
  private final JsonCodec json;
  private final Urls urls;

  WellKnownRoutes(PublishedDocuments documents, LocalActors actors, JsonCodec json, Urls urls) {
    this.documents = documents;
    this.actors = actors;
    this.json = json;
    this.urls = urls;
  }

  void mount(Router router) {
    router.get("/.well-known/webfinger").handler(this::webfinger);
    router.get("/.well-known/nodeinfo").handler(this::nodeinfoLinks);
    router.get("/nodeinfo/2.1").handler(this::nodeinfo);
  }

  private void webfinger(RoutingContext ctx) {
    String resource = ctx.request().getParam("resource");
    String host = URI.create(urls.root()).getAuthority();
    String handle = null;
    if (resource != null && resource.startsWith("acct:") && resource.endsWith("@" + host)) {
      handle = resource.substring(5, resource.length() - host.length() - 1);
    } else if (resource != null) {
      handle = actors.handleOf(resource).orElse(null);
    }
    if (handle == null) {
      ctx.fail(Problem.notFound("Unknown resource."));
      return;
    }
    String h = handle;
    documents
        .hosts(h)
        .onSuccess(
            hosted -> {
              if (!hosted) {
                ctx.fail(Problem.notFound("Unknown resource."));
                return;
              }
              ctx.response()
                  .putHeader("Content-Type", "application/jrd+json; charset=utf-8")
                  .putHeader("Access-Control-Allow-Origin", "*")
                  .end(Buffer.buffer(json.write(jrd(h, host))));
            })
        .onFailure(ctx::fail);
  }

  private ObjectNode jrd(String handle, String host) {
    ObjectNode jrd = json.mapper().createObjectNode();
    jrd.put("subject", "acct:" + handle + "@" + host);
    jrd.putArray("aliases").add(actors.actorId(handle));
    ArrayNode links = jrd.putArray("links");
    links
        .addObject()
        .put("rel", "self")
        .put("type", ActivityStreams.MEDIA_TYPE)
        .put("href", actors.actorId(handle));
    links
        .addObject()
        .put("rel", "http://webfinger.net/rel/profile-page")
        .put("type", "text/html")
        .put("href", actors.actorId(handle));
    // Where a visitor of another server's page lands to follow from here (OStatus subscribe,
    // as Mastodon reads it; served by PublicPages#authorizeInteraction).
    links
        .addObject()
        .put("rel", "http://ostatus.org/schema/1.0/subscribe")
        .put("template", urls.root() + "/authorize_interaction?uri={uri}");
    return jrd;
  }

  private void nodeinfoLinks(RoutingContext ctx) {
    ObjectNode out = json.mapper().createObjectNode();
    out.putArray("links")
        .addObject()
        .put("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1")
        .put("href", urls.root() + "/nodeinfo/2.1");
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(json.write(out)));
  }

  private void nodeinfo(RoutingContext ctx) {
    documents
        .organizationCount()
        .map(this::nodeinfo)
        .onSuccess(
            doc ->
                ctx.response()
                    .putHeader(
                        "Content-Type",
                        "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"")
                    .end(Buffer.buffer(json.write(doc))))
        .onFailure(ctx::fail);
  }

  private ObjectNode nodeinfo(long orgCount) {
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
    out.putObject("usage").put("localPosts", 0).putObject("users").put("total", orgCount);
    out.putObject("metadata").put("nodeName", "Madani");
    return out;
  }
}
