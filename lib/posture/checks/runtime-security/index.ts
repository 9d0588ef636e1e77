import type { Check } from '../../check';
import containerdEndOfLife from './containerd-end-of-life';
import coverage from './coverage';

export const runtimeSecurityChecks: readonly Check[] = [coverage, containerdEndOfLife];
