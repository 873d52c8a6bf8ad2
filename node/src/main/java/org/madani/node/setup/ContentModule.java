package org.madani.node.setup;

import java.nio.file.Path;
import java.time.Clock;
import org.madani.node.collab.resource.PdfSanitizer;
import org.madani.node.collab.resource.Resources;
import org.madani.node.config.NodeConfig;
import org.madani.node.content.ContentEvents;
import org.madani.node.content.DocumentChecks;
import org.madani.node.content.EntryService;
import org.madani.node.content.ImageSanitizer;
import org.madani.node.content.ProfileService;
import org.madani.node.content.SchemaValidator;
import org.madani.node.content.Taxonomies;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.model.Urls;
import org.madani.node.store.MediaStore;
import org.madani.node.trust.OrganizationKeys;

/**
 * What organizations publish: profiles and entries, checked against the schemas and taxonomies, and
 * hosting one more organization with its keys. {@code events} hears every write (the outbox
 * publishes it, the directory indexer wakes up). {@code resources}: documents and images
 * organizations attach to knowledge posts (issue 16 item 3).
 */
public record ContentModule(
    Taxonomies taxonomies,
    DocumentChecks checks,
    ContentEvents events,
    ProfileService profiles,
    EntryService entries,
    HostedOrganizations hosting,
    Resources resources) {

  public static ContentModule of(
      StoreModule store,
      ContentEvents events,
      PrivateKeyFiles keyFiles,
      Path keysDir,
      Clock clock,
      Resources resources) {
    Taxonomies taxonomies = new Taxonomies(store.json().mapper());
    DocumentChecks checks =
        new DocumentChecks(new SchemaValidator(store.json().mapper()), taxonomies);
    ProfileService profiles = new ProfileService(store.db(), store.orgs(), checks, events, clock);
    EntryService entries =
        new EntryService(
            store.db(), store.orgs(), store.entries(), checks, events, clock, resources);
    HostedOrganizations hosting =
        new HostedOrganizations(
            store.db(),
            store.orgs(),
            profiles,
            new OrganizationKeys(store.keys(), keyFiles),
            keysDir,
            events,
            clock);
    return new ContentModule(taxonomies, checks, events, profiles, entries, hosting, resources);
  }

  /** Resources on knowledge posts, stored under the data directory and served by this node. */
  public static Resources resources(NodeConfig config, Urls urls) {
    return new Resources(
        new ImageSanitizer(),
        new PdfSanitizer(),
        new MediaStore(config.dataDir(), "resources", "png|jpg|pdf"),
        urls.root());
  }
}
