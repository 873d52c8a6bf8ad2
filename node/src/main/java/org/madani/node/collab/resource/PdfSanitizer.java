package org.madani.node.collab.resource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.madani.node.model.Problem;

/**
 * Saves a PDF again without what identifies its author and tools: the trailer's Info dictionary
 * (Author, Creator, Producer, dates), the catalog's XMP metadata stream and each page's own XMP
 * metadata. Encrypted PDFs are refused (they cannot be cleaned without the password). Apache PDFBox
 * parses and writes the file. Stateless; call from a worker thread.
 */
public final class PdfSanitizer {

  public byte[] sanitize(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      if (doc.isEncrypted()) {
        throw Problem.of(
                415,
                "encrypted-pdf",
                "Encrypted PDF",
                "An encrypted PDF cannot be cleaned of its metadata; send it unencrypted.")
            .exception();
      }
      doc.getDocument().getTrailer().removeItem(COSName.INFO);
      doc.getDocumentCatalog().getCOSObject().removeItem(COSName.METADATA);
      for (PDPage page : doc.getPages()) page.getCOSObject().removeItem(COSName.METADATA);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw Problem.of(
              415,
              "unreadable-pdf",
              "Unreadable PDF",
              "The file starts like a PDF but could not be read as one.")
          .exception();
    }
  }
}
