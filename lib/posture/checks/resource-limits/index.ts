import type { Check } from '../../check';
import containerNoLimits from './container-no-limits';
import containerNoRequests from './container-no-requests';
import namespaceNoLimitRange from './namespace-no-limit-range';
import namespaceNoResourceQuota from './namespace-no-resource-quota';
import quotaNearLimit from './quota-near-limit';

export const resourceLimitsChecks: readonly Check[] = [namespaceNoResourceQuota, namespaceNoLimitRange, containerNoLimits, containerNoRequests, quotaNearLimit];
