-- Supporters (issue 16 item 5): funders and partner institutions as their own records of an
-- organization, linked to its projects and shown on their pages.
CREATE TABLE collab_supporter (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  org_id    BIGINT        NOT NULL REFERENCES organization(id),
  kind      VARCHAR(16)   NOT NULL,   -- funder | partner | institution
  name      VARCHAR(4000) NOT NULL,   -- JSON language map
  country   VARCHAR(2),               -- ISO 3166-1 alpha-2
  url       VARCHAR(2048),
  created   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX collab_supporter_by_org ON collab_supporter(org_id, id);

CREATE TABLE collab_supporter_link (
  supporter_id  BIGINT      NOT NULL REFERENCES collab_supporter(id) ON DELETE CASCADE,
  org_id        BIGINT      NOT NULL REFERENCES organization(id),
  entry_id      VARCHAR(64) NOT NULL,
  PRIMARY KEY (org_id, entry_id, supporter_id)
);
