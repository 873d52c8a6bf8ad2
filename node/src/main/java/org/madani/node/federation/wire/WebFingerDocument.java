package org.madani.node.federation.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/**
 * A WebFinger answer (RFC 7033 JRD; webfinger.schema.json) for a hosted organization: its account
 * URI, its actor id as alias, and the links other software reads.
 */
public record WebFingerDocument(String subject, List<String> aliases, List<Link> links) {

  public WebFingerDocument {
    aliases = List.copyOf(aliases);
    links = List.copyOf(links);
  }

  /** One JRD link: either {@code href} (with its media {@code type}) or a URI {@code template}. */
  @JsonInclude(Include.NON_NULL)
  public record Link(String rel, String type, String href, String template) {

    public static Link to(String rel, String type, String href) {
      return new Link(rel, type, href, null);
    }

    public static Link template(String rel, String template) {
      return new Link(rel, null, null, template);
    }
  }
}
