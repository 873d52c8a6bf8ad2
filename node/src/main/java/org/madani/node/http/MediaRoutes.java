package org.madani.node.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.collab.resource.Resources;
import org.madani.node.content.ImageSanitizer;
import org.madani.node.directory.DirectoryService;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Attachment;
import org.madani.node.store.MediaStore;

/**
 * Images for logos and entries. {@code POST /api/v1/organizations/{handle}/media} (admin; body =
 * the image, Content-Type image/png or image/jpeg, at most 2 MiB) cleans the image (re-encoded, all
 * metadata such as EXIF GPS dropped: {@link ImageSanitizer}) and answers 201 with its public URL;
 * {@code GET /media/{handle}/{name}} serves it from this node, so pages never load images from
 * elsewhere. Decoding and file I/O run on worker threads.
 *
 * <p>Resources for knowledge posts (issue 16 item 3) go the same way: {@code POST
 * /api/v1/organizations/{handle}/resources} (PNG, JPEG or PDF by content, at most {@link
 * Resources#MAX_BYTES}; 413 above, 415 for any other or disguised type) answers 201 with the
 * attachment ({@code url}, {@code mediaType}, {@code size}, {@code digestMultibase}); {@code GET
 * /resources/{handle}/{name}} serves it with its type, {@code Content-Disposition} and {@code
 * nosniff}.
 */
public final class MediaRoutes {

  private final Vertx vertx;
  private final ImageSanitizer sanitizer;
  private final MediaStore store;
  private final DirectoryService directory;
  private final JsonCodec json;
  private final String root;
  private final Resources resources;

  public MediaRoutes(
      Vertx vertx,
      ImageSanitizer sanitizer,
      MediaStore store,
      DirectoryService directory,
      JsonCodec json,
      String root,
      Resources resources) {
    this.resources = resources;
    this.vertx = vertx;
    this.sanitizer = sanitizer;
    this.store = store;
    this.directory = directory;
    this.json = json;
    this.root = root;
  }

  /**
   * Before the API's own body handler (whose limit is for JSON): the upload route reads up to the
   * image limit plus a little, and ImageSanitizer refuses anything over the limit itself.
   */
  public void mountBody(Router router) {
    router
        .post("/api/v1/organizations/:handle/media")
        .handler(
            io.vertx.ext.web.handler.BodyHandler.create(false)
                .setBodyLimit(ImageSanitizer.MAX_BYTES + 1));
    // Bodies over the limit are cut off by the handler with 413 (problem+json by ProblemHandler).
    router
        .post("/api/v1/organizations/:handle/resources")
        .handler(
            io.vertx.ext.web.handler.BodyHandler.create(false)
                .setBodyLimit(Resources.MAX_BYTES + 1));
  }

  /** Mounted after the admin API's authentication and audit trail. */
  public void mountAdmin(Router router) {
    router.post("/api/v1/organizations/:handle/media").handler(this::upload);
    router.post("/api/v1/organizations/:handle/resources").handler(this::uploadResource);
  }

  public void mount(Router router) {
    router.get("/media/:handle/:name").handler(this::serve);
    router.get("/resources/:handle/:name").handler(this::serveResource);
  }

  /** ApiRoutes lets these routes (alone) send a body that is not JSON. */
  static boolean isUpload(String path) {
    return path.matches("/api/v1/organizations/[^/]+/(media|resources)");
  }

  private void uploadResource(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    String type = ctx.request().getHeader("Content-Type");
    directory
        .hostedOrganization(handle)
        .compose(id -> vertx.executeBlocking(() -> resources.store(handle, body, type), false))
        .onSuccess(
            (Attachment a) -> {
              var out = json.mapper().createObjectNode();
              out.put("url", a.url());
              out.put("type", a.asType());
              out.put("mediaType", a.mediaType());
              out.put("size", a.size());
              out.put("digestMultibase", a.digestMultibase());
              ctx.response()
                  .setStatusCode(201)
                  .putHeader("Content-Type", "application/json; charset=utf-8")
                  .putHeader("Location", a.url())
                  .end(Buffer.buffer(json.write(out)));
            })
        .onFailure(ctx::fail);
  }

  private void serveResource(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    String name = ctx.pathParam("name");
    vertx
        .executeBlocking(() -> resources.bytes(handle, name), false)
        .onSuccess(
            bytes -> {
              if (bytes.isEmpty()) {
                ctx.next();
                return;
              }
              String type = Resources.mediaType(name);
              // A document is downloaded, never shown inside this node's pages; an image may be.
              String disposition = type.startsWith("image/") ? "inline" : "attachment";
              ctx.response()
                  .putHeader("Content-Type", type)
                  .putHeader("Content-Disposition", disposition + "; filename=\"" + name + "\"")
                  .putHeader("X-Content-Type-Options", "nosniff")
                  .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
                  .putHeader("Cache-Control", "public, max-age=31536000, immutable")
                  .end(Buffer.buffer(bytes.get()));
            })
        .onFailure(ctx::fail);
  }

  private void upload(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    String type = ctx.request().getHeader("Content-Type");
    directory
        .hostedOrganization(handle)
        .compose(
            id ->
                vertx.executeBlocking(
                    () -> {
                      ImageSanitizer.Clean clean = sanitizer.sanitize(body, type);
                      String name = store.put(handle, clean.bytes(), clean.extension());
                      var out = json.mapper().createObjectNode();
                      out.put("url", root + "/media/" + handle + "/" + name);
                      out.put("mediaType", clean.mediaType());
                      out.put("width", clean.width());
                      out.put("height", clean.height());
                      out.put("bytes", clean.bytes().length);
                      return out;
                    },
                    false))
        .onSuccess(
            out ->
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Location", out.get("url").asText())
                    .end(Buffer.buffer(json.write(out))))
        .onFailure(ctx::fail);
  }

  private void serve(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    String name = ctx.pathParam("name");
    vertx
        .executeBlocking(() -> store.get(handle, name), false)
        .onSuccess(
            bytes -> {
              if (bytes.isEmpty()) {
                ctx.next();
                return;
              }
              ctx.response()
                  .putHeader("Content-Type", name.endsWith(".png") ? "image/png" : "image/jpeg")
                  .putHeader("X-Content-Type-Options", "nosniff")
                  .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
                  // Content-addressed names never change their bytes.
                  .putHeader("Cache-Control", "public, max-age=31536000, immutable")
                  .end(Buffer.buffer(bytes.get()));
            })
        .onFailure(ctx::fail);
  }
}
