package org.madani.node.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashIsArgon2idPhcString_andVerifies() {
    String h = hasher.hash("sesame".toCharArray());
    assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.verify("sesame".toCharArray(), h)).isTrue();
    assertThat(hasher.verify("Sesame".toCharArray(), h)).isFalse();
  }

  @Test
  void samePasswordGetsDifferentSalts() {
    assertThat(hasher.hash("x".toCharArray())).isNotEqualTo(hasher.hash("x".toCharArray()));
  }

  @Test
  void malformedHashesNeverVerify() {
    assertThat(hasher.verify("x".toCharArray(), "")).isFalse();
    assertThat(hasher.verify("x".toCharArray(), "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA")).isFalse();
    assertThat(hasher.verify("x".toCharArray(), "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA")).isFalse();
  }
}
