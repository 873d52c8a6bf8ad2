package org.madani.node.setup.web;

import java.util.List;
import org.madani.node.config.NodeConfig;
import org.madani.node.http.HttpServerVerticle;
import org.madani.node.http.ProblemHandler;
import org.madani.node.http.RequestDeadlines;
import org.madani.node.json.JsonCodec;

/** The HTTP server with every area's routes, mounted in the one order that matters. */
public final class WebServer {

  private WebServer() {}

  public static HttpServerVerticle of(
      NodeConfig config,
      JsonCodec json,
      OperationsWeb ops,
      AdminWeb admin,
      PublicWeb pub,
      FederationWeb federation) {
    var reports = pub.reports();
    var discovery = pub.discovery();
    var media = pub.media();
    return new HttpServerVerticle(
        config.bindAddress(),
        config.port(),
        // The directory API goes before the admin API: its search also answers without a token.
        List.of(
            ops.httpMetrics()::mount,
            ops.health()::mount,
            ops.metrics()::mount,
            federation.routes()::mountInbox,
            pub.directoryApi()::mount,
            pub.export()::mount,
            media::mountBody,
            admin.api()::mount,
            admin.federationApi()::mount,
            admin.trustApi()::mount,
            admin.keyApi()::mount,
            admin.sharingApi()::mount,
            pub.collab()::mount,
            admin.moderationApi()::mount,
            reports::mountAdmin,
            pub.reportSchedules()::mountAdmin,
            discovery::mountAdmin,
            media::mountAdmin,
            admin.adminApi()::mount,
            federation.spaces()::mount,
            admin.backup()::mount,
            admin.hosting()::mount,
            admin.moves()::mount,
            admin.sessions()::mount,
            admin.ui()::mount,
            federation.routes()::mount,
            pub.pages()::mount,
            pub.directoryPages()::mount,
            pub.feeds()::mount,
            reports::mount,
            discovery::mount,
            media::mount),
        new ProblemHandler(json, pub.errorPages()),
        RequestDeadlines.fromEnv(System.getenv()));
  }
}
