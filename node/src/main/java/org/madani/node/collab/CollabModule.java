package org.madani.node.collab;

import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madani.node.collab.http.CollabRoutes;
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
import org.madani.node.collab.http.MatchRoutes;
import org.madani.node.collab.store.InterestRepository;
import org.madani.node.collab.store.InvitationRepository;
import org.madani.node.collab.store.ParticipationRepository;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.json.JsonCodec;

/**
 * The collaboration area's composition: builds its stores, services, inbox handlers and routes from
 * what the node provides. The composition root touches it twice: {@link #handlers} around its own
 * handler list, and {@link #mount} among the routes after the admin API's authentication.
 */
public final class CollabModule {

  private final CollabDeps deps;
  private final InvitationRepository invitationRepo = new InvitationRepository();
  private final InterestRepository interestRepo = new InterestRepository();
  private final InvitationService invitations;
  private final ParticipationService participation;
  private final CollabRoutes routes;
  private final JsonCodec json;

  public CollabModule(CollabDeps deps, JsonCodec json) {
    this.deps = deps;
    this.json = json;
    this.invitations = new InvitationService(deps, invitationRepo);
    this.participation = new ParticipationService(deps, invitationRepo, new ParticipationRepository());
    this.routes = new CollabRoutes(invitations, participation, json);
  }

  /**
   * The node's handlers plus ours. Accept and Reject answer Follows as well as Invites: ours take
   * the answers to our Invites and pass the rest to the node's handler of that type.
   */
  public List<ActivityHandler> handlers(List<ActivityHandler> base) {
    Map<String, ActivityHandler> byType = new HashMap<>();
    List<ActivityHandler> out = new ArrayList<>();
    for (ActivityHandler h : base) {
      if (List.of("Accept", "Reject", "TentativeAccept").contains(h.type())) byType.put(h.type(), h);
      else out.add(h);
    }
    for (String type : List.of("Accept", "Reject", "TentativeAccept")) {
      out.add(new AnswerInvitationHandler(deps, invitationRepo, interestRepo, type, byType.get(type)));
    }
    out.add(new InviteHandler(deps, invitationRepo));
    out.add(new JoinEventHandler(deps, participation));
    out.add(new LeaveEventHandler(deps, participation));
    out.add(new OfferInterestHandler(deps, interestRepo));
    return out;
  }

  public void mount(Router router) {
    routes.mount(router);
  }

  /**
   * Partner matching reads the directory, which the composition root builds after the inbox; so its
   * routes come from here, given the directory, once it exists.
   */
  public MatchRoutes matching(org.madani.node.directory.DirectoryService directory,
      org.madani.node.content.Taxonomies taxonomies, org.madani.node.trust.TrustPolicy policy) {
    return new MatchRoutes(new MatchService(deps.db(), directory, new org.madani.node.store.EndorsementRepository(),
        policy, taxonomies), new InterestService(deps, interestRepo), json);
  }
}
