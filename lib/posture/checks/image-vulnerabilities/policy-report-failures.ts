import { definePolicyReportCheck } from '../../coverage/policy-reports';

export default definePolicyReportCheck('image-vulnerabilities', 'image vulnerability');
