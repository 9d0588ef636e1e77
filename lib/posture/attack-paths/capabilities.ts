// What an identity may do that matters to an attacker, from the RBAC model's grants: each grant's
// rules are matched once against a fixed set of requests ("atoms"), with the authorizer's own
// semantics (rules.ts: verbs, API groups, resources, subresources, resourceNames) and scope
// (model.reaches: a RoleBinding reaches its namespace only, never a cluster-scoped resource but for
// the Namespace object itself and `bind` on ClusterRoles).
import type { Grant } from '../rbac/model';
import { isSuperuserRule, ruleAllows, ruleKey, type PolicyRule, type ResourceRequest } from '../rbac/rules';
import type { Context } from './context';

type Req = [verb: string, group: string, resource: string, subresource?: string];

const POD_MAKERS: [string, string][] = [
  ['', 'pods'],
  ['', 'replicationcontrollers'],
  ['apps', 'deployments'],
  ['apps', 'daemonsets'],
  ['apps', 'statefulsets'],
  ['apps', 'replicasets'],
  ['batch', 'jobs'],
  ['batch', 'cronjobs'],
];
const CONTROLLERS = POD_MAKERS.filter(([, r]) => r !== 'pods');
const RBAC = 'rbac.authorization.k8s.io';
const CERTS = 'certificates.k8s.io';
const ADMISSION = 'admissionregistration.k8s.io';

const reqs = (verbs: string[], targets: [string, string, string?][]): Req[] => verbs.flatMap((v) => targets.map(([g, r, s]) => [v, g, r, s] as Req));

/** The atoms: each a set of requests, any of which grants it. */
export const ATOMS = {
  // Creating any pod-making kind, or rewriting a controller's template, runs a pod of one's choosing.
  'pod-create': [...reqs(['create'], POD_MAKERS), ...reqs(['patch', 'update'], CONTROLLERS)],
  // A pod's image can be replaced in place (spec.containers[*].image is mutable): its code then runs as the pod.
  'pod-patch': reqs(['patch', 'update'], [['', 'pods']]),
  // exec/attach; get counts too where a WebSocket upgrade needs only get (rbac/connect.ts), added in atomsOf.
  exec: reqs(
    ['create'],
    [
      ['', 'pods', 'exec'],
      ['', 'pods', 'attach'],
    ],
  ),
  'secrets-list': reqs(['list', 'watch'], [['', 'secrets']]),
  'secrets-get': reqs(['get'], [['', 'secrets']]),
  'token-create': reqs(['create'], [['', 'serviceaccounts', 'token']]),
  'rb-write': reqs(['create', 'update', 'patch'], [[RBAC, 'rolebindings']]),
  'crb-write': reqs(['create', 'update', 'patch'], [[RBAC, 'clusterrolebindings']]),
  'bind-role': reqs(['bind'], [[RBAC, 'roles']]),
  'bind-clusterrole': reqs(['bind'], [[RBAC, 'clusterroles']]),
  'escalate-role': reqs(['escalate'], [[RBAC, 'roles']]),
  'escalate-clusterrole': reqs(['escalate'], [[RBAC, 'clusterroles']]),
  'role-write': reqs(['update', 'patch'], [[RBAC, 'roles']]),
  'clusterrole-write': reqs(['update', 'patch'], [[RBAC, 'clusterroles']]),
  'impersonate-users': reqs(['impersonate'], [['', 'users']]),
  'impersonate-groups': reqs(['impersonate'], [['', 'groups']]),
  'impersonate-sa': reqs(['impersonate'], [['', 'serviceaccounts']]),
  'csr-create': reqs(['create'], [[CERTS, 'certificatesigningrequests']]),
  'csr-approve': reqs(['update', 'patch'], [[CERTS, 'certificatesigningrequests', 'approval']]),
  'signer-approve': reqs(['approve'], [[CERTS, 'signers']]),
  // The kubelet authorizes GET as get and POST as create; a WebSocket exec through the kubelet is a GET.
  'nodes-proxy': reqs(['get', 'create'], [['', 'nodes', 'proxy']]),
  'webhook-write': reqs(
    ['create', 'update', 'patch'],
    [
      [ADMISSION, 'mutatingwebhookconfigurations'],
      [ADMISSION, 'mutatingadmissionpolicies'],
    ],
  ),
  'ns-write': reqs(['update', 'patch'], [['', 'namespaces']]),
  'pods-log': reqs(['get'], [['', 'pods', 'log']]),
  'configmap-write': reqs(['update', 'patch'], [['', 'configmaps']]),
} satisfies Record<string, Req[]>;

