// The admin API over the session cookie. Every state-changing call carries the session's CSRF
// token (X-CSRF-Token); the server refuses it otherwise, and refuses requests from other sites.

let csrfToken = null;
let onUnauthorized = () => {};

export function setCsrf(token) { csrfToken = token; }
export function csrf() { return csrfToken; }
export function whenUnauthorized(fn) { onUnauthorized = fn; }

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

export async function api(method, path, body, options = {}) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin', cache: 'no-store', redirect: 'error',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    if (response.status === 401 && !options.quiet401) onUnauthorized();
    throw new ApiError(response.status, data);
  }
  return { status: response.status, data, etag: response.headers.get('ETag') };
}

export const get = (path, options) => api('GET', path, undefined, options);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body, options) => api('PUT', path, body, options);
export const del = (path) => api('DELETE', path);

export function orgPath(handle, rest = '') {
  return '/api/v1/organizations/' + encodeURIComponent(handle) + rest;
}
