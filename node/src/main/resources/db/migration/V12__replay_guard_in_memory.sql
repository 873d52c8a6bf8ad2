-- Replayed signatures are now refused from memory (federation.inbox.ReplayGuard), backed by the
-- inbox's unique activity id: a replay that the memory no longer holds names an activity already
-- stored and has no effect. The table cost a random-key index insert in every inbox commit.
DROP TABLE seen_signature;
