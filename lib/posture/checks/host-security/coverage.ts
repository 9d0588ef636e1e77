import { defineCoverageCheck } from '../../coverage/coverage-check';

export default defineCoverageCheck('host-security', 'medium', 'Nobody benchmarks the nodes: unpatched kernels, kubelets and OS images stay invisible.');
