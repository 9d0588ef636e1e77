// Builds one posture check from one Pod Security Standards control: every workload is
// evaluated at the policy version its namespace enforces, and the message says whether
// that namespace's enforce level would already forbid what was found.
import type { Inventory, ResourceKey } from '../../../../cluster/inventory';
import type { K8sObject, Workload } from '../../../../cluster/types';
import { defineCheck, notAssessed, type Check, type RawFinding } from '../../../check';
import { controlById } from '../../../pss/controls/index';
import { effectiveMinor } from '../../../pss/evaluate';
import { controlSlot, podSecurityResults, type PodSecurityResults } from '../../../indexes/pod-security';
import { parseClusterMinor, parseEnforcePolicy, type NamespacePolicy } from '../../../pss/namespace-level';
import type { Control, Violation } from '../../../pss/types';
import { filledSlots, marked, msg, NAME_SLOT, NAMESPACE_SLOT, named, ns, obj, prose, type Message } from '../../../message';
import type { NameAt, Severity } from '../../../types';
import { allContainers, everyWorkloadRef, labelsOf, workloadRef } from '../../helpers';
import { workloadRemedy } from '../../../remediation/pod-fix';
import { pssEdits } from '../../../remediation/pss-fix';

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

export interface NamespaceView {
  known: boolean;
  policy: NamespacePolicy;
}

function namespaceViews(namespaces: readonly K8sObject[], clusterMinor: number | null): (ns: string) => NamespaceView {
  const byName = new Map(namespaces.map((n) => [n.metadata.name, n]));
  const cache = new Map<string, NamespaceView>();
  return (ns) => {
    let view = cache.get(ns);
    if (!view) {
      const obj = byName.get(ns);
      view = obj ? viewOfNamespace(obj, clusterMinor) : { known: false, policy: parseEnforcePolicy({}, clusterMinor) };
      cache.set(ns, view);
    }
    return view;
  };
}

// Read once per Namespace object (objects are replaced, never changed) and cluster minor: ~19 checks
// each read the same 2,000 namespaces' labels.
const views = new WeakMap<K8sObject, { clusterMinor: number | null; view: NamespaceView }>();

