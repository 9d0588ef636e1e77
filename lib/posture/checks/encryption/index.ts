import type { Check } from '../../check';
import ingressWithoutTls from './ingress-without-tls';

export const encryptionChecks: readonly Check[] = [ingressWithoutTls];
