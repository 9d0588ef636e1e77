// Reads audit logs as the API server's log backend writes them, streamed: JSON lines of
// audit.k8s.io/v1 Event, rotated files gzipped or not, and EventList documents (one per line,
// or one pretty-printed document). Nothing is held but the current line or value.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import type { AuditAggregator } from '../posture/audit/aggregate';
import { asAuditEvent, eventListItems, type AuditEvent } from '../posture/audit/event';
import { JsonSplitter } from './json-splitter';

export interface ReadStats {
  files: number;
  lines: number;
  /** Values that were not audit events, lines that were not JSON, values over the size cap. */
  skipped: number;
}

/** Lines longer than this are skipped, not held (the API server's own truncation caps an event at 100 KB by default). */
export const MAX_LINE = 4 * 1024 * 1024;
export const READ_CHUNK = 64 * 1024;

/** Hands each event of each value to `sink`: an Event, or every item of an EventList. */
export function eventsOf(value: unknown, sink: (e: AuditEvent) => void): number {
  const items = eventListItems(value);
  if (items) {
    let bad = 0;
    for (const it of items) {
      const e = asAuditEvent(it);
      if (e) sink(e);
      else bad++;
    }
    return bad;
  }
  const e = asAuditEvent(value);
  if (e) sink(e);
  return e ? 0 : 1;
}

async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const { bytesRead, buffer } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Reads one file into `add`; its stats are added to `stats`. */
export async function readAuditFile(file: string, add: (e: AuditEvent) => void, stats: ReadStats): Promise<void> {
  const gzip = await isGzip(file);
  // 64 KiB reads: each chunk's text then dies young; 1 MiB strings went to the large-object space,
  // which only a full collection frees, and RSS grew with them.
  const raw = createReadStream(file, { highWaterMark: READ_CHUNK });
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let carryTooLong = false;
  // Lines until a line is not a whole value (a pretty-printed EventList): from there, the splitter.
  let splitter: JsonSplitter | null = null;
  let n = 0;
  const onValue = (v: unknown) => {
    stats.skipped += eventsOf(v, add);
  };
  const line = (text: string) => {
    stats.lines++;
    n++;
    // The log backend writes one compact value per line: trimmed only when it is not that.
    const t = text.charCodeAt(0) === 123 && text.charCodeAt(text.length - 1) === 125 ? text : text.trim();
    if (t === '') return;
    if (t.charCodeAt(0) === 123 && t.charCodeAt(t.length - 1) === 125) {
      try {
        onValue(JSON.parse(t));
        return;
      } catch {
        // not a whole value on one line
      }
    }
    if (n === 1 || t === '{' || t === '[') {
      splitter = new JsonSplitter(onValue, MAX_LINE);
      splitter.feed(text + '\n');
    } else stats.skipped++;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = decoder.write(chunk);
    if (splitter) {
      (splitter as JsonSplitter).feed(text);
      continue;
    }
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0 && !splitter; nl = text.indexOf('\n', from)) {
      const piece = text.slice(from, nl);
      if (carryTooLong) {
        carryTooLong = false;
        stats.skipped++;
      } else line(carry ? carry + piece : piece);
      carry = '';
      from = nl + 1;
    }
    const rest = text.slice(from);
    if (splitter) (splitter as JsonSplitter).feed(rest);
    else if (!carryTooLong) {
      if (carry.length + rest.length > MAX_LINE) {
        carry = '';
        carryTooLong = true;
      } else carry += rest;
    }
  }
  const tail = decoder.end();
  if (splitter) {
    (splitter as JsonSplitter).feed(tail);
    stats.skipped += (splitter as JsonSplitter).oversized + (splitter as JsonSplitter).invalid;
  } else if (carryTooLong) stats.skipped++;
  else if ((carry + tail).trim()) line(carry + tail);
  stats.files++;
}

/** Reads every file into the aggregator; a file that cannot be read throws with its name. */
export async function readAuditLogs(files: readonly string[], agg: AuditAggregator): Promise<ReadStats & { sources: string[] }> {
  const stats: ReadStats = { files: 0, lines: 0, skipped: 0 };
  for (const f of files) {
    try {
      await readAuditFile(f, (e) => agg.add(e), stats);
    } catch (e) {
      throw new Error(`cannot read audit log ${f}: ${(e as Error).message}`);
    }
  }
  return { ...stats, sources: files.map((f) => `file ${path.basename(f)}`) };
}
