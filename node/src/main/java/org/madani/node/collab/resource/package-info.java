/**
 * Resources on knowledge posts (issue 16 item 3): documents and images an organization attaches to
 * what it publishes, checked by their bytes (never by a file name or a declared type), limited in
 * size, and stripped of metadata before anyone else can fetch them: images are decoded and encoded
 * afresh (no EXIF, GPS, XMP), PDFs saved again without their Info dictionary and XMP metadata.
 */
package org.madani.node.collab.resource;
