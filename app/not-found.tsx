import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-4 p-4 sm:p-6">
      <header className="border-b border-slate-200 pb-3">
        <Link href="/" className="text-lg font-semibold tracking-tight hover:underline">
          kube-posture
        </Link>
      </header>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h1 className="font-semibold">Not found</h1>
        <p className="mt-1 text-slate-600">There is nothing at this address.</p>
        <p className="mt-3">
          <Link href="/" className="text-slate-800 underline">
            Back to the overview
          </Link>
        </p>
      </div>
    </main>
  );
}
