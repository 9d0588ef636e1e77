// The Pod Security Standards evaluator: pure functions over pod specs and namespace labels.
export { CONTROLS, controlById } from './controls/index';
export { appliesAt, controlsFor, effectiveMinor, evaluateControl, evaluatePod, LATEST_PSS_MINOR, normalisePod } from './evaluate';
export { LABEL_PREFIX, parseClusterMinor, parseEnforcePolicy, parseModePolicy, parseNamespacePolicies } from './namespace-level';
export type { NamespacePolicy, PssMode } from './namespace-level';
export type { Control, ControlId, ControlLevel, PodInput, PodMeta, PssLevel, Violation } from './types';
