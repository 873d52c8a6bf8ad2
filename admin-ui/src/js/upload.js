// Uploads to the node: the file goes as it is, the node checks its type by content, strips its
// metadata (EXIF, GPS; a PDF's Info and XMP) and answers with what it stored.
import { orgPath, csrf } from './api.js';
import { ApiError } from './api.js';

/** POSTs {@code file} to one of the organization's upload routes; resolves to the node's answer. */
async function send(app, route, types, file) {
  if (!types.includes(file.type)) throw new Error(types.map(t => t.replace(/^.*\//, '').toUpperCase()).join(' / '));
  const headers = { 'Content-Type': file.type, 'Accept': 'application/json' };
  if (csrf()) headers['X-CSRF-Token'] = csrf();
  const response = await fetch(orgPath(app.org.handle, route), {
    method: 'POST', headers, body: file, credentials: 'same-origin', cache: 'no-store', redirect: 'error',
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

// Images (logo, entry image): resolves to the URL the node serves the clean image at.
export function uploader(app) {
  return async (file) => (await send(app, '/media', ['image/png', 'image/jpeg'], file)).url;
}

// Resources of a knowledge post (PNG, JPEG or PDF): resolves to the stored file's URL, type, size
// and digest.
export function resourceUploader(app) {
  return (file) => send(app, '/resources', ['image/png', 'image/jpeg', 'application/pdf'], file);
}
