package org.madani.node.http.collab;

import io.vertx.ext.web.Router;
import org.madani.node.collab.CollabModule;
import org.madani.node.content.Taxonomies;
import org.madani.node.directory.DirectoryService;
import org.madani.node.http.PublicPages;
import org.madani.node.http.pages.PageRenderer;
import org.madani.node.json.JsonCodec;

/**
 * The collaboration area's routes and page parts, from its services: the admin API (after the admin
 * API's authentication), the public question pages and digest feed, and what entry pages show
 * (corrections, verified facts, supporters).
 */
public final class CollabWeb {

  private final CollabRoutes invitations;
  private final FactsRoutes facts;
  private final SupporterRoutes supporters;
  private final MatchRoutes matching;
  private final KnowledgeRoutes knowledge;
  private final RegistrationRoutes registrations;

  public CollabWeb(
      CollabModule collab,
      JsonCodec json,
      DirectoryService directory,
      Taxonomies taxonomies,
      PageRenderer pages) {
    this.invitations = new CollabRoutes(collab.invitations(), collab.participation(), json);
    this.facts = new FactsRoutes(collab.facts(), json);
    this.supporters = new SupporterRoutes(collab.supporters(), json);
    this.matching =
        new MatchRoutes(
            collab.matching(directory, taxonomies), collab.interests(), json, collab.deps().urls());
    this.knowledge = new KnowledgeRoutes(collab.questions(), json, pages);
    this.registrations = new RegistrationRoutes(collab.registrations(), json);
  }

  public void mount(Router router) {
    invitations.mount(router);
    facts.mount(router);
    supporters.mount(router);
    matching.mount(router);
    knowledge.mount(router);
    registrations.mount(router);
  }

  /** What entries' public pages show from here: corrections, verified facts, supporters. */
  public PublicPages.EntryPanel entryPanel() {
    return (lang, url) ->
        facts.html(lang, url).compose(f -> supporters.html(lang, url).map(s -> f + s));
  }
}
