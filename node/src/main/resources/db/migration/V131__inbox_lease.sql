-- Several node processes on one database (issue 15): a process that takes pending inbox activities
-- to handle leases them until lease_until, so another process does not handle them too; a process
-- that dies leaves them to the others once the lease ends. On H2 (one process) it stays unused.
ALTER TABLE inbox ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
