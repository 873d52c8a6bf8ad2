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
