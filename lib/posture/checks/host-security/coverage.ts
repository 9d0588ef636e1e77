import { defineCoverageCheck } from '../../coverage/coverage-check';

export default defineCoverageCheck(
  'host-security',
  'medium',
  'A node benchmark or hardening agent covers host security',
  'Nobody benchmarks the nodes: unpatched kernels, kubelets and OS images stay invisible.',
);
