package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * Image upload on a real node: the metadata a camera writes (EXIF GPS in a JPEG, a text chunk in a
 * PNG) is gone from what the node stores and serves; wrong types, oversized files, huge dimensions
 * and garbage are refused with problems; nothing uploads without a token.
 */
class MediaUploadIT {

  @TempDir static Path dir;
  static TestNode node;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(dir.resolve("n"), "alef", false);
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  static HttpResponse<String> upload(byte[] body, String type, boolean withToken) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(node.base().resolve("/api/v1/organizations/alef/media"))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (withToken) b.header("Authorization", "Bearer " + node.token());
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static byte[] fetch(String url) throws Exception {
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    return r.body();
  }

  @Test
  void jpegWithGps_isServedWithoutIt() throws Exception {
    byte[] jpeg = TestImages.jpegWithGps(64, 48);
    assertThat(TestImages.contains(jpeg, TestImages.SECRET))
        .as("the test image does carry it")
        .isTrue();
    HttpResponse<String> r = upload(jpeg, "image/jpeg", true);
    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode out = TestNode.json(r);
    assertThat(out.get("url").asText()).startsWith(node.base() + "/media/alef/").endsWith(".jpg");
    byte[] served = fetch(out.get("url").asText());
    assertThat(TestImages.contains(served, TestImages.SECRET)).isFalse();
    assertThat(TestImages.contains(served, "Exif")).isFalse();
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(served));
    assertThat(img.getWidth()).isEqualTo(64);
    assertThat(img.getHeight()).isEqualTo(48);
  }

  @Test
  void pngWithTextChunk_isServedWithoutIt() throws Exception {
    byte[] png = TestImages.pngWithText(20, 10);
    assertThat(TestImages.contains(png, TestImages.SECRET)).isTrue();
    HttpResponse<String> r = upload(png, "image/png", true);
    assertThat(r.statusCode()).isEqualTo(201);
    byte[] served = fetch(TestNode.json(r).get("url").asText());
    assertThat(TestImages.contains(served, TestImages.SECRET)).isFalse();
    assertThat(TestImages.contains(served, "tEXt")).isFalse();
  }

  @Test
  void wrongType_tooLarge_hugeDimensions_garbage_andNoToken_areRefused() throws Exception {
    assertThat(upload("GIF89a".getBytes(), "image/gif", true).statusCode()).isEqualTo(415);
    assertThat(upload(new byte[3 * 1024 * 1024], "image/png", true).statusCode()).isEqualTo(413);
    assertThat(upload("not an image".getBytes(), "image/png", true).statusCode()).isEqualTo(422);
    // a PNG declared as JPEG is refused too
    assertThat(upload(TestImages.pngWithText(4, 4), "image/jpeg", true).statusCode())
        .isEqualTo(422);
    java.io.ByteArrayOutputStream big = new java.io.ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(5000, 10, BufferedImage.TYPE_BYTE_BINARY), "png", big);
    HttpResponse<String> huge = upload(big.toByteArray(), "image/png", true);
    assertThat(huge.statusCode()).isEqualTo(422);
    assertThat(huge.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(upload(TestImages.jpegWithGps(8, 8), "image/jpeg", false).statusCode())
        .isEqualTo(401);
    assertThat(node.get("/media/alef/../../node.json").statusCode()).isEqualTo(404);
  }
}
