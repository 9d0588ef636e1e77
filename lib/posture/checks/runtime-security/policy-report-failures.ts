import { definePolicyReportCheck } from '../../coverage/policy-reports';

export default definePolicyReportCheck('runtime-security', 'runtime detection');
