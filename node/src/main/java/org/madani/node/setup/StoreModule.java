package org.madani.node.setup;

import java.time.Clock;
import org.madani.node.json.JsonCodec;
import org.madani.node.store.AccountRepository;
import org.madani.node.store.CoverageRepository;
import org.madani.node.store.Database;
import org.madani.node.store.DeliveryRepository;
import org.madani.node.store.DirectoryRepository;
import org.madani.node.store.DiscoveryRepository;
import org.madani.node.store.EndorsementRepository;
import org.madani.node.store.EntryRepository;
import org.madani.node.store.FederationSettingsRepository;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.InboxRepository;
import org.madani.node.store.KeyChangeRepository;
import org.madani.node.store.KeyRepository;
import org.madani.node.store.MirrorRepository;
import org.madani.node.store.OnlineBackup;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.OutboxRepository;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.RemoteObjectRepository;
import org.madani.node.store.ReportRepository;
import org.madani.node.store.TrustListRepository;
import org.madani.node.store.TrustRepository;

/**
 * The open database and one repository per aggregate, each built once and shared by every area
 * (repositories are stateless). The durable delivery queue is here too: it is the queue's table.
 */
public record StoreModule(
    Database db,
    JsonCodec json,
    OrganizationRepository orgs,
    EntryRepository entries,
    FollowRepository follows,
    FederationSettingsRepository federationSettings,
    RemoteActorRepository remoteActors,
    RemoteObjectRepository remoteObjects,
    OutboxRepository outbox,
    InboxRepository inbox,
    KeyRepository keys,
    KeyChangeRepository keyChanges,
    MirrorRepository mirrors,
    EndorsementRepository endorsements,
    ReportRepository reports,
    DirectoryRepository directory,
    TrustRepository trust,
    TrustListRepository trustLists,
    DiscoveryRepository discovery,
    CoverageRepository coverage,
    OnlineBackup backup,
    AccountRepository accounts,
    DeliveryRepository deliveries) {

  public static StoreModule of(Database db, JsonCodec json, Clock clock) {
    return of(db, json, clock, new DirectoryRepository());
  }

  /**
   * @param indexReader names this process's search index among the readers of the directory change
   *     sequence (several processes on one PostgreSQL; see directory.IndexReaderName)
   */
  public static StoreModule of(Database db, JsonCodec json, Clock clock, String indexReader) {
    return of(db, json, clock, new DirectoryRepository(indexReader));
  }

  private static StoreModule of(
      Database db, JsonCodec json, Clock clock, DirectoryRepository directory) {
    return new StoreModule(
        db,
        json,
        new OrganizationRepository(json.mapper()),
        new EntryRepository(json.mapper()),
        new FollowRepository(),
        new FederationSettingsRepository(),
        new RemoteActorRepository(),
        new RemoteObjectRepository(),
        new OutboxRepository(),
        new InboxRepository(),
        new KeyRepository(),
        new KeyChangeRepository(),
        new MirrorRepository(),
        new EndorsementRepository(),
        new ReportRepository(),
        directory,
        new TrustRepository(),
        new TrustListRepository(),
        new DiscoveryRepository(),
        new CoverageRepository(),
        new OnlineBackup(),
        new AccountRepository(),
        new DeliveryRepository(clock));
  }
}
