// The sendplan web API (docs/reference/api.md): JSON over HTTP with a session cookie, and the CSRF
// token sent as X-CSRF-Token on every POST/PUT/DELETE.

let csrfToken = null;
let onSignedOut = null;

export function setCsrfToken(token) {
  csrfToken = token || null;
}

// Called (once per failing request) when the server says the session is gone (401).
export function setSignedOutHandler(handler) {
  onSignedOut = handler;
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && typeof body === 'object' && body.message) || `HTTP ${status}`);
    this.status = status;
    this.code = body && typeof body === 'object' ? body.error : undefined;
    this.serverMessage = body && typeof body === 'object' ? body.message : undefined;
    this.problems = body && typeof body === 'object' && Array.isArray(body.problems) ? body.problems : [];
  }
}

// What went wrong, in words for the person using the page.
export function explain(error) {
  if (!(error instanceof ApiError)) {
    return 'The server could not be reached. Check your connection and try again.';
  }
  switch (error.code ?? '') {
    case 'unauthenticated':
      return 'You are signed out. Please sign in again.';
    case 'forbidden':
      return 'You do not have access to this. Borough officers can see their own borough only; regional analysts see regional figures only.';
    case 'csrf':
      return 'Your session could not be confirmed. Please sign out and sign in again.';
    case 'not_found':
      return error.serverMessage || 'This was not found. It may have been removed.';
    case 'too_large':
      return error.serverMessage || 'The file is too large: the limit is 20 MB.';
    case 'internal':
      return 'Something went wrong on the server. Please try again; if it keeps happening, tell your administrator.';
    default:
      return error.serverMessage || `The server answered with an error (HTTP ${error.status}).`;
  }
}

export const boroughPath = (borough) => `/api/boroughs/${encodeURIComponent(borough)}`;
export const planPath = (id) => `/api/plans/${encodeURIComponent(id)}`;
export const planFilePath = (id, name) => `${planPath(id)}/files/${encodeURIComponent(name)}`;

// api('GET', path) / api('POST', path, {json}) / api('PUT', path, {text, contentType}).
// Resolves to the parsed JSON (or text, or null for 204); rejects with ApiError.
export async function api(method, path, {json, text, contentType, signal} = {}) {
  const headers = {Accept: 'application/json'};
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (text !== undefined) {
    headers['Content-Type'] = contentType ?? 'text/csv';
    body = text;
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  const response = await fetch(path, {method, headers, body, credentials: 'same-origin', signal});
  let data = null;
  if (response.status !== 204) {
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) {
      data = await response.json().catch(() => null);
    } else {
      data = await response.text();
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && path !== '/api/login' && onSignedOut) onSignedOut();
    throw error;
  }
  return data;
}
