package org.madani.node.collab.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

  final ContentSniffer sniffer = new ContentSniffer();

  @Test
  void knowsTheThreeSignatures() {
    assertThat(sniffer.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
        .hasValue("image/png");
    assertThat(sniffer.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}))
        .hasValue("image/jpeg");
    assertThat(sniffer.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
        .hasValue("application/pdf");
  }

  @Test
  void anythingElseIsUnknown_whateverItClaimsToBe() {
    assertThat(sniffer.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(sniffer.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(sniffer.sniff(new byte[] {(byte) 0x89, 'P', 'N'})).isEmpty();
    assertThat(sniffer.sniff(new byte[0])).isEmpty();
    assertThat(sniffer.sniff(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }
}
