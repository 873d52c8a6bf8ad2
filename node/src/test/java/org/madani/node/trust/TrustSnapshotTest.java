package org.madani.node.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustSnapshotTest {

  static final String ALICE = "https://good.example/orgs/alice";
  static final String MALLORY = "https://bad.example/orgs/mallory";
  static final String DEV = "http://127.0.0.1:8081/orgs/dev";

  @Test
  void openMode_allowsEveryoneButTheBlocked() {
    var s =
        new TrustSnapshot(FederationMode.OPEN, Map.of("bad.example", TrustLevel.BLOCKED), Map.of());
    assertThat(s.allowsActor(ALICE)).isTrue();
    assertThat(s.allowsActor(MALLORY)).isFalse();
    assertThat(s.allowsHost("bad.example")).isFalse();
    assertThat(s.effective(ALICE, false)).isEqualTo(TrustLevel.UNKNOWN);
    assertThat(s.effective(ALICE, true)).isEqualTo(TrustLevel.FOLLOWED);
    assertThat(s.effective(MALLORY, true)).isEqualTo(TrustLevel.BLOCKED);
  }

  @Test
  void allowlistMode_onlyListedNodes_andPortsAreDistinctNodes() {
    var s =
        new TrustSnapshot(
            FederationMode.ALLOWLIST,
            Map.of("good.example", TrustLevel.ALLOWED, "127.0.0.1:8081", TrustLevel.TRUSTED),
            Map.of());
    assertThat(s.allowsActor(ALICE)).isTrue();
    assertThat(s.allowsActor("https://other.example/orgs/x")).isFalse();
    assertThat(s.allowsActor(DEV)).isTrue();
    assertThat(s.allowsActor("http://127.0.0.1:8082/orgs/dev")).isFalse();
    assertThat(s.allowsHost(null)).isFalse();
    assertThat(s.allowsActor("not a url")).isFalse();
  }

  @Test
  void allowlistMode_trustingAnOrganizationDoesNotOpenItsNode() {
    var s =
        new TrustSnapshot(FederationMode.ALLOWLIST, Map.of(), Map.of(ALICE, TrustLevel.TRUSTED));
    assertThat(s.allowsActor(ALICE)).isFalse();
    assertThat(s.trusts(ALICE)).isFalse();
  }

  @Test
  void trust_byNodeOrByOrganization_butNotWhenSuspendedOrLimited() {
    var s =
        new TrustSnapshot(
            FederationMode.OPEN,
            Map.of("good.example", TrustLevel.TRUSTED),
            Map.of(
                "https://good.example/orgs/suspended",
                TrustLevel.BLOCKED,
                "https://good.example/orgs/limited",
                TrustLevel.LIMITED,
                "https://else.example/orgs/bob",
                TrustLevel.TRUSTED));
    assertThat(s.trusts(ALICE)).isTrue();
    assertThat(s.trusts("https://else.example/orgs/bob")).isTrue();
    assertThat(s.trusts("https://else.example/orgs/carol")).isFalse();
    assertThat(s.trusts("https://good.example/orgs/suspended")).isFalse();
    assertThat(s.allowsActor("https://good.example/orgs/suspended")).isFalse();
    assertThat(s.trusts("https://good.example/orgs/limited")).isFalse();
    assertThat(s.allowsActor("https://good.example/orgs/limited")).isTrue();
    assertThat(s.visible("https://good.example/orgs/limited")).isFalse();
    assertThat(s.effective("https://good.example/orgs/limited", true))
        .isEqualTo(TrustLevel.LIMITED);
  }

  @Test
  void blockedOrganizationOnATrustedNodeStaysBlocked() {
    var s =
        new TrustSnapshot(
            FederationMode.OPEN,
            Map.of("good.example", TrustLevel.TRUSTED),
            Map.of(ALICE, TrustLevel.BLOCKED));
    assertThat(s.effective(ALICE, true)).isEqualTo(TrustLevel.BLOCKED);
    assertThat(s.effectiveNode("good.example")).isEqualTo(TrustLevel.TRUSTED);
  }

  @Test
  void policyInstallsOnlyNewerReads() {
    TrustPolicy p = new TrustPolicy();
    long first = p.beginRead();
    long second = p.beginRead();
    var blocked =
        new TrustSnapshot(FederationMode.OPEN, Map.of("bad.example", TrustLevel.BLOCKED), Map.of());
    p.install(second, blocked);
    p.install(first, TrustSnapshot.empty()); // a slower, older read must not undo the block
    assertThat(p.allowsActor(MALLORY)).isFalse();
    assertThat(p.allowsUrl(java.net.URI.create("https://bad.example:443/x"))).isFalse();
  }
}
