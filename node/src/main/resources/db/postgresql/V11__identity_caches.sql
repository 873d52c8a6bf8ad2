-- Intentionally empty on PostgreSQL (the H2 twin sets identity caches of 10,000; MigrationVendorsTest
-- keeps the two stores' version sets equal, so this file holds the version).
-- H2 shares one cache per sequence across the whole database, so a cache only leaves gaps after a
-- crash. PostgreSQL caches sequence values per session (connection): with CACHE 10000, two
-- connections (or two node processes) would draw from different blocks, and a change committed
-- later could carry a much lower directory_change.seq than one committed earlier, far beyond the
-- window in which the directory indexer waits for a skipped number (DirectoryIndexer.MARGIN), so
-- a reader could lose changes. PostgreSQL's sequences also need no file store per block: nextval
-- with CACHE 1 is cheap there. So every identity keeps PostgreSQL's default CACHE 1.
SELECT 1;
