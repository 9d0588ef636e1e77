// GET /api/exceptions/audit: every create, change and delete of the request's cluster's
// exceptions, newest first (who, when, before and after).
import { NO_STORE, withStoreErrors } from '@/lib/server/api-responses';
import { exceptionAccess } from '@/lib/server/exceptions-service';

export const dynamic = 'force-dynamic';

export async function GET() {
  const access = await exceptionAccess();
  if (!access.ok) return access.response;
  return withStoreErrors(async () => Response.json({ audit: await access.exceptions.audit() }, { headers: NO_STORE }));
}
