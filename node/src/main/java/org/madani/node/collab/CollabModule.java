package org.madani.node.collab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madani.node.collab.facts.FactsService;
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
import org.madani.node.collab.support.SupporterService;
import org.madani.node.content.Taxonomies;
import org.madani.node.directory.DirectoryService;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.EndorsementRepository;
import org.madani.node.store.collab.FactsRepository;
import org.madani.node.store.collab.InterestRepository;
import org.madani.node.store.collab.InvitationRepository;
import org.madani.node.store.collab.KnowledgeRepository;
import org.madani.node.store.collab.ParticipationRepository;
import org.madani.node.store.collab.SupporterRepository;
import org.madani.node.trust.TrustPolicy;

/**
 * The collaboration area's services and inbox handlers, built once from what the node provides
 * ({@link CollabDeps}); its routes are {@code http.collab.CollabWeb}, built from these services.
 * The composition root touches it twice: {@link #handlers} around its own handler list, and the web
 * part.
 */
public final class CollabModule {

  private final CollabDeps deps;
  private final TrustPolicy trust;
  private final InvitationRepository invitationRepo = new InvitationRepository();
  private final InterestRepository interestRepo = new InterestRepository();
  private final KnowledgeRepository knowledgeRepo = new KnowledgeRepository();
  private final FactsRepository factsRepo = new FactsRepository();
  private final InvitationService invitations;
  private final ParticipationService participation;
  private final InterestService interests;
  private final QuestionService questions;
  private final CollabRecords records;
  private final FactsService facts;
  private final SupporterService supporters;

  public CollabModule(CollabDeps deps, TrustPolicy trust) {
    this.deps = deps;
    this.trust = trust;
    this.invitations = new InvitationService(deps, invitationRepo);
    this.participation =
        new ParticipationService(deps, invitationRepo, new ParticipationRepository());
    this.interests = new InterestService(deps, interestRepo);
    this.questions = new QuestionService(deps, knowledgeRepo);
    this.records = new CollabRecords(deps, knowledgeRepo, factsRepo);
    this.facts = new FactsService(deps, factsRepo, trust);
    this.supporters = new SupporterService(deps, new SupporterRepository());
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
    List<String> wrapped =
        List.of("Accept", "Reject", "TentativeAccept", "Create", "Update", "Delete");
    for (ActivityHandler h : base) {
      if (wrapped.contains(h.type())) byType.put(h.type(), h);
      else out.add(h);
    }
    for (String type : List.of("Accept", "Reject", "TentativeAccept")) {
      out.add(
          new AnswerInvitationHandler(deps, invitationRepo, interestRepo, type, byType.get(type)));
    }
    for (String type : List.of("Create", "Update", "Delete")) {
      out.add(new RecordingHandler(deps, type, byType.get(type), records));
    }
    out.add(new InviteHandler(deps, invitationRepo));
    out.add(new JoinEventHandler(deps, participation));
    out.add(new LeaveEventHandler(deps, participation));
    out.add(new OfferInterestHandler(deps, interestRepo));
    return out;
  }

  public InvitationService invitations() {
    return invitations;
  }

  public ParticipationService participation() {
    return participation;
  }

  public InterestService interests() {
    return interests;
  }

  /**
   * What collaboration keeps of an authenticated activity (questions, answers, attestations,
   * corrections): run after the inbox's handlers and for log items the mirror applies.
   */
  public CollabRecords records() {
    return records;
  }

  public QuestionService questions() {
    return questions;
  }

  public FactsService facts() {
    return facts;
  }

  public SupporterService supporters() {
    return supporters;
  }

  /** Partner matching reads the directory, which the composition root builds after the inbox. */
  public MatchService matching(DirectoryService directory, Taxonomies taxonomies) {
    return new MatchService(
        deps.db(),
        directory,
        new EndorsementRepository(),
        trust,
        taxonomies,
        deps.json(),
        deps.orgs(),
        deps.entries());
  }

  public CollabDeps deps() {
    return deps;
  }
}
