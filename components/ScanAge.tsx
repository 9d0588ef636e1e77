'use client';
import { useEffect, useState } from 'react';

/** "scanned 3 min ago", computed in the browser so it keeps ticking; the exact time on hover. */
export function ScanAge({ at }: { at: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);
  return (
    <time dateTime={at} title={new Date(at).toUTCString()}>
      scanned {now === null ? new Date(at).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : ago(now - Date.parse(at))}
    </time>
  );
}

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} h ago` : `${Math.round(h / 24)} days ago`;
}
