package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 file encryption as an option: with a passphrase, nothing readable is in the file, and it opens
 * only with it.
 */
class DatabaseEncryptionTest {

  @TempDir Path tmp;

  static void write(Database db, String marker) throws Exception {
    db.txBlocking(
        c -> {
          c.createStatement()
              .execute(
                  "INSERT INTO organization(handle, profile, created, updated) VALUES ('sawa', '"
                      + marker
                      + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
          return null;
        });
  }

  static String fileText(Path base) throws Exception {
    return new String(
        Files.readAllBytes(base.resolveSibling(base.getFileName() + ".mv.db")),
        StandardCharsets.ISO_8859_1);
  }

  @Test
  void withAPassphrase_theFileHoldsNothingReadable_andOpensOnlyWithIt() throws Exception {
    String marker = "UNMISTAKABLE-MARKER-" + System.nanoTime();
    Path enc = tmp.resolve("enc");
    try (Database db = Database.open(null, enc, "s3cret passphrase".toCharArray())) {
      write(db, marker);
    }
    assertThat(fileText(enc)).doesNotContain(marker).doesNotContain("CREATE TABLE");
    assertThatThrownBy(() -> Database.open(null, enc)).isInstanceOf(Exception.class);
    assertThatThrownBy(() -> Database.open(null, enc, "wrong".toCharArray()))
        .isInstanceOf(Exception.class);
    try (Database db = Database.open(null, enc, "s3cret passphrase".toCharArray())) {
      String stored =
          db.txBlocking(
              c -> {
                var rs = c.createStatement().executeQuery("SELECT profile FROM organization");
                rs.next();
                return rs.getString(1);
              });
      assertThat(stored).isEqualTo(marker);
    }
    // and without a passphrase, as before: a plain file (the control for the check above)
    Path plain = tmp.resolve("plain");
    try (Database db = Database.open(null, plain)) {
      write(db, marker);
    }
    assertThat(fileText(plain)).contains(marker);
  }
}
