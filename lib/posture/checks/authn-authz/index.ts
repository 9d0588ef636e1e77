import type { Check } from '../../check';
import bindingToEveryone from './anonymous-bindings';

export const authnAuthzChecks: readonly Check[] = [bindingToEveryone];
