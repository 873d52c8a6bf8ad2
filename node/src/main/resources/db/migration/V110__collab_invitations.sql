-- Collaboration across nodes (issue 16, protocol-spec/collab.md): invitations to events with
-- their answers, and participants who joined an event (Mobilizon-style Join/Leave).

-- One row per invitee of an Invite we sent (direction 'sent', org_id = organizer) or per Invite
-- one of our organizations received (direction 'received', org_id = invitee).
CREATE TABLE collab_invitation (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  activity_id  VARCHAR(2048) NOT NULL,   -- the Invite's id
  direction    VARCHAR(8)    NOT NULL,
  org_id       BIGINT        NOT NULL REFERENCES organization(id),
  entry_id     VARCHAR(64),              -- our event, when we sent it
  event_id     VARCHAR(2048) NOT NULL,   -- the event's object id
  event_name   VARCHAR(4000),            -- JSON language map, as the inviter named it
  event_start  TIMESTAMP WITH TIME ZONE,
  inviter      VARCHAR(2048) NOT NULL,
  invitee      VARCHAR(2048) NOT NULL,
  note         VARCHAR(2000),
  state        VARCHAR(16)   NOT NULL,   -- pending, accepted, declined, tentative
  answer_id    VARCHAR(2048),            -- the latest Accept/Reject/TentativeAccept
  created      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX collab_invitation_once ON collab_invitation(activity_id, direction, invitee);
CREATE INDEX collab_invitation_by_org ON collab_invitation(org_id, direction, created);
CREATE INDEX collab_invitation_by_entry ON collab_invitation(org_id, entry_id);

-- How people may join one of our events, set by its organizer (Mobilizon's joinMode names:
-- free = open, restricted = approval, invite = invite-only).
CREATE TABLE collab_event_settings (
  org_id     BIGINT      NOT NULL REFERENCES organization(id),
  entry_id   VARCHAR(64) NOT NULL,
  join_mode  VARCHAR(16) NOT NULL,
  capacity   INT,
  PRIMARY KEY (org_id, entry_id)
);

-- Who joined one of our events with a Join (state pending until approved in approval mode).
CREATE TABLE collab_participant (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  org_id     BIGINT        NOT NULL REFERENCES organization(id),
  entry_id   VARCHAR(64)   NOT NULL,
  actor      VARCHAR(2048) NOT NULL,
  join_id    VARCHAR(2048) NOT NULL,
  state      VARCHAR(16)   NOT NULL,     -- accepted, pending, rejected, left
  created    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX collab_participant_once ON collab_participant(org_id, entry_id, actor);
