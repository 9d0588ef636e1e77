// What the exceptions API accepts (zod), checked before anything runs: one check id, a scope
// (object, namespace or label selector), a reason, an owner and an expiry day.
import { z } from 'zod';
import { isDay } from '../posture/triage/accept-annotation';
import { parseSelector } from '../posture/triage/exceptions';

const noNul = (s: string) => !s.includes('\u0000');
const name = z.string().min(1).max(253).regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'not a Kubernetes name');
const text = (max: number) => z.string().trim().min(1).max(max).refine(noNul, 'contains U+0000');

export const exceptionScopeInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('object'), kind: z.string().regex(/^[A-Z][A-Za-z0-9]{0,62}$/, 'not a kind'), namespace: name.nullable(), name: z.string().min(1).max(253).refine(noNul) }),
  z.strictObject({ type: z.literal('namespace'), namespace: name }),
  z.strictObject({
    type: z.literal('selector'),
    selector: z
      .string()
      .min(1)
      .max(500)
      .refine((s) => !('error' in parseSelector(s)), 'not an equality-based label selector (k=v,k!=v,k,!k)'),
    namespace: name.optional(),
  }),
]);

const fields = {
  checkId: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'not a check id').max(200),
  scope: exceptionScopeInput,
  reason: text(1000),
  owner: text(200),
  expires: z.string().refine(isDay, 'expires must be a date, YYYY-MM-DD'),
};

export const createExceptionInput = z.strictObject(fields);
export const updateExceptionInput = z
  .strictObject({ reason: fields.reason, owner: fields.owner, expires: fields.expires, scope: fields.scope })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
