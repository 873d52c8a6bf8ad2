/**
 * An organization's own content: profile and entries. Validates against protocol-spec schemas and
 * taxonomies; stores through {@code store}; reports changes to {@link
 * org.madani.node.content.ContentEvents} inside the same transaction.
 */
package org.madani.node.content;
