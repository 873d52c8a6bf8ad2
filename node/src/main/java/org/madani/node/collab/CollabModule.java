package org.madani.node.collab;

import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madani.node.collab.facts.FactsService;
import org.madani.node.collab.http.CollabRoutes;
import org.madani.node.collab.http.FactsRoutes;
import org.madani.node.collab.http.KnowledgeRoutes;
import org.madani.node.collab.http.MatchRoutes;
import org.madani.node.collab.http.SupporterRoutes;
import org.madani.node.collab.store.SupporterRepository;
import org.madani.node.collab.support.SupporterService;
import org.madani.node.collab.inbox.CollabRecords;
import org.madani.node.collab.inbox.RecordingHandler;
import org.madani.node.collab.invite.AnswerInvitationHandler;
import org.madani.node.collab.invite.CollabDeps;
import org.madani.node.collab.invite.InvitationService;
import org.madani.node.collab.invite.InviteHandler;
import org.madani.node.collab.invite.JoinEventHandler;
import org.madani.node.collab.invite.LeaveEventHandler;
import org.madani.node.collab.invite.ParticipationService;
import org.madani.node.collab.match.InterestService;
import org.madani.node.collab.match.MatchService;
import org.madani.node.collab.match.OfferInterestHandler;
import org.madani.node.collab.qa.QuestionService;
import org.madani.node.collab.store.FactsRepository;
import org.madani.node.collab.store.InterestRepository;
import org.madani.node.collab.store.InvitationRepository;
import org.madani.node.collab.store.KnowledgeRepository;
import org.madani.node.collab.store.ParticipationRepository;
import org.madani.node.content.Taxonomies;
import org.madani.node.directory.DirectoryService;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.http.PublicPages;
import org.madani.node.http.pages.PageRenderer;
import org.madani.node.json.JsonCodec;
import org.madani.node.trust.TrustPolicy;

/**
 * The collaboration area's composition: builds its stores, services, inbox handlers and routes from
 * what the node provides. The composition root touches it in three places: {@link #handlers} around
 * its own handler list, {@link #mount} among the routes after the admin API's authentication (with
 * the parts that read the directory from {@link #web}), and {@link #entryPanel} for entry pages.
 */
public final class CollabModule {

  private final CollabDeps deps;
  private final InvitationRepository invitationRepo = new InvitationRepository();
  private final InterestRepository interestRepo = new InterestRepository();
  private final KnowledgeRepository knowledgeRepo = new KnowledgeRepository();
  private final FactsRepository factsRepo = new FactsRepository();
  private final InvitationService invitations;
  private final ParticipationService participation;
  private final CollabRoutes routes;
  private final QuestionService questions;
  private final FactsRoutes facts;
  private final SupporterRoutes supporters;
  private final TrustPolicy trust;
  private final JsonCodec json;

  public CollabModule(CollabDeps deps, JsonCodec json, TrustPolicy trust) {
    this.deps = deps;
    this.json = json;
    this.trust = trust;
    this.invitations = new InvitationService(deps, invitationRepo);
    this.participation = new ParticipationService(deps, invitationRepo, new ParticipationRepository());
    this.routes = new CollabRoutes(invitations, participation, json);
    this.questions = new QuestionService(deps, knowledgeRepo);
    this.facts = new FactsRoutes(new FactsService(deps, factsRepo, trust), json);
    this.supporters = new SupporterRoutes(new SupporterService(deps, new SupporterRepository()), json);
  }

  /**
   * The node's handlers plus ours. Accept and Reject answer Follows as well as Invites: ours take
   * the answers to our Invites and pass the rest to the node's handler of that type. Create, Update
   * and Delete run the node's handler and then keep what collaboration needs (questions, answers,
   * attestations, corrections).
   */
  public List<ActivityHandler> handlers(List<ActivityHandler> base) {
    Map<String, ActivityHandler> byType = new HashMap<>();
    List<ActivityHandler> out = new ArrayList<>();
    List<String> wrapped = List.of("Accept", "Reject", "TentativeAccept", "Create", "Update", "Delete");
    for (ActivityHandler h : base) {
      if (wrapped.contains(h.type())) byType.put(h.type(), h);
      else out.add(h);
    }
    for (String type : List.of("Accept", "Reject", "TentativeAccept")) {
      out.add(new AnswerInvitationHandler(deps, invitationRepo, interestRepo, type, byType.get(type)));
    }
    CollabRecords records = new CollabRecords(deps, knowledgeRepo, factsRepo);
    for (String type : List.of("Create", "Update", "Delete")) {
      out.add(new RecordingHandler(deps, type, byType.get(type), records));
    }
    out.add(new InviteHandler(deps, invitationRepo));
    out.add(new JoinEventHandler(deps, participation));
    out.add(new LeaveEventHandler(deps, participation));
    out.add(new OfferInterestHandler(deps, interestRepo));
    return out;
  }

  public void mount(Router router) {
    routes.mount(router);
    facts.mount(router);
    supporters.mount(router);
  }

  /** What entries' public pages show from here: corrections, verified facts, supporters. */
  public PublicPages.EntryPanel entryPanel() {
    return (lang, url) -> facts.html(lang, url).compose(f -> supporters.html(lang, url).map(s -> f + s));
  }

  /** Routes that read the directory (matching) or render pages (questions), which the root builds later. */
  public Mounted web(DirectoryService directory, Taxonomies taxonomies, PageRenderer pages) {
    MatchRoutes matching = new MatchRoutes(new MatchService(deps.db(), directory,
        new org.madani.node.store.EndorsementRepository(), trust, taxonomies), new InterestService(deps, interestRepo),
        json, deps.urls());
    KnowledgeRoutes knowledge = new KnowledgeRoutes(questions, json, pages);
    return router -> {
      matching.mount(router);
      knowledge.mount(router);
    };
  }

  /** Routes to mount. */
  @FunctionalInterface
  public interface Mounted {
    void mount(Router router);
  }
}