export type AtomKind = keyof typeof ATOMS | 'superuser';

export interface Atom {
  kind: AtomKind;
  /** '*' for a ClusterRoleBinding, else the RoleBinding's namespace. */
  scope: string;
  /** 'all', or the only objects it applies to (resourceNames). */
  names: 'all' | string[];
  grant: Grant;
}

/** Which objects a rule grants a request on, ignoring names: 'all', their names, or null. */
function ruleNames(rule: PolicyRule, req: ResourceRequest): 'all' | string[] | null {
  if (rule.resourceNames.length === 0) return ruleAllows(rule, req) ? 'all' : null;
  return ruleAllows(rule, { ...req, name: rule.resourceNames[0] }) ? rule.resourceNames : null;
}

type RuleAtoms = { kind: AtomKind; names: 'all' | string[]; req: ResourceRequest }[];
const byRules = new WeakMap<object, RuleAtoms>();
// Roles of the same rules in many namespaces (one per team) are matched once; keyed per exec policy.
const byContent = new Map<string, RuleAtoms>();

function ruleAtoms(ctx: Context, g: Grant): RuleAtoms {
  let out = byRules.get(g.rules);
  if (out) return out;
  const content = `${ctx.model.connect.verbs.join(',')}#${g.rules.map((r) => ruleKey(r.rule)).join(';')}`;
  out = byContent.get(content);
  if (!out) {
    out = matchAtoms(ctx, g);
    if (byContent.size > 10_000) byContent.clear(); // bounded: a long-running server sees many clusters' roles
    byContent.set(content, out);
  }
  byRules.set(g.rules, out);
  return out;
}

function matchAtoms(ctx: Context, g: Grant): RuleAtoms {
  const out: RuleAtoms = [];
  if (g.rules.some((r) => isSuperuserRule(r.rule))) out.push({ kind: 'superuser', names: 'all', req: { verb: '*', group: '*', resource: '*' } });
  for (const [kind, list] of Object.entries(ATOMS) as [keyof typeof ATOMS, Req[]][]) {
    const all =
      kind === 'exec'
        ? [...list, ...ctx.model.connect.verbs.filter((v) => v !== 'create').flatMap((v) => list.map(([, gr, r, s]) => [v, gr, r, s] as Req))]
        : list;
    for (const [verb, group, resource, subresource] of all) {
      const req: ResourceRequest = { verb, group, resource, ...(subresource ? { subresource } : {}) };
      let names: 'all' | string[] | null = null;
      for (const r of g.rules) {
        const n = ruleNames(r.rule, req);
        if (n === 'all') names = 'all';
        else if (n && names !== 'all') names = [...(names ?? []), ...n];
      }
      if (names) out.push({ kind, names, req });
    }
  }
  return out;
}

// A group's grants are in every member's capabilities: each grant's atoms are worked out once.
const atomsOfGrant = new WeakMap<Grant, Atom[]>();

/** The atoms one grant gives, where its binding reaches (never modified by callers). */
export function grantAtoms(ctx: Context, g: Grant): Atom[] {
  let out = atomsOfGrant.get(g);
  if (!out) atomsOfGrant.set(g, (out = atomsOf(ctx, g)));
  return out;
}

function atomsOf(ctx: Context, g: Grant): Atom[] {
  const scope = g.scope ?? '*';
  const seen = new Map<string, Atom>();
  for (const a of ruleAtoms(ctx, g)) {
    if (a.kind !== 'superuser' && !ctx.model.reaches(g, a.req)) continue;
    const prev = seen.get(a.kind);
    if (!prev) seen.set(a.kind, { kind: a.kind, scope, names: a.names, grant: g });
    else if (prev.names !== 'all') prev.names = a.names === 'all' ? 'all' : [...new Set([...prev.names, ...a.names])];
  }
  return [...seen.values()];
}

/** An identity's atoms by kind. */
export type Caps = Map<AtomKind, Atom[]>;

export function capsOf(ctx: Context, grants: readonly Grant[]): Caps {
  const caps: Caps = new Map();
  for (const g of grants) {
    for (const a of grantAtoms(ctx, g)) {
      const l = caps.get(a.kind);
      if (l) l.push(a);
      else caps.set(a.kind, [a]);
    }
  }
  return caps;
}

/** Whether an atom applies in namespace `ns` (a cluster-wide one applies everywhere). */
export const inScope = (a: Atom, ns: string) => a.scope === '*' || a.scope === ns;
