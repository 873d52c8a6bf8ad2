package org.madani.node.spaces;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP relay in front of a test node that keeps every byte it carries, both ways: the node's
 * public base URL points here, so all federation traffic to the node crosses it (the test's own
 * admin calls go to the node's port directly). What a relay or a wiretap on the path would see.
 */
final class RecordingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final AtomicInteger target = new AtomicInteger();
  private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

  RecordingProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "recording-proxy-" + server.getLocalPort());
    accept.setDaemon(true);
    accept.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  void forwardTo(int port) {
    target.set(port);
  }

  /** Everything carried so far, requests and responses. */
  byte[] bytes() {
    synchronized (recorded) {
      return recorded.toByteArray();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target.get());
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        if (server.isClosed()) return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16384];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                  synchronized (recorded) {
                    recorded.write(buf, 0, n);
                  }
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException ignored) {
                // the other side closed: the connection is over
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // already closed
                }
              }
            },
            "recording-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
