package org.madani.node.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.OrganizationRepository;

/** Reads and changes hosted organizations' profiles. Thread-safe. */
public final class ProfileService {

  static final List<String> SERVER_FIELDS = List.of("handle", "updated", "version");

  private final Database db;
  private final OrganizationRepository orgs;
  private final DocumentChecks checks;
  private final ContentEvents events;
  private final Clock clock;

  public ProfileService(
      Database db,
      OrganizationRepository orgs,
      DocumentChecks checks,
      ContentEvents events,
      Clock clock) {
    this.db = db;
    this.orgs = orgs;
    this.checks = checks;
    this.events = events;
    this.clock = clock;
  }

  public Future<List<Organization>> organizations() {
    return db.tx(orgs::listAll);
  }

  public Future<Organization> get(String handle) {
    return db.tx(
        c -> orgs.findByHandle(c, handle).orElseThrow(() -> EntryService.unknownOrg(handle)));
  }

  public Future<Organization> update(String handle, ObjectNode input, Integer expectedVersion) {
    Integer bodyVersion =
        input.hasNonNull("version") && input.get("version").canConvertToInt()
            ? input.get("version").asInt()
            : null;
    Integer expected = expectedVersion != null ? expectedVersion : bodyVersion;
    return db.tx(
            c -> {
              ObjectNode profile = validated(input);
              Organization before =
                  orgs.findByHandle(c, handle).orElseThrow(() -> EntryService.unknownOrg(handle));
              if (expected != null && expected != before.version()) {
                throw Problem.of(
                        409,
                        "version-conflict",
                        "Version conflict",
                        "The profile was changed meanwhile: it is at version "
                            + before.version()
                            + ".")
                    .with("currentVersion", before.version())
                    .exception();
              }
              var now = clock.instant();
              if (!orgs.update(c, before.id(), profile, before.version(), now)) {
                throw Problem.conflict(
                    "The profile was changed meanwhile; read it again and retry.");
              }
              Organization after =
                  new Organization(
                      before.id(), handle, profile, before.version() + 1, before.created(), now);
              events.profileUpdated(c, after);
              return after;
            })
        .onSuccess(o -> events.committed());
  }

  /** Validates a profile document and returns it without server-owned fields. */
  public ObjectNode validated(ObjectNode input) {
    ObjectNode profile = input.deepCopy();
    profile.remove(SERVER_FIELDS);
    List<Map<String, Object>> errors =
        new ArrayList<>(checks.violations("profile.schema.json", profile));
    errors.addAll(checks.taxonomyViolations(profile));
    if (!errors.isEmpty()) {
      throw Problem.unprocessable(FieldErrors.summary("profile", errors))
          .problem()
          .with("errors", errors)
          .exception();
    }
    return profile;
  }
}
