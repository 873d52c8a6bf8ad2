package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madani.node.store.StoreFixture.JSON;
import static org.madani.node.store.StoreFixture.NOW;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.model.Organization;

/** Hosted organizations on a real H2 file: unique handles, versioned profile updates. */
class OrganizationRepositoryTest {

  @TempDir Path dir;
  StoreFixture store;
  OrganizationRepository orgs = new OrganizationRepository(JSON);

  @BeforeEach
  void open() {
    store = new StoreFixture(dir);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aProfileIsStoredAndFoundByHandleAndId() throws Exception {
    Organization made = store.org("salam");

    Organization found = store.tx(c -> orgs.findByHandle(c, "salam")).orElseThrow();
    assertThat(found).isEqualTo(made);
    assertThat(found.profile().at("/name/en").asText()).isEqualTo("salam");
    assertThat(store.<java.util.Optional<Organization>>tx(c -> orgs.findById(c, made.id())))
        .contains(made);
    assertThat(store.<java.util.Optional<Organization>>tx(c -> orgs.findByHandle(c, "other")))
        .isEmpty();
    assertThat(store.<List<Organization>>tx(orgs::listAll)).containsExactly(made);
  }

  @Test
  void aHandleIsTakenOnce() throws Exception {
    store.org("salam");
    assertThatThrownBy(() -> store.org("salam")).isInstanceOf(SQLException.class);
    assertThat(store.<List<Organization>>tx(orgs::listAll)).hasSize(1);
  }

  @Test
  void anUpdateNeedsTheVersionItWasBasedOn() throws Exception {
    Organization made = store.org("salam");
    ObjectNode changed = made.profile().deepCopy();
    changed.putObject("name").put("ar", "سلام");

    assertThat(store.<Boolean>tx(c -> orgs.update(c, made.id(), changed, 1, NOW.plusSeconds(60))))
        .isTrue();
    assertThat(
            store.<Boolean>tx(
                c -> orgs.update(c, made.id(), made.profile(), 1, NOW.plusSeconds(61))))
        .isFalse();

    Organization now = store.tx(c -> orgs.findById(c, made.id())).orElseThrow();
    assertThat(now.version()).isEqualTo(2);
    assertThat(now.updated()).isEqualTo(NOW.plusSeconds(60));
    assertThat(now.profile().at("/name/ar").asText()).isEqualTo("سلام");
  }
}
