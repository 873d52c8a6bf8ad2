package org.madani.node.federation.inbox;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads shared by the activities that {@link InboxProcessor} applies together in one transaction: a
 * burst is many objects from few authors to few addressees, so who follows an author, or which
 * hosted organization an address names, is read once per batch instead of once per activity. Only
 * for facts the batch's own writes cannot change (the batching handlers store objects; they change
 * no follows and no organizations). Lives for one transaction; not thread-safe (a transaction's
 * steps run one after another on one thread).
 */
public final class BatchLookups {

  /** A read of the store, run at most once per key and batch. */
  @FunctionalInterface
  public interface Read<T> {
    T run() throws SQLException;
  }

  private final Map<String, Object> known = new HashMap<>();

  /** The value read for {@code key} earlier in this batch, else {@code read}'s (then kept). */
  @SuppressWarnings("unchecked")
  public <T> T get(String key, Read<T> read) throws SQLException {
    if (known.containsKey(key)) return (T) known.get(key);
    T value = read.run();
    known.put(key, value);
    return value;
  }
}
