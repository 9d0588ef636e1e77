import { defineCoverageCheck } from '../../coverage/coverage-check';

export default defineCoverageCheck('registry-security', 'high', 'Any image from any registry is admitted, signed or not.');
