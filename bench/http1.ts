// One keep-alive HTTP/1.1 connection for the bench's viewers (load.ts): a request is sent as
// prepared bytes and its answer read to the end (Content-Length, chunked, or until close) and
// counted, never decoded. Answers are awaited one at a time (no pipelining), as a browser does.
import net from 'node:net';

export type Exchange = { bytes: number } & (
  | { kind: 'answer'; status: number; keepAlive: boolean }
  | { kind: 'timeout' }
  /** closedQuietly: the server closed the connection before a byte of the answer (an idle close). */
  | { kind: 'error'; message: string; reused: boolean; answered: boolean; closedQuietly: boolean }
);

export interface Connection {
  send(request: Buffer, timeoutMs: number, head?: boolean): Promise<Exchange>;
  close(): void;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

export function openConnection(target: URL): Connection {
  const socket = net.connect({ host: target.hostname, port: Number(target.port || 80), noDelay: true });
  let used = false;
  let failure: Error | null = null;
  let closed = false;
  let onData: ((c: Buffer) => void) | null = null;
  let onEnd: ((e: Error | null) => void) | null = null;
  socket.on('data', (c: Buffer) => onData?.(c));
  socket.on('error', (e) => {
    failure = e;
    onEnd?.(e);
  });
  socket.on('close', () => {
    closed = true;
    onEnd?.(failure);
  });
  return {
    close: () => void socket.destroy(),
    send(request, timeoutMs, head = false) {
      const reused = used;
      used = true;
      return new Promise<Exchange>((resolve) => {
        const reader = new AnswerReader(head);
        const finish = (x: Exchange) => {
          clearTimeout(timer);
          onData = onEnd = null;
          resolve(x);
        };
        const timer = setTimeout(() => {
          socket.destroy();
          finish({ kind: 'timeout', bytes: reader.bodyBytes });
        }, timeoutMs);
        const fail = (message: string, closedQuietly = false) =>
          finish({ kind: 'error', message, reused, answered: reader.status !== 0, closedQuietly: closedQuietly && reader.received === 0, bytes: reader.bodyBytes });
        onData = (c) => {
          const done = reader.push(c);
          if (done === 'bad') fail('unreadable answer');
          else if (done) finish({ kind: 'answer', status: reader.status, keepAlive: reader.keepAlive, bytes: reader.bodyBytes });
        };
        onEnd = (e) => {
          if (reader.untilClose && !e) return finish({ kind: 'answer', status: reader.status, keepAlive: false, bytes: reader.bodyBytes });
          fail(e ? (e as NodeJS.ErrnoException).code ?? e.message : reader.status ? 'body cut short' : 'socket hang up', !e || (e as NodeJS.ErrnoException).code === 'ECONNRESET');
        };
        if (closed || failure) return onEnd(failure);
        socket.write(request);
      });
    },
  };
}

/** Reads one answer from the bytes as they come; push() says when it is complete. */
export class AnswerReader {
  status = 0;
  keepAlive = true;
  untilClose = false;
  received = 0;
  bodyBytes = 0;
  private head: Buffer | null = Buffer.alloc(0);
  private mode: 'length' | 'chunked' | 'close' | 'none' = 'none';
  private remaining = 0;
  /** chunked: the size line or trailer line being read, or the CRLF after a chunk. */
  private chunkState: 'size' | 'data' | 'crlf' | 'trailer' = 'size';
  private line = '';

  constructor(private readonly noBody = false) {}

  push(c: Buffer): boolean | 'bad' {
    this.received += c.length;
    if (this.head) {
      const all = this.head.length ? Buffer.concat([this.head, c]) : c;
      const at = all.indexOf(CRLFCRLF);
      if (at < 0) {
        this.head = all;
        return false;
      }
      const text = all.subarray(0, at).toString('latin1');
      this.head = null;
      if (!this.readHead(text)) return 'bad';
      c = all.subarray(at + 4);
      if (this.status < 200 && this.status >= 100) {
        // An interim answer (100 Continue): the real one follows.
        this.head = Buffer.alloc(0);
        this.status = 0;
        return c.length ? this.push(c) : false;
      }
    }
    return this.body(c);
  }

  private readHead(text: string): boolean {
    const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
    if (!m) return false;
    this.status = Number(m[1]);
    const lower = text.toLowerCase();
    this.keepAlive = !/\r\nconnection:[^\r]*close/.test(lower) && !text.startsWith('HTTP/1.0');
    const length = /\r\ncontent-length:\s*(\d+)/.exec(lower);
    if (this.noBody || this.status === 204 || this.status === 304) this.mode = 'none';
    else if (/\r\ntransfer-encoding:[^\r]*chunked/.test(lower)) this.mode = 'chunked';
    else if (length) {
      this.mode = 'length';
      this.remaining = Number(length[1]);
    } else {
      this.mode = 'close';
      this.untilClose = true;
      this.keepAlive = false;
    }
    return true;
  }

  private body(c: Buffer): boolean | 'bad' {
    switch (this.mode) {
      case 'none':
        return true;
      case 'close':
        this.bodyBytes += c.length;
        return false;
      case 'length':
        this.bodyBytes += c.length;
        this.remaining -= c.length;
        return this.remaining <= 0;
      case 'chunked':
        return this.chunked(c);
    }
  }

  private chunked(c: Buffer): boolean | 'bad' {
    let i = 0;
    while (i < c.length) {
      if (this.chunkState === 'data') {
        const n = Math.min(this.remaining, c.length - i);
        this.bodyBytes += n;
        this.remaining -= n;
        i += n;
        if (this.remaining === 0) {
          this.chunkState = 'crlf';
          this.remaining = 2;
        }
      } else if (this.chunkState === 'crlf') {
        const n = Math.min(this.remaining, c.length - i);
        this.remaining -= n;
        i += n;
        if (this.remaining === 0) this.chunkState = 'size';
      } else {
        const nl = c.indexOf(10, i);
        const end = nl < 0 ? c.length : nl + 1;
        this.line += c.subarray(i, end).toString('latin1');
        i = end;
        if (nl < 0) continue;
        const line = this.line.trim();
        this.line = '';
        if (this.chunkState === 'trailer') {
          if (line === '') return true;
          continue;
        }
        const size = parseInt(line.split(';')[0]!, 16);
        if (!Number.isFinite(size)) return 'bad';
        if (size === 0) this.chunkState = 'trailer';
        else {
          this.chunkState = 'data';
          this.remaining = size;
        }
      }
    }
    return false;
  }
}
