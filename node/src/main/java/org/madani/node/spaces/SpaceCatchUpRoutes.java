package org.madani.node.spaces;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madani.node.federation.inbox.InboxService;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;

/**
 * {@code GET /orgs/{handle}/spaces/{ref}/posts?after=N}: a space's ciphertext envelopes for a
 * member's node catching up (spaces.md §5.6). The request must carry an HTTP signature (RFC 9421 or
 * draft-cavage) by an active member; anyone else gets 404.
 */
public final class SpaceCatchUpRoutes {

  private final SpaceCatchUp catchUp;
  private final InboxService signatures;
  private final URI root;
  private final JsonCodec json;

  public SpaceCatchUpRoutes(
      SpaceCatchUp catchUp, InboxService signatures, URI root, JsonCodec json) {
    this.catchUp = catchUp;
    this.signatures = signatures;
    this.root = root;
    this.json = json;
  }

  public void mount(Router router) {
    router.get("/orgs/:handle/spaces/:ref/posts").handler(this::page);
  }

  private void page(RoutingContext ctx) {
    long after;
    try {
      after = Long.parseLong(ctx.request().getParam("after", "0"));
    } catch (NumberFormatException e) {
      ctx.fail(Problem.badRequest("'after' must be a number."));
      return;
    }
    signatures
        .authenticate(view(ctx))
        .recover(err -> io.vertx.core.Future.failedFuture(Problem.notFound("No such space.")))
        .compose(
            v -> catchUp.page(ctx.pathParam("handle"), ctx.pathParam("ref"), v.ownerId(), after))
        .onSuccess(
            doc ->
                ctx.response()
                    .setStatusCode(200)
                    .putHeader("Content-Type", "application/activity+json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(json.write(doc))))
        .onFailure(ctx::fail);
  }

  /** The request as signed: the target under our public base URL (we may sit behind a proxy). */
  private HttpRequestView view(RoutingContext ctx) {
    HttpServerRequest r = ctx.request();
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : r.headers().names())
      headers.put(name.toLowerCase(Locale.ROOT), r.headers().getAll(name));
    if (!headers.containsKey("host") && r.authority() != null)
      headers.put("host", List.of(r.authority().toString()));
    String base =
        root.toString().endsWith("/")
            ? root.toString().substring(0, root.toString().length() - 1)
            : root.toString();
    return new HttpRequestView(r.method().name(), URI.create(base + r.uri()), headers, new byte[0]);
  }
}
