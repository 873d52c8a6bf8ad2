package org.madani.node.collab.resource;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.madani.node.content.ImageSanitizer;
import org.madani.node.federation.sig.Base58;
import org.madani.node.model.Attachment;
import org.madani.node.model.Problem;
import org.madani.node.store.MediaStore;

/**
 * Resources an organization attaches to its knowledge posts: a PNG or JPEG image or a PDF, at most
 * {@link #MAX_BYTES}. The type is what the bytes are ({@link ContentSniffer}); a declared type that
 * says otherwise is refused as a disguise (415). Images are re-encoded ({@link ImageSanitizer}),
 * PDFs saved again without metadata ({@link PdfSanitizer}); only the clean bytes are stored, under
 * the SHA-256 of those bytes, so a resource's URL names its content and its digest. Blocking: call
 * from a worker thread. Thread-safe.
 */
public final class Resources implements org.madani.node.content.Attachments {

  /** The largest resource accepted (an image is also held to ImageSanitizer's own limit). */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private final ContentSniffer sniffer = new ContentSniffer();
  private final ImageSanitizer images;
  private final PdfSanitizer pdfs;
  private final MediaStore store;
  private final String root;
  private final Pattern ownUrl;

  /**
   * @param root this node's base URL; resources are served at {@code <root>/resources/<handle>/}
   */
  public Resources(ImageSanitizer images, PdfSanitizer pdfs, MediaStore store, String root) {
    this.images = images;
    this.pdfs = pdfs;
    this.store = store;
    this.root = root;
    this.ownUrl =
        Pattern.compile(
            Pattern.quote(root)
                + "/resources/([a-z0-9][a-z0-9_-]{1,30})/([0-9a-f]{64}\\.(png|jpg|pdf))");
  }

  /** Checks, cleans and stores an upload; what it became. */
  public Attachment store(String handle, byte[] upload, String declaredType) {
    if (upload.length > MAX_BYTES) {
      throw Problem.of(
              413,
              "resource-too-large",
              "Resource too large",
              "A resource may be at most " + (MAX_BYTES / (1024 * 1024)) + " MiB.")
          .exception();
    }
    String type =
        sniffer
            .sniff(upload)
            .orElseThrow(
                () ->
                    Problem.of(
                            415,
                            "unsupported-resource-type",
                            "Unsupported resource type",
                            "A resource is a PNG or JPEG image or a PDF document.")
                        .exception());
    String declared =
        declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!declared.equals(type) && !declared.equals("application/octet-stream")) {
      throw Problem.of(
              415,
              "disguised-resource",
              "Type does not match the content",
              "The file was sent as '" + declared + "' but its content is " + type + ".")
          .exception();
    }
    byte[] clean;
    String extension;
    if (type.equals("application/pdf")) {
      clean = pdfs.sanitize(upload);
      extension = "pdf";
    } else {
      ImageSanitizer.Clean image = images.sanitize(upload, type);
      clean = image.bytes();
      extension = image.extension();
    }
    String name = store.put(handle, clean, extension);
    return describe(handle, name, clean.length);
  }

  /** The bytes and media type of a stored resource, for serving. */
  public Optional<byte[]> bytes(String handle, String name) {
    return store.get(handle, name);
  }

  /** The media type a stored name stands for. */
  public static String mediaType(String name) {
    if (name.endsWith(".png")) return "image/png";
    if (name.endsWith(".jpg")) return "image/jpeg";
    return "application/pdf";
  }

  /**
   * The resource at {@code url} when it is one of {@code handle}'s own stored on this node; empty
   * for anything else (another organization's, another node's, or none).
   */
  @Override
  public Optional<Attachment> own(String handle, String url) {
    if (url == null) return Optional.empty();
    Matcher m = ownUrl.matcher(url);
    if (!m.matches() || !m.group(1).equals(handle)) return Optional.empty();
    return store.size(handle, m.group(2)).map(size -> describe(handle, m.group(2), size));
  }

  private Attachment describe(String handle, String name, long size) {
    byte[] sha = HexFormat.of().parseHex(name.substring(0, 64));
    byte[] multihash = new byte[2 + sha.length];
    multihash[0] = 0x12; // sha2-256
    multihash[1] = 0x20; // 32 bytes
    System.arraycopy(sha, 0, multihash, 2, sha.length);
    return new Attachment(
        root + "/resources/" + handle + "/" + name,
        mediaType(name),
        size,
        "z" + Base58.encode(multihash));
  }
}
