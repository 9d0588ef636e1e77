import type { Check } from '../../check';
import coverage from './coverage';

export const managementToolsChecks: readonly Check[] = [coverage];
