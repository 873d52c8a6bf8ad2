package org.madani.node.setup.web;

import io.vertx.core.Vertx;
import java.time.Clock;
import org.madani.node.backup.OnlineCopies;
import org.madani.node.config.NodeConfig;
import org.madani.node.federation.move.OrganizationMoves;
import org.madani.node.http.AdminApiRoutes;
import org.madani.node.http.AdminAuth;
import org.madani.node.http.AdminSessionRoutes;
import org.madani.node.http.AdminUiRoutes;
import org.madani.node.http.ApiRoutes;
import org.madani.node.http.AuditTrail;
import org.madani.node.http.BackupRoutes;
import org.madani.node.http.FederationApiRoutes;
import org.madani.node.http.HostingApiRoutes;
import org.madani.node.http.KeyApiRoutes;
import org.madani.node.http.ModerationApiRoutes;
import org.madani.node.http.MoveApiRoutes;
import org.madani.node.http.TrustApiRoutes;
import org.madani.node.http.TrustSharingApiRoutes;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Urls;
import org.madani.node.setup.AccountModule;
import org.madani.node.setup.ContentModule;
import org.madani.node.setup.FederationModule;
import org.madani.node.setup.HealthModule;
import org.madani.node.setup.StoreModule;
import org.madani.node.setup.TrustModule;
import org.madani.node.setup.TrustSharingModule;
import org.madani.node.store.OrgMoveRepository;

/**
 * The admin API and UI: content, federation, trust, keys, moderation, hosting and backup, behind
 * bearer tokens or browser sessions with CSRF checks, each change written to the audit log.
 */
public record AdminWeb(
    ApiRoutes api,
    FederationApiRoutes federationApi,
    TrustApiRoutes trustApi,
    KeyApiRoutes keyApi,
    TrustSharingApiRoutes sharingApi,
    ModerationApiRoutes moderationApi,
    AdminApiRoutes adminApi,
    BackupRoutes backup,
    HostingApiRoutes hosting,
    MoveApiRoutes moves,
    AdminSessionRoutes sessions,
    AdminUiRoutes ui) {

  public static AdminWeb of(
      Vertx vertx,
      NodeConfig config,
      Urls urls,
      Clock clock,
      StoreModule store,
      AccountModule accounts,
      ContentModule content,
      FederationModule federation,
      TrustModule trust,
      TrustSharingModule sharing,
      HealthModule health) {
    JsonCodec json = store.json();
    AdminAuth auth = new AdminAuth(accounts.admins(), accounts.sessions(), config.baseUrl());
    ApiRoutes api =
        new ApiRoutes(
            json,
            accounts.admins(),
            content.profiles(),
            content.entries(),
            urls,
            config.bodyLimitBytes(),
            auth,
            new AuditTrail(accounts.audit(), json));
    // Online backup: H2's consistent copy through the admin API (the file is locked while serving).
    BackupRoutes backup =
        new BackupRoutes(
            vertx, new OnlineCopies(store.db(), store.backup()), config.dataDir().resolve("tmp"));
    return new AdminWeb(
        api,
        new FederationApiRoutes(federation.follows(), json),
        new TrustApiRoutes(trust.trust(), json),
        new KeyApiRoutes(sharing.keyRotation(), sharing.keyChanges(), json),
        new TrustSharingApiRoutes(sharing.endorsements(), sharing.trustLists(), json),
        new ModerationApiRoutes(sharing.moderation(), json),
        new AdminApiRoutes(
            accounts.audit(),
            accounts.invitations(),
            health.peerHealth(),
            json,
            config.baseUrl(),
            clock),
        backup,
        // Hosting another organization while the node runs (add-org's client path).
        new HostingApiRoutes(content.hosting(), json, urls),
        // Moving an organization between nodes (issue 15 item 5): export, import, Move.
        new MoveApiRoutes(
            new OrganizationMoves(
                new OrganizationMoves.Parts(
                    store.db(),
                    store.orgs(),
                    store.entries(),
                    store.outbox(),
                    store.follows(),
                    store.keys(),
                    new OrgMoveRepository(),
                    content.checks(),
                    content.hosting(),
                    federation.localActors(),
                    federation.remoteActors(),
                    federation.outbox(),
                    federation.follows(),
                    content.events(),
                    json.mapper(),
                    clock)),
            json),
        new AdminSessionRoutes(
            accounts.sessions(), accounts.invitations(), accounts.audit(), json, config.baseUrl()),
        new AdminUiRoutes());
  }
}
