import type { Check } from '../../check';
import coverage from './coverage';
import mutableImageTag from './mutable-image-tag';

export const registrySecurityChecks: readonly Check[] = [coverage, mutableImageTag];
