// One owner's part of a list grouped by owner (/findings, /namespaces with group=owner).
import type { ReactNode } from 'react';
import { NO_OWNER } from '@/lib/posture/owner-groups';

export function OwnerGroup({ owner, count, children }: { owner: string | null; count: number; children: ReactNode }) {
  return (
    <section aria-label={`Owner ${owner ?? NO_OWNER}`} className="flex flex-col gap-1" data-owner-group={owner ?? NO_OWNER}>
      <h2 className="text-sm font-semibold">
        {owner ?? <span className="text-slate-600">No owner</span>} <span className="text-xs font-normal text-slate-600">({count})</span>
      </h2>
      {children}
    </section>
  );
}

/** How a table of one owner's rows is named for screen readers. */
export const ownedBy = (owner: string | null) => (owner === null ? 'no one' : owner);
