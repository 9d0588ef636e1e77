// What /exceptions shows, for a cluster-wide viewer (others get 404): the cluster's stored
// exceptions and audit trail, its accepted and by-design findings, and whether this viewer may
// change exceptions. Expiry is judged on the server's clock (lib/server/clock.ts).
import { filterFindings } from '../posture/findings-query';
import type { AuditEntry, StoredException } from '../snapshots/exceptions-store';
import { requireClusterIdentity } from './auth/guard';
import { serverNow } from './clock';
import { exceptionMaxDays, exceptionsFor, mayChangeExceptions } from './exceptions-service';
import { getPosture } from './posture-service';

export async function loadExceptionsPage() {
  const identity = await requireClusterIdentity();
  const access = exceptionsFor(identity);
  let list: StoredException[] = [];
  let trail: AuditEntry[] = [];
  let storeError: string | null = null;
  try {
    [list, trail] = await Promise.all([access.list(), access.audit()]);
  } catch (e) {
    storeError = (e as Error).message;
  }
  const { doc } = await getPosture(identity.cluster.spec);
  const triaged = (status: 'expected' | 'accepted') => (doc ? filterFindings(doc.findings, { status, sort: 'object', page: 1 }) : []);
  return {
    doc,
    list,
    trail,
    storeError,
    accepted: triaged('accepted'),
    expected: triaged('expected'),
    canChange: mayChangeExceptions(identity),
    maxDays: exceptionMaxDays(),
    now: serverNow(),
  };
}

export type ExceptionsPageData = Awaited<ReturnType<typeof loadExceptionsPage>>;
