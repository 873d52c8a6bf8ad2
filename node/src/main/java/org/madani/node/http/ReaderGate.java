package org.madani.node.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.madani.node.federation.PeerPolicy;
import org.madani.node.federation.sig.SignatureKeyIds;
import org.madani.node.model.Problem;

/**
 * A signed GET from a node this node refuses (blocked, or not on the allowlist) is answered 403:
 * blocking works both ways, also for peers that pull logs and objects instead of being pushed to.
 * Only the claimed key id is looked at: nothing is fetched to decide.
 */
final class ReaderGate {

  private final PeerPolicy peers;
  private final PeerRequests requests;

  ReaderGate(PeerPolicy peers, PeerRequests requests) {
    this.peers = peers;
    this.requests = requests;
  }

  /** Goes before the routes it guards. */
  void mount(Router router) {
    for (String path : List.of("/orgs/:handle", "/orgs/:handle/*", "/mirror", "/mirror/*")) {
      router.get(path).handler(this::refuseBlockedReaders);
    }
  }

  private void refuseBlockedReaders(RoutingContext ctx) {
    for (String keyId : SignatureKeyIds.of(requests.view(ctx))) {
      String actor = keyId.contains("#") ? keyId.substring(0, keyId.indexOf('#')) : keyId;
      if (!peers.allowsActor(actor)) {
        ctx.fail(
            Problem.of(
                    403,
                    "refused-peer",
                    "Not served to this reader",
                    "This node does not serve requests signed by this sender or its node.")
                .exception());
        return;
      }
    }
    ctx.next();
  }
}
