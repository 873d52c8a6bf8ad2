-- PostgreSQL twin of db/migration/V141__org_move.sql: the same schema (portable SQL, no dialect change needed).
-- Moving an organization between nodes (issue 15 item 5, protocol: ActivityPub Move as Mastodon
-- and Fedify use it). also_known_as: on the new node, the actor the organization came from (its
-- actor document lists it in alsoKnownAs, which is what makes a Move to it valid). moved_to: on
-- the old node, the actor it moved to (listed as movedTo once the Move is announced).
CREATE TABLE org_move (
  org_id         BIGINT        NOT NULL PRIMARY KEY REFERENCES organization(id),
  also_known_as  VARCHAR(2048),
  moved_to       VARCHAR(2048),
  moved_at       TIMESTAMP WITH TIME ZONE
);
