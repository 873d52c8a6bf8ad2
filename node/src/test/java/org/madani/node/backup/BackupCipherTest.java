package org.madani.node.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackupCipherTest {

  final BackupCipher cipher = new BackupCipher();
  final char[] passphrase = "correct horse battery".toCharArray();

  private byte[] encrypt(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream enc = cipher.encrypt(out, passphrase)) {
      enc.write(plain);
    }
    return out.toByteArray();
  }

  @Test
  void roundTripsAndLooksEncrypted() throws IOException {
    byte[] plain = new byte[200_000];
    new Random(7).nextBytes(plain);
    byte[] sealed = encrypt(plain);
    assertThat(
            BackupCipher.looksEncrypted(new BufferedInputStream(new ByteArrayInputStream(sealed))))
        .isTrue();
    assertThat(cipher.decrypt(new ByteArrayInputStream(sealed), passphrase).readAllBytes())
        .isEqualTo(plain);
  }

  @Test
  void wrongPassphraseFails() throws IOException {
    byte[] sealed = encrypt("secret keys".getBytes());
    assertThatThrownBy(
            () ->
                cipher
                    .decrypt(new ByteArrayInputStream(sealed), "not the passphrase".toCharArray())
                    .readAllBytes())
        .isInstanceOf(IOException.class);
  }

  @Test
  void alteredOrTruncatedCiphertextFailsAtTheEnd() throws IOException {
    byte[] plain = new byte[50_000];
    new Random(8).nextBytes(plain);
    byte[] sealed = encrypt(plain);
    byte[] altered = sealed.clone();
    altered[altered.length / 2] ^= 1;
    assertThatThrownBy(
            () -> cipher.decrypt(new ByteArrayInputStream(altered), passphrase).readAllBytes())
        .isInstanceOf(IOException.class);
    byte[] cut = Arrays.copyOf(sealed, sealed.length - 40);
    assertThatThrownBy(
            () -> cipher.decrypt(new ByteArrayInputStream(cut), passphrase).readAllBytes())
        .isInstanceOf(Exception.class);
  }

  @Test
  void refusesShortPassphrases() {
    assertThatThrownBy(() -> cipher.encrypt(new ByteArrayOutputStream(), "short".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
