import type { Check } from '../../check';
import coverage from './coverage';
import kubeletEndOfLife from './kubelet-end-of-life';

export const hostSecurityChecks: readonly Check[] = [coverage, kubeletEndOfLife];
