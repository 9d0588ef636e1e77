// A remediation as checks write it: prose, optionally with ```yaml fenced snippets that show
// the field to set. Rendered as text and <pre>, never as HTML.

const FENCE = /```(?:ya?ml)?\n([\s\S]*?)```/g;

export function splitRemediation(text: string): { kind: 'text' | 'yaml'; value: string }[] {
  const parts: { kind: 'text' | 'yaml'; value: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(FENCE)) {
    const before = text.slice(last, m.index).trim();
    if (before) parts.push({ kind: 'text', value: before });
    parts.push({ kind: 'yaml', value: m[1]!.replace(/\s+$/, '') });
    last = m.index + m[0].length;
  }
  const rest = text.slice(last).trim();
  if (rest) parts.push({ kind: 'text', value: rest });
  return parts;
}

export function Remediation({ text }: { text: string }) {
  return (
    <div className="mt-1 flex flex-col gap-1 rounded bg-slate-50 p-2 text-slate-700">
      {splitRemediation(text).map((p, i) =>
        p.kind === 'yaml' ? (
          <pre key={i} aria-label="YAML to apply" className="overflow-x-auto rounded bg-slate-800 p-2 font-mono text-[11px] leading-snug text-slate-100">
            {p.value}
          </pre>
        ) : (
          <p key={i} className="whitespace-pre-wrap">
            {i === 0 && <span className="font-semibold">Fix: </span>}
            {p.value}
          </p>
        ),
      )}
    </div>
  );
}
