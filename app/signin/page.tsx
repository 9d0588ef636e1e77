// The AUTH_MODE=token sign-in form: a Kubernetes bearer token, checked by the API server of the
// cluster the viewer is looking at (each cluster has its own sign-in; the page names it).
import { redirect } from 'next/navigation';
import { ContextPicker } from '@/components/ContextPicker';
import { authConfig } from '@/lib/server/auth/config';
import { safeNext } from '@/lib/server/auth/gate';
import { requestCluster } from '@/lib/server/request-source';

export const dynamic = 'force-dynamic';

const MESSAGES: Record<string, string> = {
  invalid: 'The cluster did not accept that token.',
  unavailable: 'The cluster could not check the token right now; try again shortly.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (authConfig().mode !== 'token') redirect('/');
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === 'string' ? (sp[k] as string) : undefined);
  const next = safeNext(one('next'));
  const message = one('expired') ? 'Your session has expired; sign in again.' : MESSAGES[one('error') ?? ''];
  const cluster = await requestCluster();
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 p-4 sm:p-6">
      <h1 className="text-lg font-semibold tracking-tight">Sign in to kube-posture</h1>
      <p data-testid="signin-cluster">
        Cluster: <span className="font-mono font-medium">{cluster.name}</span>. Each cluster you look at needs a token it accepts; signing in here
        adds this cluster to your session. <ContextPicker />
      </p>
      {message && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">
          {message}
        </p>
      )}
      <form method="post" action="/api/auth/signin" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <label htmlFor="token" className="font-medium">
          Kubernetes bearer token
        </label>
        <span className="text-xs text-slate-600">for {cluster.name}</span>
        <input
          id="token"
          name="token"
          type="password"
          required
          autoComplete="off"
          spellCheck={false}
          className="rounded border border-slate-300 px-2 py-1.5 font-mono"
        />
        <input type="hidden" name="next" value={next} />
        <button type="submit" className="self-start rounded bg-slate-800 px-3 py-1.5 font-medium text-white hover:bg-slate-700">
          Sign in
        </button>
        <p className="text-xs text-slate-600">
          The cluster checks the token (TokenReview); the dashboard keeps only your user name and groups, and shows the namespaces your RBAC lets you list pods
          in. For example: <code>kubectl create token &lt;service-account&gt;</code>.
        </p>
      </form>
    </main>
  );
}
