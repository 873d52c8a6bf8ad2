package org.madani.node.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI 3.1 description of the admin API, shipped as a resource (api/openapi.json). */
final class OpenApiDocument {
  private static final byte[] BYTES = load();

  private OpenApiDocument() {}

  static byte[] bytes() {
    return BYTES;
  }

  private static byte[] load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream("/api/openapi.json")) {
      if (in == null) throw new IllegalStateException("api/openapi.json missing from classpath");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
