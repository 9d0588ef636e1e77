// Builds one posture check from one Pod Security Standards control: every workload is
// evaluated at the policy version its namespace enforces, and the message says whether
// that namespace's enforce level would already forbid what was found.
import type { Inventory, ResourceKey } from '../../../../cluster/inventory';
import type { Workload } from '../../../../cluster/types';
import { defineCheck, notAssessed, type Check, type RawFinding } from '../../../check';
import { controlById } from '../../../pss/controls/index';
import { effectiveMinor, evaluateControl } from '../../../pss/evaluate';
import { parseClusterMinor, parseEnforcePolicy, type NamespacePolicy } from '../../../pss/namespace-level';
import type { Control, Violation } from '../../../pss/types';
import type { Severity } from '../../../types';
import { labelsOf, workloadRef } from '../../helpers';

const CONTROLLER_KEYS: ResourceKey[] = ['deployments', 'statefulsets', 'daemonsets', 'replicasets', 'replicationcontrollers', 'jobs', 'cronjobs'];
const RANK = { privileged: 0, baseline: 1, restricted: 2 } as const;

export interface PssCheckSpec {
  id: string;
  title: string;
  /** The product's ladder: baseline breach high (critical for host-level access), restricted-only medium. */
  severity: Severity;
  remediation: string;
  /** A finding's own severity when it differs from the check's (e.g. hostIPC alone). */
  severityOf?(v: Violation): Severity;
}

interface NamespaceView {
  known: boolean;
  policy: NamespacePolicy;
}

function namespaceViews(inv: Inventory): (ns: string) => NamespaceView {
  const clusterMinor = parseClusterMinor(inv.cluster.version);
  const byName = new Map(inv.objects.namespaces.map((n) => [n.metadata.name, n]));
  const cache = new Map<string, NamespaceView>();
  return (ns) => {
    let view = cache.get(ns);
    if (!view) {
      const obj = byName.get(ns);
      view = { known: obj !== undefined, policy: parseEnforcePolicy(obj ? labelsOf(obj) : {}, clusterMinor) };
      cache.set(ns, view);
    }
    return view;
  };
}

function policyText(p: NamespacePolicy): string {
  const m = effectiveMinor(p.minor);
  return p.versionLabel === 'latest'
    ? `policy v1.${m} (latest)`
    : p.minor === m
      ? `policy ${p.versionLabel}`
      : `policy ${p.versionLabel}, evaluated as v1.${m}`;
}

/** Would the namespace's enforce level have rejected this? Said plainly, with any label error. */
function enforcementSentence(ns: string, view: NamespaceView, control: Control): string {
  const { policy } = view;
  if (!view.known) return `Namespace ${ns} is not in the inventory, so its enforce level is unknown.`;
  if (!policy.labelled) {
    return `Namespace ${ns} has no enforce label, so only the API server's default level applies (privileged unless its admission configuration says otherwise).`;
  }
  const errors = policy.errors.length ? ` (${policy.errors.join('; ')})` : '';
  if (RANK[policy.level] >= RANK[control.level]) {
    return `Namespace ${ns} enforces ${policy.level}${errors}; this workload breaks it — it predates the label or is exempt.`;
  }
  return `Namespace ${ns} enforces ${policy.level}${errors}, which allows this; ${control.level} would forbid it.`;
}

export function pssCheck(control: Control, spec: PssCheckSpec): Check {
  const overridden = control.overrides ? controlById(control.overrides) : undefined;
  return defineCheck({
    id: spec.id,
    area: 'pod-security',
    severity: spec.severity,
    title: spec.title,
    remediation: spec.remediation,
    references: [{ title: 'Pod Security Standards', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/' }],
    // Only namespaces: pods and controllers are each optional, see evaluate.
    needs: ['namespaces'],
    scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
    examines: (inv) => inv.workloads.map(workloadRef),
    evaluate(inv) {
      if (inv.missing.pods && CONTROLLER_KEYS.every((k) => inv.missing[k])) {
        return notAssessed(`neither pods nor any workload controller could be read (pods: ${inv.missing.pods.detail})`);
      }
      const viewOf = namespaceViews(inv);
      const findings: RawFinding[] = [];
      for (const w of inv.workloads) {
        const view = viewOf(w.namespace);
        const pod = { annotations: w.podAnnotations, spec: w.spec };
        const v = evaluateControl(control, view.policy.minor, pod);
        if (!v) continue;
        // The overridden baseline control's check already reports this workload, more severely.
        if (overridden && evaluateControl(overridden, view.policy.minor, pod)) continue;
        findings.push({
          resource: workloadRef(w),
          severity: spec.severityOf?.(v) ?? spec.severity,
          message: message(w, v, control, view),
        });
      }
      return findings;
    },
  });
}

function message(w: Workload, v: Violation, control: Control, view: NamespaceView): string {
  return (
    `${w.kind} ${w.namespace}/${w.name} breaks Pod Security Standards ${control.level} control ${control.id} (${v.reason}) at ${policyText(view.policy)}: ` +
    `${v.detail}. ${enforcementSentence(w.namespace, view, control)}`
  );
}
