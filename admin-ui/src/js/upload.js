// Image uploads (logo, entry image). Returns null while the node has no upload API, so the
// editors show only the image URL field.
export function uploader() {
  return null;
}
