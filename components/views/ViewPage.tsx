// The frame every posture view shares: the page column, the header (live controls, or a
// snapshot's read-only banner) and an optional breadcrumb back to a parent view.
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/AppHeader';
import { PostureLink as Link } from '@/components/PostureLink';
import type { PostureSource } from './source';

export function ViewPage({
  source,
  parent,
  here,
  children,
}: {
  source: PostureSource;
  /** The view one level up, for the breadcrumb. */
  parent?: { href: string; label: string };
  /** This page in the breadcrumb. */
  here?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <AppHeader doc={source.doc} snapshot={source.view} />
      {parent && (
        <nav className="text-xs text-slate-500" aria-label="Breadcrumb">
          <Link href={parent.href} className="hover:underline">
            {parent.label}
          </Link>{' '}
          / {here}
        </nav>
      )}
      {children}
    </div>
  );
}
