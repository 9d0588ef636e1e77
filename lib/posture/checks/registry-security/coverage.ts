import { defineCoverageCheck } from '../../coverage/coverage-check';

export default defineCoverageCheck(
  'registry-security',
  'high',
  'An admission policy covers which registries and images may run',
  'Any image from any registry is admitted, signed or not.',
);
