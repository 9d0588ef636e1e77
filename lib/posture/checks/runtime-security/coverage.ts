import { defineCoverageCheck } from '../../coverage/coverage-check';

export default defineCoverageCheck(
  'runtime-security',
  'high',
  'A runtime detector watches what containers do',
  'A compromised container can run shells, miners or escapes without anyone being alerted.',
);
