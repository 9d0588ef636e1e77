'use client';
// Links inside a posture view. The live dashboard's links go to /findings, /areas/…; a
// snapshot (or a share link) renders the same components under its own base path, so the
// same links stay inside that snapshot and never lead to live data.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { createContext, useContext, type ComponentProps, type ReactNode } from 'react';

const BaseContext = createContext('');

export function PostureBase({ base, children }: { base: string; children: ReactNode }) {
  return <BaseContext.Provider value={base}>{children}</BaseContext.Provider>;
}

export function usePostureBase(): string {
  return useContext(BaseContext);
}

/** Prefixes an app path ("/findings?x=1") with a base ("/snapshots/abc"); "/" becomes the base itself. */
export function withBase(base: string, href: string): string {
  if (!base || !href.startsWith('/') || href.startsWith('//')) return href;
  return href === '/' ? base : href.startsWith('/?') || href.startsWith('/#') ? base + href.slice(1) : base + href;
}

/**
 * Not prefetched unless asked (`prefetch={null}`: Next's default): a view's tables and lists hold
 * dozens of links, and prefetching each one in sight cost a page 13 to 60 requests, most of them aborted.
 */
export function PostureLink({ href, prefetch = false, ...rest }: ComponentProps<typeof Link>) {
  const base = usePostureBase();
  return <Link href={typeof href === 'string' ? withBase(base, href) : href} prefetch={prefetch} {...rest} />;
}

/**
 * A GET form inside a posture view: its action under the view's base, and on submit only the
 * fields that hold a value go into the URL (no `?area=&severity=`). Without JavaScript it
 * submits as a plain form.
 */
export function PostureForm({ action, ...rest }: Omit<ComponentProps<'form'>, 'action' | 'method' | 'onSubmit'> & { action: string }) {
  const base = usePostureBase();
  const router = useRouter();
  const target = withBase(base, action);
  return (
    <form
      method="get"
      action={target}
      onSubmit={(e) => {
        e.preventDefault();
        router.push(target + queryOf(new FormData(e.currentTarget)));
      }}
      {...rest}
    />
  );
}

/** "?a=1&b=2" from a form's fields, empty ones left out; "" when none is set. */
export function queryOf(data: FormData): string {
  const p = new URLSearchParams();
  for (const [k, v] of data) if (typeof v === 'string' && v !== '') p.append(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
