import type { Check } from '../../check';
import bindsClusterAdmin from './binds-cluster-admin';

export const rbacChecks: readonly Check[] = [bindsClusterAdmin];
