import type { Check } from '../../check';
import coverage from './coverage';

export const apiAbuseChecks: readonly Check[] = [coverage];
