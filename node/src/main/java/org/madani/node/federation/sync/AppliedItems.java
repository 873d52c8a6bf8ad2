package org.madani.node.federation.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Told of each log item the mirror applies, inside the transaction that applies it, so that what
 * other parts derive from activities (collaboration records: questions, answers, attestations,
 * corrections) is kept for items that arrive by catch-up or from a peer's mirror exactly as for
 * those delivered to the inbox. Implementations are idempotent: an item may also have come through
 * the inbox.
 */
@FunctionalInterface
public interface AppliedItems {

  /** Nothing to keep. */
  AppliedItems NONE = (c, row, activity) -> {};

  void applied(Connection c, InboxRow row, ObjectNode activity) throws SQLException;
}
