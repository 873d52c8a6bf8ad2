package org.madani.node.http;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.inbox.InboxService;
import org.madani.node.federation.publish.PublishedDocuments;
import org.madani.node.federation.publish.ServedObject;
import org.madani.node.model.Problem;
import org.madani.node.model.Visibility;
import org.madani.node.store.FollowRepository.Direction;

/**
 * Actor and object documents by content negotiation (a browser asking for HTML falls through to the
 * public pages), the outbox and the follower collections.
 */
final class ActorRoutes {

  private final PublishedDocuments documents;
  private final InboxService inbox;
  private final PeerRequests requests;

  ActorRoutes(PublishedDocuments documents, InboxService inbox, PeerRequests requests) {
    this.documents = documents;
    this.inbox = inbox;
    this.requests = requests;
  }

  void mount(Router router) {
    router.get("/orgs/:handle").handler(this::actor);
    router.get("/orgs/:handle/entries/:id").handler(this::object);
    router.get("/orgs/:handle/outbox").handler(this::outbox);
  }

  void mountCollections(Router router) {
    router.get("/orgs/:handle/followers").handler(ctx -> collectionSize(ctx, Direction.INCOMING));
    router.get("/orgs/:handle/following").handler(ctx -> collectionSize(ctx, Direction.OUTGOING));
  }

  private void actor(RoutingContext ctx) {
    if (!ActivityStreams.wantsActivityJson(ctx.request().getHeader("Accept"))) {
      ctx.next();
      return;
    }
    documents
        .actor(ctx.pathParam("handle"))
        .onSuccess(doc -> requests.activityJson(ctx, doc))
        .onFailure(ctx::fail);
  }

  private void object(RoutingContext ctx) {
    if (!ActivityStreams.wantsActivityJson(ctx.request().getHeader("Accept"))) {
      ctx.next();
      return;
    }
    documents
        .object(ctx.pathParam("handle"), ctx.pathParam("id"))
        .compose(
            served ->
                served.entry().visibility() == Visibility.PUBLIC
                    ? Future.succeededFuture(served)
                    : authorized(ctx, served))
        .onSuccess(served -> requests.activityJson(ctx, served.document()))
        .onFailure(ctx::fail);
  }

  /**
   * Non-public objects are served only to a signed request (authorized fetch) from a reader the
   * service allows. Anyone else, a bad signature included, gets 404, not 403, so that the existence
   * of a private entry is not revealed.
   */
  private Future<ServedObject> authorized(RoutingContext ctx, ServedObject served) {
    return inbox
        .authenticate(requests.view(ctx))
        .compose(v -> documents.readableBy(served, v.ownerId()))
        .recover(err -> Future.failedFuture(Problem.notFound("No such object.")))
        .map(v -> served);
  }

  private void outbox(RoutingContext ctx) {
    String page = ctx.request().getParam("before");
    Long before = null;
    if (page != null) {
      try {
        before = Long.parseLong(page);
      } catch (NumberFormatException e) {
        ctx.fail(Problem.badRequest("'before' must be a sequence number."));
        return;
      }
    }
    documents
        .outbox(ctx.pathParam("handle"), before)
        .onSuccess(doc -> requests.activityJson(ctx, doc))
        .onFailure(ctx::fail);
  }

  private void collectionSize(RoutingContext ctx, Direction d) {
    documents
        .collectionSize(ctx.pathParam("handle"), d)
        .onSuccess(doc -> requests.activityJson(ctx, doc))
        .onFailure(ctx::fail);
  }
}
