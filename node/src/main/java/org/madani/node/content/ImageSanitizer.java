package org.madani.node.content;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.madani.node.model.Problem;

/**
 * Makes an uploaded image safe to publish: decodes it with the JDK's javax.imageio and encodes the
 * pixels afresh, so nothing but pixels survives — no EXIF (camera, GPS position, time), no XMP, no
 * PNG text chunks, no trailing data. A photo of an office taken on a phone carries its GPS
 * position; for a civil-society group that can name where people meet.
 *
 * <p>Only PNG and JPEG are accepted (what ImageIO decodes without plugins). The pixel count is read
 * from the header before decoding, so a small file that would expand to gigabytes (a decompression
 * bomb) is refused first. PNG stays PNG (keeps transparency); JPEG stays JPEG (as RGB).
 *
 * <p>Thread-safety: stateless; call from a worker thread (decoding is CPU and memory heavy).
 */
public final class ImageSanitizer {

  /** A clean image: its bytes, media type and file extension. */
  public record Clean(byte[] bytes, String mediaType, String extension, int width, int height) {}

  public static final int MAX_BYTES = 2 * 1024 * 1024;
  public static final int MAX_SIDE = 4096;

  public Clean sanitize(byte[] upload, String declaredType) {
    String type =
        declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    String format =
        switch (type) {
          case "image/png" -> "png";
          case "image/jpeg" -> "jpeg";
          default ->
              throw Problem.of(
                      415,
                      "unsupported-image-type",
                      "Unsupported image type",
                      "Send a PNG or JPEG image (Content-Type image/png or image/jpeg).")
                  .exception();
        };
    if (upload.length == 0 || upload.length > MAX_BYTES) {
      throw Problem.of(413, "image-too-large", "Image too large", "An image may be at most 2 MiB.")
          .exception();
    }
    BufferedImage decoded = decode(upload, format);
    BufferedImage pixels = format.equals("jpeg") ? rgb(decoded) : decoded;
    ByteArrayOutputStream out = new ByteArrayOutputStream(upload.length);
    try {
      if (!ImageIO.write(pixels, format, out)) throw new IOException("no writer for " + format);
    } catch (IOException e) {
      throw new IllegalStateException("re-encoding failed", e);
    }
    return new Clean(
        out.toByteArray(),
        type,
        format.equals("jpeg") ? "jpg" : "png",
        pixels.getWidth(),
        pixels.getHeight());
  }

  private static BufferedImage decode(byte[] upload, String format) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) throw unreadable();
      ImageReader reader = readers.next();
      try {
        String actual = reader.getFormatName().toLowerCase(Locale.ROOT);
        if (!(actual.equals(format) || actual.equals("jpg") && format.equals("jpeg")))
          throw unreadable();
        reader.setInput(in, true, true); // ignore metadata: it is never read, let alone kept
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) {
          throw Problem.of(
                  422,
                  "image-dimensions",
                  "Image too large",
                  "An image may be at most " + MAX_SIDE + " × " + MAX_SIDE + " pixels.")
              .exception();
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof org.madani.node.model.ProblemException) throw (RuntimeException) e;
      throw unreadable();
    }
  }

  private static BufferedImage rgb(BufferedImage in) {
    if (in.getType() == BufferedImage.TYPE_INT_RGB) return in;
    BufferedImage out =
        new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, in.getWidth(), in.getHeight());
      g.drawImage(in, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static RuntimeException unreadable() {
    return Problem.of(
            422,
            "unreadable-image",
            "Unreadable image",
            "The file is not a PNG or JPEG image this node can read.")
        .exception();
  }
}
