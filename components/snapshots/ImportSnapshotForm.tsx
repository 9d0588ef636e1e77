'use client';
// Uploads a posture document (a JSON snapshot download) to view or compare it. The server
// validates it; its error, if any, is shown as it is.
import { useRouter } from 'next/navigation';
import { useState } from 'react';

// lib/snapshots/consistency.ts: an edited document is refused, not recomputed.
const EDITED = /^figures do not follow from the findings/;
const EDITED_HINT =
  '. Its scores and counts no longer match its own findings and checks (was it edited?); the import refuses such a document rather than recompute it. Import the file as it was exported.';

export function ImportSnapshotForm() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  async function upload(form: HTMLFormElement) {
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    const label = (form.elements.namedItem('label') as HTMLInputElement).value;
    if (!file) return setResult({ ok: false, text: 'Choose a JSON file first.' });
    setBusy(true);
    setResult(null);
    try {
      const res = await fetch(`/api/snapshots/import${label ? `?label=${encodeURIComponent(label)}` : ''}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: file,
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string; snapshot?: { cluster: string } };
      if (!res.ok) setResult({ ok: false, text: `Not imported: ${body.error ?? `HTTP ${res.status}`}${EDITED.test(body.error ?? '') ? EDITED_HINT : ''}` });
      else {
        setResult({ ok: true, text: `Imported a snapshot of ${body.snapshot?.cluster}.` });
        form.reset();
        router.refresh();
      }
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      aria-label="Import a snapshot"
      onSubmit={(e) => {
        e.preventDefault();
        void upload(e.currentTarget);
      }}
    >
      <p className="w-full text-xs text-slate-600">
        A JSON snapshot as exported. Its scores and counts must follow from its findings: a document edited afterwards is refused, not recomputed.
      </p>
      <label className="flex flex-col text-xs text-slate-600">
        Snapshot JSON file
        <input type="file" name="file" accept="application/json,.json" className="text-sm" />
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        Label (optional)
        <input name="label" maxLength={200} className="rounded border border-slate-300 px-2 py-1 text-sm" />
      </label>
      <button type="submit" disabled={busy} className="rounded border border-slate-400 px-3 py-1.5 text-sm disabled:opacity-50">
        {busy ? 'Importing…' : 'Import'}
      </button>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={`w-full text-xs ${result.ok ? 'text-green-800' : 'text-red-800'}`}>
          {result.text}
        </p>
      )}
    </form>
  );
}
