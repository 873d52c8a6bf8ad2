package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * Every admin API route the running node's Vert.x router serves ({@code /api/v1/...}) is in the
 * OpenAPI document it serves, with its method: a route added without documenting it fails here.
 */
class OpenApiCompletenessIT {

  @TempDir Path dir;

  @Test
  void everyApiRouteIsDocumented() throws Exception {
    try (TestNode node = TestNode.start(dir, "sawa", false)) {
      JsonNode paths = TestNode.json(node.get("/api/v1/openapi.json")).path("paths");
      assertThat(paths.size()).isGreaterThan(10);
      List<String> missing = new ArrayList<>();
      int checked = 0;
      for (String route : node.node().routes()) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        if (!path.startsWith("/api/")
            || path.equals("/api/v1/openapi.json")
            || method.equals("ANY")) continue;
        String documented = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
        checked++;
        if (!paths.path(documented).has(method.toLowerCase(Locale.ROOT)))
          missing.add(method + " " + documented);
      }
      assertThat(checked).isGreaterThan(30);
      assertThat(missing).isEmpty();
    }
  }
}
