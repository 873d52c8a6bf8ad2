package org.madani.node.federation.fetch;

import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sorts IP addresses into the kinds {@link AddressGuard} decides on. IPv4 is a deny-list of
 * special-purpose blocks (RFC 6890 registry); IPv6 is an allow-list: only global unicast 2000::/3
 * is public, minus its special blocks. IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4)
 * are judged by the embedded address, so {@code ::ffff:127.0.0.1} is loopback.
 *
 * <p>Stateless and thread-safe.
 */
final class AddressRanges {

  /** What an address is, as far as fetching is concerned. */
  enum Kind {
    PUBLIC("public"),
    LOOPBACK("loopback"),
    PRIVATE("private"),
    LINK_LOCAL("link-local"),
    UNSPECIFIED("unspecified"),
    MULTICAST("multicast"),
    BROADCAST("broadcast"),
    RESERVED("reserved or documentation");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private record Block(byte[] prefix, int bits, Kind kind) {
    boolean contains(byte[] address) {
      if (address.length != prefix.length) return false;
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != prefix[i]) return false;
      }
      int rest = bits % 8;
      if (rest == 0) return true;
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (prefix[full] & mask);
    }
  }

  // Declared before the tables below, whose initializers use it.
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

  // Order matters: the first matching block wins, so narrower blocks precede wider ones.
  private static final List<Block> IPV4 =
      List.of(
          v4("0.0.0.0", 32, Kind.UNSPECIFIED),
          v4("0.0.0.0", 8, Kind.RESERVED), // "this network"; Linux routes it to loopback
          v4("10.0.0.0", 8, Kind.PRIVATE),
          v4("100.64.0.0", 10, Kind.PRIVATE), // carrier-grade NAT, RFC 6598
          v4("127.0.0.0", 8, Kind.LOOPBACK),
          v4("169.254.0.0", 16, Kind.LINK_LOCAL), // includes cloud metadata 169.254.169.254
          v4("172.16.0.0", 12, Kind.PRIVATE),
          v4("192.0.0.0", 24, Kind.RESERVED), // IETF protocol assignments
          v4("192.0.2.0", 24, Kind.RESERVED), // TEST-NET-1
          v4("192.88.99.0", 24, Kind.RESERVED), // 6to4 relay anycast
          v4("192.168.0.0", 16, Kind.PRIVATE),
          v4("198.18.0.0", 15, Kind.RESERVED), // benchmarking
          v4("198.51.100.0", 24, Kind.RESERVED), // TEST-NET-2
          v4("203.0.113.0", 24, Kind.RESERVED), // TEST-NET-3
          v4("224.0.0.0", 4, Kind.MULTICAST),
          v4("255.255.255.255", 32, Kind.BROADCAST),
          v4("240.0.0.0", 4, Kind.RESERVED));

  private AddressRanges() {}

  static Kind classify(InetAddress address) {
    byte[] b = address.getAddress();
    return b.length == 4 ? classifyV4(b) : classifyV6(b);
  }

  private static Kind classifyV4(byte[] b) {
    for (Block block : IPV4) {
      if (block.contains(b)) return block.kind;
    }
    return Kind.PUBLIC;
  }

  private static Kind classifyV6(byte[] b) {
    int w0 = word(b, 0);
    int w1 = word(b, 1);
    boolean first80Zero =
        w0 == 0 && w1 == 0 && word(b, 2) == 0 && word(b, 3) == 0 && word(b, 4) == 0;
    if (first80Zero && word(b, 5) == 0xffff) {
      return classifyV4(slice(b, 12)); // ::ffff:a.b.c.d, IPv4-mapped
    }
    if (first80Zero && word(b, 5) == 0) {
      if (word(b, 6) == 0 && word(b, 7) == 0) return Kind.UNSPECIFIED;
      if (word(b, 6) == 0 && word(b, 7) == 1) return Kind.LOOPBACK;
      return Kind.RESERVED; // ::a.b.c.d, deprecated compatible form
    }
    if (w0 == 0x64
        && w1 == 0xff9b
        && word(b, 2) == 0
        && word(b, 3) == 0
        && word(b, 4) == 0
        && word(b, 5) == 0) {
      return classifyV4(slice(b, 12)); // 64:ff9b::/96 NAT64 well-known prefix
    }
    if ((w0 & 0xfe00) == 0xfc00) return Kind.PRIVATE; // fc00::/7 unique-local
    if ((w0 & 0xffc0) == 0xfe80) return Kind.LINK_LOCAL; // fe80::/10
    if ((w0 & 0xff00) == 0xff00) return Kind.MULTICAST; // ff00::/8
    if ((w0 & 0xe000) != 0x2000) return Kind.RESERVED; // outside global unicast 2000::/3
    if (w0 == 0x2002) return classifyV4(slice(b, 2)); // 6to4 embeds an IPv4 address
    if (w0 == 0x2001 && w1 == 0x0db8) return Kind.RESERVED; // documentation
    if (w0 == 0x2001 && w1 < 0x0200) return Kind.RESERVED; // 2001::/23 incl. Teredo, ORCHID
    if (w0 == 0x3fff && w1 < 0x1000) return Kind.RESERVED; // 3fff::/20 documentation (RFC 9637)
    return Kind.PUBLIC;
  }

  private static int word(byte[] b, int index) {
    return ((b[2 * index] & 0xff) << 8) | (b[2 * index + 1] & 0xff);
  }

  private static byte[] slice(byte[] b, int from) {
    byte[] v4 = new byte[4];
    System.arraycopy(b, from, v4, 0, 4);
    return v4;
  }

  /**
   * Parses the one IPv4 literal form we accept: four decimal octets 0..255 without leading zeros.
   * Returns null for anything else, including forms that C resolvers and browsers read as IPv4
   * ({@code 127.1}, {@code 0x7f.0.0.1}, {@code 0177.0.0.1}, {@code 2130706433}).
   */
  static byte[] parseDottedQuad(String host) {
    if (!DOTTED_QUAD.matcher(host).matches()) return null;
    String[] parts = host.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return bytes;
  }

  private static Block v4(String dotted, int bits, Kind kind) {
    byte[] bytes = parseDottedQuad(dotted);
    if (bytes == null) throw new IllegalStateException(dotted);
    return new Block(bytes, bits, kind);
  }
}
