package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-approval of followers: on until an admin turns it off, per organization. */
class FederationSettingsRepositoryTest {

  @TempDir Path dir;
  StoreFixture store;
  FederationSettingsRepository settings = new FederationSettingsRepository();

  @BeforeEach
  void open() {
    store = new StoreFixture(dir);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void onByDefault_offAndOnAgainPerOrganization() throws Exception {
    long first = store.org("first").id();
    long second = store.org("second").id();
    assertThat(store.<Boolean>tx(c -> settings.autoApprove(c, first))).isTrue();

    store.tx(
        c -> {
          settings.setAutoApprove(c, first, false);
          return null;
        });
    assertThat(store.<Boolean>tx(c -> settings.autoApprove(c, first))).isFalse();
    assertThat(store.<Boolean>tx(c -> settings.autoApprove(c, second))).isTrue();

    store.tx(
        c -> {
          settings.setAutoApprove(c, first, true);
          return null;
        });
    assertThat(store.<Boolean>tx(c -> settings.autoApprove(c, first))).isTrue();
  }
}
