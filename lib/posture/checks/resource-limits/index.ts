import type { Check } from '../../check';
import namespaceNoLimitRange from './namespace-no-limit-range';
import namespaceNoResourceQuota from './namespace-no-resource-quota';

export const resourceLimitsChecks: readonly Check[] = [namespaceNoResourceQuota, namespaceNoLimitRange];
