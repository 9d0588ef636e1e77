import { PostureForm, PostureLink as Link } from './PostureLink';
import { cloneElement } from 'react';
import type { FindingsQuery } from '@/lib/posture/findings-query';
import { ownersOf } from '@/lib/posture/owner-groups';
import { SEVERITIES, type PostureDocument } from '@/lib/posture/types';
import { SEVERITY_LABEL } from './severity';

/** A GET form: the filter lives in the URL (only the fields that are set), so a link shows the same view. */
export function FindingsFilters({ doc, query }: { doc: PostureDocument; query: FindingsQuery }) {
  const field = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs';
  const checks = doc.checks.filter((c) => c.findings > 0);
  const owners = ownersOf(doc.findings, (f) => f.owner);
  return (
    <PostureForm
      action="/findings"
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      aria-label="Filter findings"
    >
      <Labelled label="Area">
        <select name="area" defaultValue={query.area ?? ''} className={field}>
          <option value="">All areas</option>
          {doc.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label="Severity">
        <select name="severity" defaultValue={query.severity ?? ''} className={field}>
          <option value="">All</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABEL[s]}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label="Namespace">
        <select name="namespace" defaultValue={query.namespace ?? ''} className={field}>
          <option value="">All</option>
          {doc.namespaces.map((n) => (
            <option key={n.name} value={n.name}>
              {n.name}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label="Check">
        <select name="check" defaultValue={query.check ?? ''} className={`${field} max-w-64`}>
          <option value="">All</option>
          {checks.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label="Owner">
        <select name="owner" defaultValue={query.owner ?? ''} className={`${field} max-w-48`}>
          <option value="">All</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label="Text">
        <input type="search" name="q" defaultValue={query.q ?? ''} placeholder="name, message…" className={field} />
      </Labelled>
      <Labelled label="Sort">
        <select name="sort" defaultValue={query.sort} className={field}>
          <option value="severity">Severity</option>
          <option value="object">Object</option>
          <option value="check">Check</option>
        </select>
      </Labelled>
      <Labelled label="Group">
        <select name="group" defaultValue={query.group ?? ''} className={field}>
          <option value="">None</option>
          <option value="owner">By owner</option>
        </select>
      </Labelled>
      <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-xs font-semibold text-white hover:bg-slate-700">
        Apply
      </button>
      <Link href="/findings" className="px-1 py-1 text-xs text-slate-600 underline">
        Clear
      </Link>
    </PostureForm>
  );
}

/** A label tied to its control by id, so the control's name is the label alone. */
function Labelled({ label, children }: { label: string; children: React.ReactElement<{ id?: string }> }) {
  const id = `filter-${label.toLowerCase()}`;
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-[11px] font-medium text-slate-600">
        {label}
      </label>
      {cloneElement(children, { id })}
    </div>
  );
}
