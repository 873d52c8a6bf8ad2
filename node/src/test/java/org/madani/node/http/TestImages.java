package org.madani.node.http;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Images carrying the metadata a phone camera writes: a JPEG with an EXIF (APP1) segment naming a
 * GPS position, and a PNG with a text chunk. {@link #SECRET} must never come back from the node.
 */
final class TestImages {

  static final String SECRET = "GPSLatitude 36.2021N GPSLongitude 37.1343E";

  private TestImages() {}

  static BufferedImage picture(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(11, 93, 59));
    g.fillRect(0, 0, w, h);
    g.setColor(Color.WHITE);
    g.fillOval(w / 4, h / 4, w / 2, h / 2);
    g.dispose();
    return img;
  }

  /** A JPEG whose APP1 "Exif" segment (right after SOI) holds a TIFF header and the GPS text. */
  static byte[] jpegWithGps(int w, int h) throws IOException {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(picture(w, h), "jpeg", plain);
    byte[] jpeg = plain.toByteArray();
    ByteArrayOutputStream exif = new ByteArrayOutputStream();
    exif.write("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    exif.write(
        new byte[] {'M', 'M', 0, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0}); // TIFF header, empty IFD
    exif.write(SECRET.getBytes(StandardCharsets.US_ASCII));
    byte[] payload = exif.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    int len = payload.length + 2;
    out.write(len >> 8);
    out.write(len & 0xff);
    out.write(payload);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** A PNG with a tEXt chunk (before IEND) holding the GPS text. */
  static byte[] pngWithText(int w, int h) throws IOException {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(picture(w, h), "png", plain);
    byte[] png = plain.toByteArray();
    int iend = png.length - 12;
    byte[] data = ("Comment\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    chunk.write(
        new byte[] {
          (byte) (data.length >>> 24),
          (byte) (data.length >>> 16),
          (byte) (data.length >>> 8),
          (byte) data.length
        });
    byte[] typeAndData = new byte[4 + data.length];
    System.arraycopy("tEXt".getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
    System.arraycopy(data, 0, typeAndData, 4, data.length);
    chunk.write(typeAndData);
    CRC32 crc = new CRC32();
    crc.update(typeAndData);
    long c = crc.getValue();
    chunk.write(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, iend);
    out.write(chunk.toByteArray());
    out.write(png, iend, 12);
    return out.toByteArray();
  }

  static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
  }
}
