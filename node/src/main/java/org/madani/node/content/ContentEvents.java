package org.madani.node.content;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.madani.node.model.Entry;
import org.madani.node.model.Organization;

/**
 * Called inside the transaction that changes content, so that side effects (outbox activities,
 * delivery jobs, index updates) are stored atomically with the change: either both happen or
 * neither. Implementations must only write to the given connection, never do network I/O.
 */
public interface ContentEvents {

  default void entryCreated(Connection c, Organization org, Entry entry) throws SQLException {}

  /**
   * Many entries created in one transaction (bulk import), in their order. One by one unless a
   * listener does better for a batch (the outbox reads the recipients once).
   */
  default void entriesCreated(Connection c, Organization org, List<Entry> entries)
      throws SQLException {
    for (Entry e : entries) entryCreated(c, org, e);
  }

  default void entryUpdated(Connection c, Organization org, Entry before, Entry after)
      throws SQLException {}

  default void entryDeleted(Connection c, Organization org, Entry before) throws SQLException {}

  default void profileUpdated(Connection c, Organization org) throws SQLException {}

  /** Called after a transaction that reported a change committed (e.g. to wake delivery). */
  default void committed() {}

  ContentEvents NONE = new ContentEvents() {};

  /**
   * Both listeners, {@code first} before {@code second} at every step (e.g. outbox, then
   * directory).
   */
  static ContentEvents both(ContentEvents first, ContentEvents second) {
    return new ContentEvents() {
      @Override
      public void entryCreated(Connection c, Organization org, Entry entry) throws SQLException {
        first.entryCreated(c, org, entry);
        second.entryCreated(c, org, entry);
      }

      @Override
      public void entryUpdated(Connection c, Organization org, Entry before, Entry after)
          throws SQLException {
        first.entryUpdated(c, org, before, after);
        second.entryUpdated(c, org, before, after);
      }

      @Override
      public void entriesCreated(Connection c, Organization org, List<Entry> entries)
          throws SQLException {
        first.entriesCreated(c, org, entries);
        second.entriesCreated(c, org, entries);
      }

      @Override
      public void entryDeleted(Connection c, Organization org, Entry before) throws SQLException {
        first.entryDeleted(c, org, before);
        second.entryDeleted(c, org, before);
      }

      @Override
      public void profileUpdated(Connection c, Organization org) throws SQLException {
        first.profileUpdated(c, org);
        second.profileUpdated(c, org);
      }

      @Override
      public void committed() {
        first.committed();
        second.committed();
      }
    };
  }
}
