import { definePolicyReportCheck } from '../../coverage/policy-reports';

export default definePolicyReportCheck('host-security', 'node and host benchmark');
