// The read-tracking rules are types: tsc (npm test's first step) fails if they loosen.
import { describe, expect, it } from 'vitest';
import type { CheckScope } from './check';

describe('CheckScope', () => {
  it('allows wholeKinds only with scope namespace', () => {
    const scoped: CheckScope = { scope: 'namespace', wholeKinds: ['rolebindings'] };
    // @ts-expect-error wholeKinds without scope 'namespace' would be ignored by the engine
    const unscoped: CheckScope = { wholeKinds: ['rolebindings'] };
    expect([scoped, unscoped]).toHaveLength(2);
  });
});
