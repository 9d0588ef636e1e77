'use client';
// Links inside a posture view. The live dashboard's links go to /findings, /areas/…; a
// snapshot (or a share link) renders the same components under its own base path, so the
// same links stay inside that snapshot and never lead to live data.
import Link from 'next/link';
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

export function PostureLink({ href, ...rest }: ComponentProps<typeof Link>) {
  const base = usePostureBase();
  return <Link href={typeof href === 'string' ? withBase(base, href) : href} {...rest} />;
}
