'use client';
// Any page that throws (for instance no posture at all yet) shows this, not a blank page.
// The server's message is not sent to the browser in production; the overview shows the
// scan's reason, so this links there.
import Link from 'next/link';

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-4 p-4 sm:p-6">
      <header className="border-b border-slate-200 pb-3">
        <Link href="/" className="text-lg font-semibold tracking-tight hover:underline">
          kube-posture
        </Link>
      </header>
      <div className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950" role="alert">
        <h1 className="font-semibold">This page could not be shown</h1>
        <p className="mt-1 text-xs text-red-900">
          Usually the cluster could not be scanned; the overview says why.
          {error.digest && (
            <>
              {' '}
              Reference <span className="font-mono">{error.digest}</span> in the server log.
            </>
          )}
        </p>
        <p className="mt-3 flex gap-3 text-xs">
          <button type="button" onClick={reset} className="rounded border border-red-300 bg-white px-2 py-0.5 font-medium hover:bg-red-100">
            Try again
          </button>
          <Link href="/" className="py-0.5 underline">
            Overview
          </Link>
        </p>
      </div>
    </main>
  );
}
