import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ViewerBar } from '@/components/ViewerBar';
import { authConfig } from '@/lib/server/auth/config';
import { identifyRequest } from '@/lib/server/auth/guard';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: 'kube-posture',
  description: 'Kubernetes security posture: what Kubernetes provides, and what it leaves to you.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1120' },
  ],
};

// Every page carries the per-request CSP nonce (proxy.ts), so none may be prerendered: a
// static page, the 404 included, would ship scripts without the nonce and the browser would
// block them. Each page renders its own header (AppHeader) from the posture it shows.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const who = await identifyRequest();
  const viewer = who.ok ? who.viewer : null; // null: AUTH_MODE=none, or not signed in to this cluster (the sign-in page)
  return (
    <html lang="en">
      <body className="min-h-screen font-sans text-sm">
        {viewer && <ViewerBar user={viewer.user} canSignOut={authConfig().mode === 'token'} />}
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
