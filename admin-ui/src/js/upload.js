// Image uploads (logo, entry image): the file goes to the node as it is; the node re-encodes it
// without metadata (EXIF, GPS) and answers with the URL it serves the clean image at.
import { orgPath, csrf } from './api.js';
import { ApiError } from './api.js';

export function uploader(app) {
  return async (file) => {
    if (!['image/png', 'image/jpeg'].includes(file.type)) throw new Error('PNG / JPEG');
    const headers = { 'Content-Type': file.type, 'Accept': 'application/json' };
    if (csrf()) headers['X-CSRF-Token'] = csrf();
    const response = await fetch(orgPath(app.org.handle, '/media'), {
      method: 'POST', headers, body: file, credentials: 'same-origin', cache: 'no-store', redirect: 'error',
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    return data.url;
  };
}

// Resources of a knowledge post (PNG, JPEG or PDF): the node checks the type by content, strips
// metadata and answers with the stored file's URL, type, size and digest.
export function resourceUploader(app) {
  return async (file) => {
    if (!['image/png', 'image/jpeg', 'application/pdf'].includes(file.type)) throw new Error('PNG / JPEG / PDF');
    const headers = { 'Content-Type': file.type, 'Accept': 'application/json' };
    if (csrf()) headers['X-CSRF-Token'] = csrf();
    const response = await fetch(orgPath(app.org.handle, '/resources'), {
      method: 'POST', headers, body: file, credentials: 'same-origin', cache: 'no-store', redirect: 'error',
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  };
}
