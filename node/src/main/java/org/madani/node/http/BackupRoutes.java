package org.madani.node.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.madani.node.backup.OnlineCopies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/backup}: a consistent copy of the running node's database (H2 {@code BACKUP
 * TO}, a zip), streamed to the admin. The H2 file is locked by the running node, so an online
 * backup has to go through it; the {@code backup} command is the client. Private keys never travel
 * this way: they are files the command reads from the data directory itself. Mounted after {@link
 * ApiRoutes}, whose authentication and audit cover it.
 */
public final class BackupRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(BackupRoutes.class);

  private final Vertx vertx;
  private final OnlineCopies copies;
  private final Path scratch;

  /**
   * @param scratch a directory of the node's own for the copy while it is sent (emptied first)
   */
  public BackupRoutes(Vertx vertx, OnlineCopies copies, Path scratch) {
    this.vertx = vertx;
    this.copies = copies;
    this.scratch = scratch;
  }

  public void mount(Router router) {
    router.post("/api/v1/backup").handler(this::send);
  }

  private void send(RoutingContext ctx) {
    if (!copies.supported()) {
      // The online backup is H2's BACKUP TO; a PostgreSQL database is the server's to back up.
      ctx.fail(
          org.madani.node.model.Problem.conflict(
              "This node keeps its data in PostgreSQL: back up the database with pg_dump (see the README)."));
      return;
    }
    Path zip = scratch.resolve("backup-" + UUID.randomUUID() + ".zip");
    vertx
        .executeBlocking(
            () -> {
              Files.createDirectories(scratch);
              return null;
            },
            false)
        .compose(v -> copies.copyTo(zip))
        .compose(
            file -> {
              // Removed once the response ends, however it ends (sent, or the client went away).
              ctx.addEndHandler(done -> delete(file));
              ctx.response().closeHandler(v -> delete(file));
              return ctx.response()
                  .setStatusCode(200)
                  .putHeader("Content-Type", "application/zip")
                  .putHeader("Cache-Control", "no-store")
                  .putHeader("Content-Disposition", "attachment; filename=\"madani-database.zip\"")
                  .sendFile(file.toString());
            })
        .onFailure(
            err -> {
              delete(zip);
              if (!ctx.response().headWritten()) {
                ctx.fail(err);
              } else {
                LOG.warn("backup: response cut short: {}", err.toString());
              }
            });
  }

  private Future<Void> delete(Path file) {
    return vertx
        .fileSystem()
        .exists(file.toString())
        .compose(
            there -> there ? vertx.fileSystem().delete(file.toString()) : Future.succeededFuture())
        .onFailure(
            err -> LOG.warn("backup: could not remove {}: {}", file.getFileName(), err.toString()));
  }
}
