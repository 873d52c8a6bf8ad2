-- Applying a received object asks who follows its author (FollowRepository.orgsFollowing), once
-- per author and batch: through this index, not a scan of every follow (issue 10, hot queries).
CREATE INDEX follow_by_remote_actor ON follow(remote_actor, direction, state);