function viewOfNamespace(obj: K8sObject, clusterMinor: number | null): NamespaceView {
  const hit = views.get(obj);
  if (hit && hit.clusterMinor === clusterMinor) return hit.view;
  const view = { known: true, policy: parseEnforcePolicy(labelsOf(obj), clusterMinor) };
  views.set(obj, { clusterMinor, view });
  return view;
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
function enforcementSentence(namespace: string, view: NamespaceView, control: Control): Message {
  const { policy } = view;
  const n = ns(namespace);
  if (!view.known) return msg`Namespace ${n} is not in the inventory, so its enforce level is unknown.`;
  if (!policy.labelled) {
    return msg`Namespace ${n} has no enforce label, so only the API server's default level applies (privileged unless its admission configuration says otherwise).`;
  }
  // Label errors quote label values, free text: message() leaves such a message unmarked.
  const errors = prose(policy.errors.length ? ` (${policy.errors.join('; ')})` : '');
  if (RANK[policy.level] >= RANK[control.level]) {
    return msg`Namespace ${n} enforces ${prose(policy.level)}${errors}; this workload breaks it — it predates the label or is exempt.`;
  }
  return msg`Namespace ${n} enforces ${prose(policy.level)}${errors}, which allows this; ${prose(control.level)} would forbid it.`;
}

interface EvaluatedWorkload {
  view: NamespaceView;
  results: PodSecurityResults;
}

// The lists' evaluation, shared by the ~19 pss checks: keyed by the lists each check reads itself,
// so the incremental path sees every read (inventory lists are replaced, never changed in place).
const evaluatedLists = new WeakMap<readonly Workload[], { namespaces: readonly K8sObject[]; clusterMinor: number | null; list: readonly EvaluatedWorkload[] }>();

/** Each workload's namespace view and control results at that namespace's policy, in inv.workloads' order. */
function evaluatedWorkloads(inv: Inventory): readonly EvaluatedWorkload[] {
  const { workloads } = inv;
  const namespaces = inv.objects.namespaces;
  const clusterMinor = parseClusterMinor(inv.cluster.version);
  const hit = evaluatedLists.get(workloads);
  if (hit && hit.namespaces === namespaces && hit.clusterMinor === clusterMinor) return hit.list;
  const viewOf = namespaceViews(namespaces, clusterMinor);
  const list = workloads.map((w) => {
    const view = viewOf(w.namespace);
    return { view, results: podSecurityResults({ annotations: w.podAnnotations, spec: w.spec }, view.policy.minor) };
  });
  evaluatedLists.set(workloads, { namespaces, clusterMinor, list });
  return list;
}

export function pssCheck(control: Control, spec: PssCheckSpec): Check {
  // Every control is evaluated once per workload and shared by the pss checks (indexes/pod-security.ts).
  const slot = controlSlot(control);
  const overridden = control.overrides ? controlSlot(controlById(control.overrides)) : undefined;
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
    examines: everyWorkloadRef,
    evaluate(inv) {
      if (inv.missing.pods && CONTROLLER_KEYS.every((k) => inv.missing[k])) {
        return notAssessed(`neither pods nor any workload controller could be read (pods: ${inv.missing.pods.detail})`);
      }
      const evaluated = evaluatedWorkloads(inv);
      const findings: RawFinding[] = [];
      inv.workloads.forEach((w, i) => {
        const { view, results } = evaluated[i]!;
        const v = results[slot];
        if (!v) return;
        // The overridden baseline control's check already reports this workload, more severely.
        if (overridden !== undefined && results[overridden]) return;
        findings.push({
          resource: workloadRef(w),
          severity: spec.severityOf?.(v) ?? spec.severity,
          ...sharedMessage(w, v, control, view),
          ...workloadRemedy(w, pssEdits(w.spec, v)),
        });
      });
      return findings;
    },
  });
}

// Workloads that break a control alike (same kind, violation, container and volume names,
// namespace policy) get the same sentence but for their namespace and name: it is built once
// with slots in their place and filled in, as pod-fix.ts does for fixes. Only a marked sentence
// whose slots stand exactly at its marks is shared; pss-check.test.ts holds it equal to message().
const sharedMessages = new Map<string, { message: string; names: NameAt[] } | null>();

export function sharedMessage(w: Workload, v: Violation, control: Control, view: NamespaceView): Pick<RawFinding, 'message' | 'names'> {
  if (v.detail.includes('kp-slot-') || w.namespace.length < 2 || w.name.length < 2) return message(w, v, control, view);
  // JSON never holds a raw newline, so the parts joined by one key exactly what they hold.
  const key = `${JSON.stringify([control.id, w.kind, v.reason, v.detail])}\n${viewKey(view)}\n${specNames(w).key}`;
  let shared = sharedMessages.get(key);
  if (shared === undefined) {
    if (sharedMessages.size >= 5_000) sharedMessages.clear();
    const m = message({ ...w, namespace: NAMESPACE_SLOT, name: NAME_SLOT }, v, control, view);
    shared = m.names && slotsOnlyAtMarks(m.message, m.names) ? { message: m.message, names: m.names } : null;
    sharedMessages.set(key, shared);
  }
  if (!shared || shared.message.includes(w.namespace) || shared.message.includes(w.name)) return message(w, v, control, view);
  const filled = filledSlots(shared.message, shared.names, w);
  return { message: filled.text, names: filled.names };
}

function slotsOnlyAtMarks(text: string, names: readonly NameAt[]): boolean {
  const count = (s: string) => text.split(s).length - 1;
  return [NAMESPACE_SLOT, NAME_SLOT].every((slot) => count(slot) === names.filter((n) => n.value === slot).length);
}

