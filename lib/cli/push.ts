// scan --push URL: sends the posture document to a hub's POST /api/fleet/ingest with the
// cluster's ingest token (KUBE_POSTURE_INGEST_TOKEN, or --push-token-file: a mounted Secret),
// never on the command line, where every process listing shows it. A network error, 429 or 5xx
// is retried with backoff; the hub stores a retried report once.
import type { PostureDocument } from '../posture/types';

export interface PushResult {
  ok: boolean;
  status: number | null;
  message: string;
}

export async function pushDocument(
  hub: string,
  token: string,
  doc: PostureDocument,
  opts: { attempts?: number; backoffMs?: number; fetch?: typeof fetch; allowHttp?: boolean } = {},
): Promise<PushResult> {
  let url: URL;
  try {
    url = new URL('/api/fleet/ingest', hub);
  } catch {
    return { ok: false, status: null, message: `--push needs the hub's URL, not ${hub}` };
  }
  if (url.protocol !== 'https:' && !opts.allowHttp && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
    return { ok: false, status: null, message: `refusing to send the ingest token over ${url.protocol} to ${url.host}: use https (KUBE_POSTURE_PUSH_ALLOW_HTTP=1 inside a trusted network)` };
  const body = JSON.stringify(doc); // one body for every attempt: the hub recognises a retry by it
  const attempts = opts.attempts ?? 4;
  let last: PushResult = { ok: false, status: null, message: 'not sent' };
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, (opts.backoffMs ?? 1000) * 2 ** (i - 1)));
    try {
      const res = await (opts.fetch ?? fetch)(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body });
      const text = (await res.text()).slice(0, 500);
      const message = (() => {
        try {
          const j = JSON.parse(text) as { error?: string; status?: string };
          return j.error ?? j.status ?? text;
        } catch {
          return text;
        }
      })();
      last = { ok: res.ok, status: res.status, message };
      if (res.ok || (res.status < 500 && res.status !== 429)) return last;
    } catch (e) {
      last = { ok: false, status: null, message: (e as Error).message };
    }
  }
  return last;
}
