package org.madani.node.setup;

import java.time.Clock;
import org.madani.node.account.AuditLog;
import org.madani.node.trust.TrustPolicy;
import org.madani.node.trust.TrustService;

/**
 * The trust policy every fetch, delivery and inbox request asks (protocol-spec/trust.md) and the
 * service that keeps it in step with the stored settings. Built before federation, which asks it.
 */
public record TrustModule(TrustPolicy policy, TrustService trust) {

  /**
   * @param onChange run after the settings were (re)read (the directory drops blocked content)
   */
  public static TrustModule of(StoreModule store, AuditLog audit, Clock clock, Runnable onChange) {
    TrustPolicy policy = new TrustPolicy();
    return new TrustModule(
        policy, new TrustService(store.db(), store.trust(), policy, audit, clock, onChange));
  }
}
