package org.madani.node.federation.fetch;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A URL that passed {@link AddressGuard}, with the addresses it was checked against. Connect to one
 * of {@link #addresses()}, never to {@link #host()} again: a second lookup could return a
 * different, forbidden address (DNS rebinding). {@link #requestOptions} does this for Vert.x.
 *
 * @param uri the checked URL
 * @param host the host as written in the URL (for {@code Host}, TLS SNI and certificate checks)
 * @param port the explicit or default port
 * @param tls true for https
 * @param addresses the vetted addresses, at least one, in resolver order
 */
public record Vetted(URI uri, String host, int port, boolean tls, List<InetAddress> addresses) {

  public Vetted {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(host, "host");
    addresses = List.copyOf(addresses);
    if (addresses.isEmpty()) throw new IllegalArgumentException("no vetted address");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port);
  }

  /** The address requests go to. */
  public InetAddress address() {
    return addresses.get(0);
  }

  /**
   * Options for a Vert.x {@code HttpClient} request to this URL that connect to {@link #address()}
   * while keeping {@link #host()} for the {@code Host} header, SNI and hostname verification.
   * Redirects are not followed: a redirect target must be checked again.
   */
  public RequestOptions requestOptions(HttpMethod method) {
    return new RequestOptions()
        .setMethod(method)
        .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address(), port)))
        .setHost(host)
        .setPort(port)
        .setSsl(tls)
        .setURI(pathAndQuery())
        .setFollowRedirects(false);
  }

  /** The request target: path and query, never the fragment. */
  public String pathAndQuery() {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) path = "/";
    String query = uri.getRawQuery();
    return query == null ? path : path + "?" + query;
  }
}
