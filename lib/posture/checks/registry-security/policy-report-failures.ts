import { definePolicyReportCheck } from '../../coverage/policy-reports';

export default definePolicyReportCheck('registry-security', 'registry and image signature');
