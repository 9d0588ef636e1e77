// A cached page cannot carry a per-request nonce: every viewer of the entry would get the same
// one. Its Content-Security-Policy names its inline scripts by hash instead, and only those
// the render itself emitted: the render ran under a fresh nonce that no cluster object could
// know, so a script tag carrying that nonce is Next.js's or React's own, and one without it
// (markup that slipped past escaping) is neither hashed nor run. External scripts are allowed
// from this origin ('self'), which serves only its own bundles and, with nosniff, no JSON or
// HTML as script. The nonce attributes are removed from the cached copy.
import { createHash } from 'node:crypto';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

/** The page with its scripts allowed by hash, or null when its CSP has no nonce to go by. */
export function hashedPage(html: string, csp: string): { html: string; csp: string; nonce: string } | null {
  const nonceSource = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp);
  if (!nonceSource) return null;
  const nonce = nonceSource[1]!;
  const attr = ` nonce="${nonce}"`;
  const hashes = new Set<string>();
  for (const [, attrs, body] of html.matchAll(SCRIPT)) {
    if (!attrs!.includes(attr) || /\ssrc\s*=/.test(attrs!)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`);
  }
  const sources = [...hashes].join(' ');
  const scriptSrc = /script-src [^;]*/.exec(csp)?.[0];
  if (!scriptSrc) return null;
  // 'strict-dynamic' would ignore 'self' and block the page's own <script src> tags, which carry no nonce now.
  const rewritten = scriptSrc.replace(` 'nonce-${nonce}'`, sources ? ` ${sources}` : '').replace(" 'strict-dynamic'", '');
  return { html: html.split(attr).join(''), csp: csp.replace(scriptSrc, rewritten), nonce };
}
