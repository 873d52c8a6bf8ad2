-- Several node processes on one database (issue 15): each keeps its own search index and reads
-- directory_change from its own position. A process records here how far its committed index has
-- applied the sequence; changes are deleted only below the lowest position of the readers seen in
-- the last week, so one process never deletes what another has not applied yet. (A reader gone for
-- longer no longer holds deletion back; when it comes back its index is older than the oldest
-- change kept and it rebuilds from the tables.)
CREATE TABLE directory_reader (
  reader   VARCHAR(1024) PRIMARY KEY,   -- the index's place: host name and path
  applied  BIGINT        NOT NULL,
  seen     TIMESTAMP WITH TIME ZONE NOT NULL
);
