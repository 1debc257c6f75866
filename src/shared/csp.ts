/**
 * The Content-Security-Policy for every page of the app, in Electron and in the browser host:
 * nothing but the app's own scripts and styles; no remote content, no plugins, no framing.
 * `connect-src 'self'` lets the browser host reach its own /api; Electron uses IPC instead.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'"
].join('; ')
