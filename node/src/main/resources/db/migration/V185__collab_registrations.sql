-- Registrations (issue 16 item 5, trainings): Joins our organizations sent to trainings and events
-- on other nodes, and how the organizer answered (Accept/Reject of the Join).
CREATE TABLE collab_registration (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  org_id      BIGINT        NOT NULL REFERENCES organization(id),
  object_url  VARCHAR(2048) NOT NULL,   -- the training (or event) joined
  organizer   VARCHAR(2048) NOT NULL,   -- its actor, the only one whose answer counts
  join_id     VARCHAR(2048) NOT NULL,
  state       VARCHAR(16)   NOT NULL,   -- pending | accepted | rejected
  created     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX collab_registration_by_join ON collab_registration(join_id);
CREATE INDEX collab_registration_by_org ON collab_registration(org_id, id);