export function message(w: Workload, v: Violation, control: Control, view: NamespaceView): Pick<RawFinding, 'message' | 'names'> {
  const detail = markedDetail(w, v.detail);
  const m = msg`${named(w)} breaks Pod Security Standards ${prose(control.level)} control ${prose(control.id)} (${prose(v.reason)}) at ${prose(policyText(view.policy))}: ${
    detail ?? prose(v.detail)
  }. ${enforcementSentence(w.namespace, view, control)}`;
  // Unmarked (a redacted share withholds it) when the detail names something it cannot mark, or a label error quotes a label.
  return detail && view.policy.errors.length === 0 ? marked(m) : { message: String(m) };
}

/**
 * The controls' detail quotes the containers and volumes it is about ("container \"app\""): those
 * quoted names are marked. null when anything else in it could name something of the workload's
 * (a host path, a probe host, an unquoted container name): then the detail is not marked at all.
 */
function markedDetail(w: Workload, detail: string): Message | null {
  const { containers, volumes, strings } = specNames(w);
  const text: string[] = [];
  const names: ReturnType<typeof obj>[] = [];
  let from = 0;
  for (const q of detail.matchAll(/"([^"]*)"/g)) {
    const kind = containers.has(q[1]!) ? 'Container' : volumes.has(q[1]!) ? 'Volume' : null;
    if (!kind) continue;
    text.push(detail.slice(from, q.index + 1));
    names.push(obj(q[1]!, kind));
    from = q.index + q[0].length - 1;
  }
  text.push(detail.slice(from));
  const prosePart = text.join(' ');
  const risky = [...strings, w.name, w.namespace].some((n) => n.length > 0 && mentionsToken(prosePart, n));
  if (risky) return null;
  return names.reduce((m, n, i) => msg`${m}${n}${prose(text[i + 1]!)}`, msg`${prose(text[0]!)}`);
}

// Read once per workload: ~19 Pod Security checks describe the same one. `key`: all of it as a
// shared message's key (sharedMessage).
const namesOfSpec = new WeakMap<Workload, { containers: Set<string>; volumes: Set<string>; strings: string[]; key: string }>();

function specNames(w: Workload) {
  let n = namesOfSpec.get(w);
  if (!n) {
    const containers = new Set(allContainers(w.spec).map((c) => c.name).filter((x): x is string => typeof x === 'string'));
    const volumes = new Set((Array.isArray(w.spec.volumes) ? w.spec.volumes : []).map((v) => v?.name).filter((x): x is string => typeof x === 'string'));
    const strings = [...containers, ...volumes, ...specStrings(w.spec)];
    namesOfSpec.set(w, (n = { containers, volumes, strings, key: JSON.stringify([[...containers], [...volumes], strings]) }));
  }
  return n;
}

const viewKeys = new WeakMap<NamespaceView, string>();

function viewKey(view: NamespaceView): string {
  let k = viewKeys.get(view);
  if (k === undefined) viewKeys.set(view, (k = JSON.stringify([view.known, view.policy])));
  return k;
}

/** Host paths and hosts the spec names (hostPath volumes, probe and lifecycle hosts). */
function specStrings(spec: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string, depth: number) => {
    if (depth > 12) return;
    if (typeof v === 'string') {
      if (key === 'path' || key === 'host') out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key, depth + 1));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'containers' || depth < 2) walk(x, k, depth + 1);
  };
  walk(spec, '', 0);
  return out;
}

/** Whether text holds name as a whole word (not inside a longer name such as "apparmor" for "app"). */
function mentionsToken(text: string, name: string): boolean {
  const word = /[A-Za-z0-9_.-]/;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    if (!word.test(text[i - 1] ?? ' ') && !word.test(text[i + name.length] ?? ' ')) return true;
  }
  return false;
}
