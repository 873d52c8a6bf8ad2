package org.madani.node.federation.fetch;

import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.madani.node.federation.fetch.FetchException.Reason;

/**
 * Decides whether this node may open a connection to a URL, for fetches and for deliveries.
 *
 * <p>Rules: the scheme is https (plain http only in development mode); no user info; any port; the
 * host is resolved once and every address it resolves to must be public. Loopback passes only in
 * development mode; private addresses (RFC 1918, CGNAT, IPv6 unique-local) never do, not even then:
 * a developer's node must not become a way into the network it runs in; link-local (cloud metadata
 * lives at 169.254.169.254), unspecified, multicast, broadcast, documentation and other reserved
 * addresses never pass. IPv6 forms that embed IPv4 are judged by the embedded address. IP literals
 * must be a canonical dotted quad or a bracketed IPv6 address: {@code 2130706433}, {@code 0x7f.1}
 * or {@code 0177.0.0.1} are refused even in development mode, because other software reads them as
 * 127.0.0.1 while naive checks do not.
 *
 * <p>"Every address" matters: a host with one public and one private address would otherwise let
 * the connecting code pick the private one.
 *
 * <p>Immutable and thread-safe. Resolution goes through the injected {@link HostResolver} and never
 * blocks the caller.
 */
public final class AddressGuard {

  private final boolean devMode;
  private final HostResolver resolver;

  /**
   * @param devMode permits plain http and loopback addresses (nodes on one machine)
   * @param resolver resolves host names; {@link HostResolver#system} in production
   */
  public AddressGuard(boolean devMode, HostResolver resolver) {
    this.devMode = devMode;
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  public boolean devMode() {
    return devMode;
  }

  /**
   * Checks {@code uri} and resolves its host. Fails with a {@link FetchException}: {@code
   * MALFORMED}, {@code BAD_SCHEME}, {@code FORBIDDEN_ADDRESS} or {@code UNRESOLVABLE}.
   */
  public Future<Vetted> check(URI uri) {
    Target target;
    try {
      target = parse(uri);
    } catch (FetchException e) {
      return Future.failedFuture(e);
    }
    if (target.literal != null) {
      return vet(target, List.of(target.literal));
    }
    Future<List<InetAddress>> resolved;
    try {
      resolved = resolver.resolve(target.host);
    } catch (RuntimeException e) {
      resolved = Future.failedFuture(e);
    }
    return resolved
        .recover(
            e ->
                Future.failedFuture(
                    FetchException.of(
                        Reason.UNRESOLVABLE, "Host " + target.host + " could not be resolved.", e)))
        .compose(addresses -> vet(target, addresses));
  }

  private record Target(URI uri, String host, int port, boolean tls, InetAddress literal) {}

  private Target parse(URI uri) {
    Objects.requireNonNull(uri, "uri");
    if (!uri.isAbsolute()) {
      throw FetchException.of(Reason.MALFORMED, "Not an absolute URL: " + uri);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean tls = scheme.equals("https");
    if (!tls && !(scheme.equals("http") && devMode)) {
      throw FetchException.of(
          Reason.BAD_SCHEME,
          scheme.equals("http")
              ? "Plain http is only allowed in development mode: " + uri
              : "Only https URLs can be fetched: " + uri);
    }
    if (uri.isOpaque() || uri.getRawAuthority() == null) {
      throw FetchException.of(Reason.MALFORMED, "The URL has no host: " + uri);
    }
    // "https://trusted.example@evil.example/" reads as trusted to people and some parsers.
    if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
      throw FetchException.of(Reason.MALFORMED, "URLs with user info are not fetched: " + uri);
    }
    String host = uri.getHost();
    if (host == null) {
      // java.net.URI gives up on hosts like "127.1" or "0x7f.1" (a label may not start with a
      // digit) and keeps them as a registry authority; the resolver would still take them.
      String raw = uri.getRawAuthority().replaceFirst(":[0-9]*$", "");
      throw looksNumeric(raw.toLowerCase(Locale.ROOT))
          ? oddLiteral(uri)
          : FetchException.of(Reason.MALFORMED, "The URL has no usable host: " + uri);
    }
    int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
    if (port < 1) {
      throw FetchException.of(Reason.MALFORMED, "Port out of range: " + uri);
    }
    return new Target(uri, host, port, tls, literalAddress(uri, host));
  }

  /** The address an IP-literal host names, or null if the host is a name to resolve. */
  private static InetAddress literalAddress(URI uri, String host) {
    if (host.startsWith("[")) {
      String inner = host.substring(1, host.length() - 1);
      if (inner.indexOf('%') >= 0) {
        // A zone id names one of our own interfaces; no peer is reached that way.
        throw FetchException.of(Reason.FORBIDDEN_ADDRESS, "IPv6 zone ids are not allowed: " + uri);
      }
      try {
        return InetAddress.getByName(
            inner); // contains ':', so parsed as a literal, never looked up
      } catch (UnknownHostException e) {
        throw FetchException.of(Reason.MALFORMED, "Bad IPv6 literal: " + uri, e);
      }
    }
    String lower = host.toLowerCase(Locale.ROOT);
    if (!looksNumeric(lower)) {
      return null;
    }
    byte[] bytes = AddressRanges.parseDottedQuad(lower);
    if (bytes == null) {
      throw oddLiteral(uri);
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always a valid address
    }
  }

  /**
   * Whether a host would be read as an IPv4 address by a WHATWG URL parser or inet_aton: its last
   * label is a decimal or 0x-hex number. Such hosts are never DNS names (no TLD is numeric).
   */
  private static boolean looksNumeric(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String last = h.substring(h.lastIndexOf('.') + 1);
    if (last.isEmpty()) return false;
    if (last.chars().allMatch(c -> c >= '0' && c <= '9')) return true;
    return last.startsWith("0x")
        && last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  private static FetchException oddLiteral(URI uri) {
    return FetchException.of(
        Reason.FORBIDDEN_ADDRESS,
        "IP addresses must be written as a plain dotted quad or in [brackets]: " + uri);
  }

  private Future<Vetted> vet(Target target, List<InetAddress> addresses) {
    if (addresses == null || addresses.isEmpty()) {
      return Future.failedFuture(
          FetchException.of(Reason.UNRESOLVABLE, "Host " + target.host + " has no addresses."));
    }
    List<InetAddress> distinct = new ArrayList<>();
    for (InetAddress address : addresses) {
      AddressRanges.Kind kind = AddressRanges.classify(address);
      if (!allowed(kind)) {
        return Future.failedFuture(
            FetchException.of(
                Reason.FORBIDDEN_ADDRESS,
                "Host "
                    + target.host
                    + " is or resolves to a "
                    + kind.label
                    + " address; not fetched."));
      }
      if (!distinct.contains(address)) distinct.add(address);
    }
    return Future.succeededFuture(
        new Vetted(target.uri, target.host, target.port, target.tls, distinct));
  }

  private boolean allowed(AddressRanges.Kind kind) {
    return switch (kind) {
      case PUBLIC -> true;
      case LOOPBACK -> devMode;
      default -> false;
    };
  }
}
