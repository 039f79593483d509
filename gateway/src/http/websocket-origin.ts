/** A Host header as browsers send it: a name or an IPv4 address, or a bracketed IPv6 address, and an optional port. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Whether a WebSocket handshake may go on, judged by its Origin (API.md, "WebSocket"). Browsers send Origin on
 * every WebSocket handshake and pages cannot forge it, so a page on another site is refused: that stops any
 * web page a visitor opens from using the visitor's network position (cross-site WebSocket hijacking). No
 * Origin means no browser (a server, a CLI), which is let through: it gains nothing a plain HTTP call would not.
 * Allowed: the gateway's own host as the request's Host header names it (in the Origin's scheme, so default
 * ports compare equal), or an origin listed in CORS_ORIGINS. An opaque origin ("null") or one that does not
 * parse is refused.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (!URL.canParse(origin)) return false;
  const parsed = new URL(origin);
  if (parsed.origin === 'null') return false;
  if (allowedOrigins.includes(parsed.origin)) return true;
  if (host === undefined || !HOST.test(host)) return false;
  return new URL(`${parsed.protocol}//${host}`).host === parsed.host;
}
