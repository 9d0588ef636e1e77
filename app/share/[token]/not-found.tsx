// One page for every share link that does not open: unknown, expired or revoked look the
// same, so the page says nothing about whether a token ever existed. No link to live data.
export default function ShareNotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-3 p-6" data-testid="share-unavailable">
      <h1 className="text-lg font-semibold">This share link does not work</h1>
      <p className="text-slate-700">The link may have expired, been revoked, or been copied incompletely. Ask the person who shared it for a new link.</p>
    </main>
  );
}
