import type { Check } from '../../check';
import coverage from './coverage';
import imageFromPublicRegistry from './image-from-public-registry';
import imageWithoutDigest from './image-without-digest';
import mutableImageTag from './mutable-image-tag';
import policyReportFailures from './policy-report-failures';
import stalePullPolicy from './stale-pull-policy';

export const registrySecurityChecks: readonly Check[] = [
  coverage,
  mutableImageTag,
  imageWithoutDigest,
  imageFromPublicRegistry,
  stalePullPolicy,
  policyReportFailures,
];
