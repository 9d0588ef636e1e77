import { defineCoverageCheck } from '../../coverage/coverage-check';

export default defineCoverageCheck(
  'image-vulnerabilities',
  'high',
  'A scanner covers vulnerabilities inside containers',
  'Known-vulnerable packages in images go unnoticed until they are exploited.',
);
