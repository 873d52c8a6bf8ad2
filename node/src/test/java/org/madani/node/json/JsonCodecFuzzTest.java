package org.madani.node.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.madani.node.model.ProblemException;

/**
 * Bounded-time fuzzing (seeded; see SignatureInputFuzzTest) of the JSON limits every body passes:
 * strict UTF-8, then {@link JsonCodec#parseObject}. Whatever the bytes, the answer is a parsed
 * object or a 400 problem, never another exception, and nesting beyond the limit is always refused.
 */
class JsonCodecFuzzTest {

  static final long SEED = Long.getLong("madani.fuzz.seed", 0x11_5EC_2026L);
  static final long NANOS =
      (long) (Double.parseDouble(System.getProperty("madani.fuzz.seconds", "3")) * 1e9);
  static final String SEED_DOC =
      "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"https://a.example/1\","
          + "\"type\":\"Create\",\"actor\":\"https://a.example/u\",\"object\":{\"type\":\"Note\",\"content\":\"مرحبا\","
          + "\"tag\":[1,2.5e3,-0,true,null,{\"a\":[[]]}]}}";

  static final String PUNCTUATION = "{}[]\",:\\u0e9-";

  static byte[] mutate(Random r, byte[] in) {
    byte[] b = in.clone();
    int edits = 1 + r.nextInt(8);
    for (int i = 0; i < edits && b.length > 0; i++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(4)) {
        case 0 -> b[at] = (byte) r.nextInt(256);
        case 1 -> b[at] = (byte) PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length()));
        case 2 -> {
          String nest = (r.nextBoolean() ? "[" : "{\"k\":").repeat(r.nextInt(80));
          byte[] n = nest.getBytes(StandardCharsets.UTF_8);
          byte[] out = new byte[b.length + n.length];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(n, 0, out, at, n.length);
          System.arraycopy(b, at, out, at + n.length, b.length - at);
          b = out;
        }
        default -> {
          byte[] out = new byte[Math.max(1, b.length - 1 - r.nextInt(Math.max(1, b.length / 4)))];
          System.arraycopy(b, 0, out, 0, out.length);
          b = out;
        }
      }
    }
    return b;
  }

  @Test
  void anyBytes_giveAnObjectOrA400() {
    JsonCodec codec = new JsonCodec(32);
    Random r = new Random(SEED);
    byte[] seed = SEED_DOC.getBytes(StandardCharsets.UTF_8);
    long end = System.nanoTime() + NANOS;
    int runs = 0;
    int accepted = 0;
    while (System.nanoTime() < end) {
      runs++;
      byte[] body = mutate(r, seed);
      try {
        StrictUtf8.decode(body);
        codec.parseObject(body);
        accepted++;
      } catch (ProblemException p) {
        assertThat(p.problem().status()).as("seed %s run %s", SEED, runs).isEqualTo(400);
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("seed " + SEED + ", run " + runs + ": " + e, e);
      }
    }
    assertThat(runs).isGreaterThan(100);
    assertThat(accepted).isPositive();
  }

  @Test
  void nestingBeyondTheLimit_isAlwaysRefused() {
    JsonCodec codec = new JsonCodec(32);
    Random r = new Random(SEED + 1);
    for (int i = 0; i < 200; i++) {
      int depth = 33 + r.nextInt(5000);
      String open = r.nextBoolean() ? "[" : "{\"a\":";
      String close = open.equals("[") ? "]" : "}";
      String doc = "{\"x\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
      try {
        codec.parseObject(doc.getBytes(StandardCharsets.UTF_8));
        throw new AssertionError("depth " + depth + " accepted");
      } catch (ProblemException p) {
        assertThat(p.problem().status()).isEqualTo(400);
      }
    }
  }
}
