package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every schema version exists for both stores: {@code db/migration} (H2) and {@code db/postgresql}
 * hold the same versions, so a migration added for one store without its twin fails here, not on a
 * hub's first start. A new portable migration is simply copied; one in H2's own dialect (MERGE …
 * KEY, CLOB, Java triggers) gets its PostgreSQL spelling.
 */
class MigrationVendorsTest {

  static final Path RESOURCES = Path.of("src", "main", "resources", "db");

  @Test
  void bothStoresHaveEveryVersion() throws IOException {
    assertThat(versions("postgresql"))
        .isEqualTo(versions("migration"))
        .contains("1", "10", "130", "131");
  }

  private static Set<String> versions(String folder) throws IOException {
    try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("V[0-9_.]+__.*\\.sql"))
          .map(n -> n.substring(1, n.indexOf("__")))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
