package org.madani.node.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.publish.PublishedDocuments;
import org.madani.node.federation.wire.NodeInfo;
import org.madani.node.federation.wire.WebFingerDocument;
import org.madani.node.federation.wire.WebFingerDocument.Link;
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

  private WebFingerDocument jrd(String handle, String host) {
    String actor = actors.actorId(handle);
    return new WebFingerDocument(
        "acct:" + handle + "@" + host,
        List.of(actor),
        List.of(
            Link.to("self", ActivityStreams.MEDIA_TYPE, actor),
            Link.to("http://webfinger.net/rel/profile-page", "text/html", actor),
            // Where a visitor of another server's page lands to follow from here (OStatus
            // subscribe, as Mastodon reads it; served by PublicPages#authorizeInteraction).
            Link.template(
                "http://ostatus.org/schema/1.0/subscribe",
                urls.root() + "/authorize_interaction?uri={uri}")));
  }

  private void nodeinfoLinks(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(json.write(NodeInfo.Links.to(urls.root() + "/nodeinfo/2.1"))));
  }

  private void nodeinfo(RoutingContext ctx) {
    documents
        .organizationCount()
        .map(NodeInfo::madani)
        .onSuccess(
            doc ->
                ctx.response()
                    .putHeader(
                        "Content-Type",
                        "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"")
                    .end(Buffer.buffer(json.write(doc))))
        .onFailure(ctx::fail);
  }
}
