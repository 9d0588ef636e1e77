import { defineCoverageCheck } from '../../coverage/coverage-check';

export default defineCoverageCheck('image-vulnerabilities', 'high', 'Known-vulnerable packages in images go unnoticed until they are exploited.');
