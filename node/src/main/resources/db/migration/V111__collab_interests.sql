-- Partner matching (issue 16, protocol-spec/collab.md §4): "express interest" messages between
-- organizations, sent as an addressed Offer and answered with Accept or Reject.
CREATE TABLE collab_interest (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  activity_id     VARCHAR(2048) NOT NULL,   -- the Offer's id
  direction       VARCHAR(8)    NOT NULL,   -- SENT or RECEIVED
  org_id          BIGINT        NOT NULL REFERENCES organization(id),
  counterpart     VARCHAR(2048) NOT NULL,   -- the other organization's actor
  about           VARCHAR(2048),            -- the offer, need or project it is about
  message         VARCHAR(2000),
  state           VARCHAR(16)   NOT NULL,   -- open, accepted, declined
  answer_message  VARCHAR(2000),
  created         TIMESTAMP WITH TIME ZONE NOT NULL,
  updated         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX collab_interest_once ON collab_interest(activity_id, direction);
CREATE INDEX collab_interest_by_org ON collab_interest(org_id, created);
