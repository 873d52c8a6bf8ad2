-- Knowledge exchange and verified facts (issue 16, protocol-spec/collab.md §5-§6): questions with
-- their answers, attestations of what an organization checked, and corrections of entries.

-- Questions asked by our organizations (local, org_id set) or received from followed ones.
CREATE TABLE collab_question (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  object_id        VARCHAR(2048) NOT NULL,   -- the Question's id (its public page)
  local_org        BIGINT REFERENCES organization(id),
  author           VARCHAR(2048) NOT NULL,   -- the asking organization's actor
  name             VARCHAR(4000) NOT NULL,   -- JSON language map
  content          VARCHAR(16000),           -- JSON language map, plain text
  accepted_answer  VARCHAR(2048),
  published        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX collab_question_once ON collab_question(object_id);
CREATE INDEX collab_question_by_org ON collab_question(local_org, published);

-- Answers (replies) to questions we know: ours to anyone's, anyone's to ours.
CREATE TABLE collab_answer (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  object_id    VARCHAR(2048) NOT NULL,
  question     VARCHAR(2048) NOT NULL,       -- the Question's id
  author       VARCHAR(2048) NOT NULL,
  author_name  VARCHAR(4000),                -- JSON language map, as the author's actor names it
  content      VARCHAR(8000) NOT NULL,       -- plain text
  published    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX collab_answer_once ON collab_answer(object_id);
CREATE INDEX collab_answer_by_question ON collab_answer(question, published);

-- "Verified on date D by method M": attestations by an organization (ours or not) about an entry
-- or profile; revoked by a Delete from the attester.
CREATE TABLE collab_attestation (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  object_id    VARCHAR(2048) NOT NULL,
  attester     VARCHAR(2048) NOT NULL,
  subject      VARCHAR(2048) NOT NULL,       -- the attested entry or profile
  method       VARCHAR(4000) NOT NULL,       -- JSON language map
  verified_on  DATE          NOT NULL,
  published    TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked      TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX collab_attestation_once ON collab_attestation(object_id);
CREATE INDEX collab_attestation_by_subject ON collab_attestation(subject, revoked);

-- Corrections and retractions its author published for an entry (sent as an Update).
CREATE TABLE collab_correction (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  object_id    VARCHAR(2048) NOT NULL,       -- the Correction's id
  subject      VARCHAR(2048) NOT NULL,       -- the corrected entry
  author       VARCHAR(2048) NOT NULL,
  kind         VARCHAR(16)   NOT NULL,       -- correction | retraction
  note         VARCHAR(4000) NOT NULL,       -- JSON language map
  published    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX collab_correction_once ON collab_correction(object_id);
CREATE INDEX collab_correction_by_subject ON collab_correction(subject, published);
