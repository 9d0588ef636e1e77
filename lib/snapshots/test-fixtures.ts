// Posture documents for the snapshot tests, computed by the real engine.
import { computePosture } from '@/lib/posture/engine';
import { deployment, inventoryOf, namespace } from '@/lib/posture/test-inventory';
import type { PostureDocument } from '@/lib/posture/types';

export function sampleDocument(opts: { cluster?: string; generatedAt?: string; privileged?: boolean } = {}): PostureDocument {
  const spec = {
    containers: [
      {
        name: 'app',
        image: 'nginx:1.27',
        securityContext: opts.privileged ? { privileged: true } : {},
      },
    ],
  };
  const doc = computePosture(
    inventoryOf([
      namespace('shop'),
      namespace('web'),
      deployment('shop', 'cart', spec),
      deployment('web', 'front', { containers: [{ name: 'f', image: 'nginx' }] }),
    ]),
    { now: new Date(opts.generatedAt ?? '2026-11-22T10:00:00Z') },
  );
  return { ...doc, generatedAt: opts.generatedAt ?? doc.generatedAt, cluster: { ...doc.cluster, name: opts.cluster ?? 'test' } };
}
