package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.sig.Base58;
import org.w3c.dom.Node;

/**
 * Resources on knowledge posts through a real node (issue 16 item 3): a phone photo's EXIF/GPS
 * segment and a PDF's author metadata do not survive the upload (read back with javax.imageio's
 * metadata reader and with Apache PDFBox); a file over the limit gets 413 and a disguised one 415,
 * both as problem+json; a resource is served with its type, Content-Disposition and nosniff, and an
 * article that attaches it federates it as an attachment whose digest matches the served bytes.
 */
class ResourceUploadIT {

  @TempDir static Path dir;
  static TestNode a;

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
  }

  @AfterAll
  static void stop() {
    if (a != null) a.close();
  }

  static HttpResponse<String> upload(byte[] body, String type) throws Exception {
    return a.send(
        a.request("/api/v1/organizations/alef/resources")
            .header("Authorization", "Bearer " + a.token())
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  static byte[] download(String url) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }

  /**
   * A phone-style JPEG: JFIF APP0, then an APP1 "Exif" segment with a TIFF header and the GPS text
   * (the order javax.imageio's metadata reader accepts).
   */
  static byte[] jpegWithExifAfterJfif(int w, int h) throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(TestImages.picture(w, h), "jpeg", plain);
    byte[] jpeg = plain.toByteArray();
    int app0End = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff)); // SOI + APP0 marker + length
    ByteArrayOutputStream exif = new ByteArrayOutputStream();
    exif.write("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    exif.write(new byte[] {'M', 'M', 0, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0});
    exif.write(TestImages.SECRET.getBytes(StandardCharsets.US_ASCII));
    byte[] payload = exif.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, app0End);
    out.write(0xFF);
    out.write(0xE1);
    out.write((payload.length + 2) >> 8);
    out.write((payload.length + 2) & 0xff);
    out.write(payload);
    out.write(jpeg, app0End, jpeg.length - app0End);
    return out.toByteArray();
  }

  /** The JPEG marker segments javax.imageio reports as APPn it does not interpret (APP1: EXIF). */
  static List<Integer> unknownMarkers(byte[] jpeg) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      ImageReader r = readers.next();
      r.setInput(in);
      IIOMetadata m = r.getImageMetadata(0);
      Node root = m.getAsTree("javax_imageio_jpeg_image_1.0");
      List<Integer> out = new ArrayList<>();
      collect(root, out);
      r.dispose();
      return out;
    }
  }

  private static void collect(Node n, List<Integer> out) {
    if ("unknown".equals(n.getNodeName()) && n.getAttributes().getNamedItem("MarkerTag") != null) {
      out.add(Integer.parseInt(n.getAttributes().getNamedItem("MarkerTag").getNodeValue()));
    }
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) collect(c, out);
  }

  static void assertProblem(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(TestNode.json(r).get("status").asInt()).isEqualTo(status);
  }

  @Test
  void photoLosesItsGpsSegment_andIsServedWithItsTypeAndNosniff() throws Exception {
    byte[] photo = jpegWithExifAfterJfif(64, 48);
    assertThat(unknownMarkers(photo)).as("the upload carries EXIF (APP1)").contains(0xE1);

    HttpResponse<String> r = upload(photo, "image/jpeg");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode stored = TestNode.json(r);
    assertThat(stored.get("mediaType").asText()).isEqualTo("image/jpeg");
    assertThat(stored.get("type").asText()).isEqualTo("Image");
    String url = stored.get("url").asText();
    assertThat(url).startsWith(a.base() + "/resources/alef/").endsWith(".jpg");

    HttpResponse<byte[]> served =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(served.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline;");
    assertThat(unknownMarkers(served.body())).as("no APPn segment survives").isEmpty();
    assertThat(TestImages.contains(served.body(), TestImages.SECRET)).isFalse();
    assertThat(TestImages.contains(served.body(), "Exif")).isFalse();
    assertThat(stored.get("size").asLong()).isEqualTo(served.body().length);
  }

  @Test
  void pdfLosesItsAuthorAndXmp_andDownloadsAsAnAttachment() throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      PDDocumentInformation info = new PDDocumentInformation();
      info.setAuthor("Fatima, Idlib office");
      info.setCreator("Phone scanner 3.1");
      doc.setDocumentInformation(info);
      PDMetadata xmp = new PDMetadata(doc);
      xmp.importXMPMetadata(
          "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">Fatima, Idlib office</dc:creator></x:xmpmeta>"
              .getBytes(StandardCharsets.UTF_8));
      doc.getDocumentCatalog().setMetadata(xmp);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      pdf = out.toByteArray();
    }
    HttpResponse<String> r = upload(pdf, "application/pdf");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String url = TestNode.json(r).get("url").asText();
    assertThat(url).endsWith(".pdf");
    HttpResponse<byte[]> served =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(served.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment;");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    try (PDDocument clean = Loader.loadPDF(served.body())) {
      assertThat(clean.getNumberOfPages()).isEqualTo(1);
      assertThat(clean.getDocumentInformation().getAuthor()).isNull();
      assertThat(clean.getDocumentInformation().getCreator()).isNull();
      assertThat(clean.getDocumentCatalog().getMetadata()).isNull();
    }
    assertThat(TestImages.contains(served.body(), "Idlib office")).isFalse();
  }

  @Test
  void oversizedGets413_andDisguisedGets415_nothingStored() throws Exception {
    List<String> before = storedFiles();
    byte[] big = new byte[4 * 1024 * 1024 + 10];
    big[0] = '%';
    big[1] = 'P';
    big[2] = 'D';
    big[3] = 'F';
    big[4] = '-';
    assertProblem(upload(big, "application/pdf"), 413);
    // an HTML page sent as a PNG, and a PNG sent as a JPEG: the content decides
    assertProblem(
        upload(
            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "image/png"),
        415);
    byte[] png = TestImages.pngWithText(8, 8);
    assertProblem(upload(png, "image/jpeg"), 415);
    assertProblem(upload("just text".getBytes(StandardCharsets.UTF_8), "text/plain"), 415);
    assertThat(storedFiles()).as("nothing refused was stored").isEqualTo(before);
  }

  static List<String> storedFiles() throws Exception {
    Path resources = dir.resolve("a").resolve("resources").resolve("alef");
    if (!java.nio.file.Files.exists(resources)) return List.of();
    try (var stored = java.nio.file.Files.list(resources)) {
      return stored.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void articleAttachingAResource_federatesItWithItsDigest() throws Exception {
    HttpResponse<String> up = upload(TestImages.pngWithText(16, 16), "image/png");
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    String url = TestNode.json(up).get("url").asText();
    String article =
        """
        {"kind":"article","title":{"ar":"دليل التوثيق","en":"Documentation guide"},
         "content":{"ar":"انظر المرفق.","en":"See the attachment."},
         "attachments":[{"url":"%s","name":{"ar":"مخطط","en":"Diagram"},"mediaType":"application/pdf","size":1}]}
        """
            .formatted(url);
    HttpResponse<String> created = a.api("POST", a.entriesPath(), article);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode e = TestNode.json(created);
    // the node, not the client, says what the resource is
    assertThat(e.at("/attachments/0/mediaType").asText()).isEqualTo("image/png");
    byte[] bytes = download(url);
    assertThat(e.at("/attachments/0/size").asLong()).isEqualTo(bytes.length);

    JsonNode object =
        TestNode.json(
            a.get(
                "/orgs/alef/entries/" + e.get("id").asText(),
                "Accept",
                "application/activity+json"));
    JsonNode att = object.at("/attachment/0");
    assertThat(att.get("type").asText()).isEqualTo("Image");
    assertThat(att.get("url").asText()).isEqualTo(url);
    assertThat(att.get("mediaType").asText()).isEqualTo("image/png");
    assertThat(att.at("/nameMap/en").asText()).isEqualTo("Diagram");
    byte[] multihash = Base58.decode(att.get("digestMultibase").asText().substring(1));
    byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
    assertThat(multihash[0]).isEqualTo((byte) 0x12);
    assertThat(java.util.Arrays.copyOfRange(multihash, 2, multihash.length)).isEqualTo(sha);
    String page = a.get("/orgs/alef/entries/" + e.get("id").asText() + "?lang=ar").body();
    assertThat(page).contains("المرفقات", "مخطط");

    // another node's (or another organization's) file cannot be attached
    HttpResponse<String> foreign =
        a.api("POST", a.entriesPath(), article.replace(url, "https://elsewhere.example/x.png"));
    assertProblem(foreign, 422);
    assertThat(foreign.body()).contains("/attachments/0/url");
  }
}
