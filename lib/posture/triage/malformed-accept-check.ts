// A malformed kube-posture.io/accept annotation accepts nothing, and says so as a finding of its own.
import { defineCheck } from '../check';

export default defineCheck({
  id: 'triage.accept-annotation-malformed',
  area: 'pod-security',
  severity: 'medium',
  title: 'Exception annotation is malformed',
  remediation:
    'Write kube-posture.io/accept as "checks=<check id>,…; owner=<who>; expires=YYYY-MM-DD; reason=<why>" (see the README), or remove it. Until then the findings it meant to accept stay open.',
  needs: [],
  evaluate: () => [], // produced by the triage step (apply.ts), which reads the annotations
});
