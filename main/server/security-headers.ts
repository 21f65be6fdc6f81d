/**
 * Response headers for the kiosk UI. The page may load only its own files and talk only to
 * its own bridge; it cannot be framed, cannot change its base URL, embeds no plugins, and the
 * browser never second-guesses a content type.
 */
export function uiContentSecurityPolicy(origin: string): string {
  const ws = origin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    `connect-src 'self' ${ws}`,
    "img-src 'self' data:",
    // Preact sets style attributes (progress bars, positions): inline style only, never script.
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function uiHeaders(origin: string, file: { type: string; isEntryPage: boolean }): Record<string, string> {
  return {
    'content-type': file.type,
    // The entry page is opened with the launch token in its URL: never keep it in any cache.
    'cache-control': file.isEntryPage ? 'no-store' : 'no-cache',
    'content-security-policy': uiContentSecurityPolicy(origin),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}
