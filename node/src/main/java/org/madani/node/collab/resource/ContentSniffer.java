package org.madani.node.collab.resource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a file is by its first bytes (its signature), for the types resources may have: PNG, JPEG
 * and PDF. The name a file came with and the type its sender declared are never trusted. Stateless.
 */
public final class ContentSniffer {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  public Optional<String> sniff(byte[] bytes) {
    if (starts(bytes, PNG)) return Optional.of("image/png");
    if (starts(bytes, JPEG)) return Optional.of("image/jpeg");
    if (starts(bytes, PDF)) return Optional.of("application/pdf");
    return Optional.empty();
  }

  private static boolean starts(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
