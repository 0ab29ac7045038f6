import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The Content-Security-Policy for the API and the React SPA. Scripts only from our origin (Vite
 * emits no inline scripts); styles also allow inline `style` attributes because charting code
 * (Observable Plot, d3) writes them, and a style attribute cannot run script. No framing by anyone
 * (`frame-ancestors 'none'`, CSP Level 3 §6.4.2), no plugins, no base-URI or form hijacking.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Sets the security headers on a reply, and HSTS (RFC 6797) only when the app runs behind TLS
 * (`secure`), since HSTS over plain HTTP is ignored or harmful.
 *
 * @example setSecurityHeaders(reply, config.secureCookies)
 */
export function setSecurityHeaders(reply: FastifyReply, secure: boolean): void {
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  if (secure) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
}

/**
 * An onSend hook adding the security headers to every response.
 *
 * @example app.addHook('onSend', createSecurityHeadersHook(config.secureCookies))
 */
export function createSecurityHeadersHook(secure: boolean) {
  return async function addSecurityHeaders(
    _request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
  ): Promise<unknown> {
    setSecurityHeaders(reply, secure);
    return payload;
  };
}
