package org.madani.node.account;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where admin actions are recorded: who, what, on what, when. Written inside the action's own
 * transaction, so an action and its record stand or fall together. Never records IP addresses.
 * The default records nothing; the accounts area supplies the stored implementation (audit_log).
 */
@FunctionalInterface
public interface AuditLog {

  /**
   * @param admin  who acted (admin user name, or the token's label)
   * @param action what, e.g. {@code trust.node.set}, {@code moderation.suspend}
   * @param target on what, e.g. a host or an actor id
   * @param detail short, safe to show, e.g. {@code level=blocked}
   */
  void record(Connection c, String admin, String action, String target, String detail) throws SQLException;

  AuditLog NONE = (c, admin, action, target, detail) -> { };
}
