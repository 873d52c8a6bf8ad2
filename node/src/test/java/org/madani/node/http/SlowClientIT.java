package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * Slow clients (slowloris) against a real node over loopback: one header line a second, or a body
 * at one byte a second, gets 408 as problem+json and a closed connection within the configured
 * deadlines (defaults: headers 5 s; bodies 1 KiB/s after 5 s), long before the 60 s idle timeout
 * that every byte would otherwise reset. An ordinary client is not affected and the node stays
 * ready.
 */
class SlowClientIT {

  @TempDir static Path dir;
  static TestNode node;
  static ScheduledExecutorService pacer;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(dir.resolve("n"), "sawa", false);
    pacer = Executors.newScheduledThreadPool(2);
  }

  @AfterAll
  static void stop() {
    if (pacer != null) pacer.shutdownNow();
    if (node != null) node.close();
  }

  Socket connect() throws Exception {
    Socket s = new Socket(node.local().getHost(), node.local().getPort());
    s.setSoTimeout(30_000); // longer than any deadline under test; shorter than the idle timeout
    return s;
  }

  /** Writes {@code unit} once a second (the attack's pace) until the connection fails. */
  void drip(Socket s, byte[] unit) {
    AtomicInteger sent = new AtomicInteger();
    pacer.scheduleAtFixedRate(
        () -> {
          try {
            OutputStream out = s.getOutputStream();
            out.write(unit);
            out.flush();
            sent.incrementAndGet();
          } catch (Exception e) {
            throw new RuntimeException(
                e); // cancels the schedule once the node has closed the socket
          }
        },
        0,
        1,
        TimeUnit.SECONDS);
  }

  /** Everything the node sends until it closes the connection, and how long that took. */
  record Answer(String text, Duration took) {}

  Answer readUntilClosed(Socket s, long startNanos) throws Exception {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) got.write(buf, 0, n);
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "the node kept the slow connection open for 30 s; it sent: " + got, e);
    } catch (java.net.SocketException reset) {
      // closed under our feet while we were still writing: what was sent before still counts
    }
    return new Answer(
        got.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - startNanos));
  }

  @Test
  void headerLinesAtOneASecond_get408_andTheConnectionIsClosed() throws Exception {
    try (Socket s = connect()) {
      long start = System.nanoTime();
      s.getOutputStream()
          .write(
              ("POST /inbox HTTP/1.1\r\nHost: " + node.local().getAuthority() + "\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      drip(s, "X-Slow: a\r\n".getBytes(StandardCharsets.US_ASCII));
      Answer a = readUntilClosed(s, start);
      assertThat(a.text()).startsWith("HTTP/1.1 408").contains("application/problem+json");
      assertThat(a.took()).isLessThan(Duration.ofSeconds(20));
    }
    assertThat(node.get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void bodyAtOneByteASecond_gets408_andTheConnectionIsClosed() throws Exception {
    try (Socket s = connect()) {
      long start = System.nanoTime();
      s.getOutputStream()
          .write(
              ("POST /inbox HTTP/1.1\r\nHost: "
                      + node.local().getAuthority()
                      + "\r\nContent-Type: application/activity+json\r\nContent-Length: 5000\r\n\r\n{")
                  .getBytes(StandardCharsets.US_ASCII));
      drip(s, " ".getBytes(StandardCharsets.US_ASCII));
      Answer a = readUntilClosed(s, start);
      assertThat(a.text())
          .startsWith("HTTP/1.1 408")
          .contains("application/problem+json")
          .contains("request-timeout");
      assertThat(a.took()).isLessThan(Duration.ofSeconds(20));
    }
    assertThat(node.get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void anOrdinaryClient_isServed_andMayKeepItsConnectionForAnotherRequest() throws Exception {
    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      String get = "GET /livez HTTP/1.1\r\nHost: " + node.local().getAuthority() + "\r\n\r\n";
      out.write(get.getBytes(StandardCharsets.US_ASCII));
      out.write(
          get.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Answer a = readUntilClosed(s, System.nanoTime());
      assertThat(a.text().split("HTTP/1.1 200", -1)).hasSize(3);
      assertThat(a.text()).doesNotContain("408");
    }
  }
}
