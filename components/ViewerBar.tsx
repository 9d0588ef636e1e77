// Who the dashboard thinks you are, and the way out: shown above every page when a viewer is
// signed in (AUTH_MODE=token) or named by the authenticating proxy.
export function ViewerBar({ user, canSignOut }: { user: string; canSignOut: boolean }) {
  return (
    <div className="mx-auto flex max-w-7xl items-center justify-end gap-3 px-4 pt-2 text-xs text-slate-600 sm:px-6" data-testid="viewer-bar">
      <span>
        Signed in as <span className="font-medium text-ink">{user}</span>
      </span>
      {canSignOut && (
        // A form, not a link: signing out changes state, so it is a same-origin POST.
        <form method="post" action="/signout">
          <button type="submit" className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100">
            Sign out
          </button>
        </form>
      )}
    </div>
  );
}
