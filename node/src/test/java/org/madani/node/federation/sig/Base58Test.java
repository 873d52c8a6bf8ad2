package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58Test {

  @Test
  void knownValues() {
    // draft-msporny-base58 §5 examples.
    assertEquals(
        "2NEpo7TZRRrLZSi2U", Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        "11233QC4", Base58.encode(new byte[] {0, 0, 0x28, 0x7f, (byte) 0xb4, (byte) 0xcd}));
    assertEquals("", Base58.encode(new byte[0]));
    assertArrayEquals(
        new byte[] {0, 0, 0x28, 0x7f, (byte) 0xb4, (byte) 0xcd}, Base58.decode("11233QC4"));
  }

  @Test
  void roundTrips() {
    Random random = new Random(7);
    for (int n = 0; n < 200; n++) {
      byte[] data = new byte[random.nextInt(40)];
      random.nextBytes(data);
      if (data.length > 2 && n % 3 == 0) {
        data[0] = 0;
        data[1] = 0;
      }
      assertArrayEquals(data, Base58.decode(Base58.encode(data)));
    }
  }

  @Test
  void rejectsCharactersOutsideTheAlphabet() {
    assertThrows(IllegalArgumentException.class, () -> Base58.decode("0"));
    assertThrows(IllegalArgumentException.class, () -> Base58.decode("abcl"));
  }
}
