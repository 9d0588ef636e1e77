import type { Inventory, ResourceKey } from '../cluster/inventory';
import type { AreaId, Finding, NameAt, ResourceRef, Severity } from './types';

/** A finding as a check emits it; the engine fills in checkId, area and title. */
export interface RawFinding {
  resource: ResourceRef;
  message: string;
  /**
   * Where message names cluster objects: write `...marked(msg`…`)` (lib/posture/message.ts) in
   * place of `message`. Without it a redacted share cannot show the message and hides it.
   */
  names?: NameAt[];
  /** Overrides the check's default severity (e.g. a PSS breach that is critical). */
  severity?: Severity;
  /**
   * Overrides the check's default remediation: fixed advice for this kind of case, or this object's
   * own fix (lib/posture/remediation) with remediationNames marking the cluster names in it.
   */
  remediation?: string;
  /** Where remediation names cluster objects; without it the remediation must name none (shown as is when redacted). */
  remediationNames?: NameAt[];
}

export interface NotAssessed {
  notAssessed: string;
}

/** An object the check could not judge (e.g. a policy engine's selector it cannot evaluate). */
export interface ObjectNotAssessed {
  resource: ResourceRef;
  reason: string;
}

export type CheckOutcome = RawFinding[] | NotAssessed;

/** A link a check is based on: a CIS Kubernetes Benchmark control, an advisory, a KEP or CVE. */
export interface Reference {
  title: string;
  url?: string;
}

interface CheckFields {
  id: string;
  area: AreaId;
  /** The severity the check is weighed at in scores, and its findings' unless one says otherwise. */
  severity: Severity;
  /**
   * Lowest and highest severity its findings can carry, when they can differ from `severity`
   * (a breach rated by what it opens, a scanner's worst count); `severity` lies within it.
   * Absent: every finding is at `severity`. The checks table shows it, and
   * lib/posture/checks/severity-range.test.ts holds every finding on the demo and fixtures to it.
   */
  severityRange?: readonly [lowest: Severity, highest: Severity];
  title: string;
  remediation: string;
  /** Kinds the check reads: if any is missing from the inventory the check is not assessed. */
  needs: ResourceKey[];
  /** What the check is based on (CIS controls by number, advisories, KEPs, CVEs). */
  references?: Reference[];
  evaluate(inv: Inventory): CheckOutcome;
  /**
   * The objects the check examined, named as its findings name them, so failing on 1 of
   * 200 weighs less than on 200 of 200, overall and per namespace. Without it a check
   * scores as simply passed or failed.
   */
  examines?(inv: Inventory): readonly ResourceRef[];
  /**
   * Objects the check could not judge, and why (e.g. a Calico selector it cannot evaluate): it
   * neither finds nor examines them, and the document lists them with the reason.
   */
  notAssessedFor?(inv: Inventory): ObjectNotAssessed[];
}

/**
 * How far a change reaches into the check's result, for the incremental path
 * (lib/posture/incremental.ts; rules in lib/posture/README.md).
 */
export type CheckScope =
  | {
      /** Absent: the check is re-run on the whole cluster after a change to anything it read. */
      scope?: undefined;
      wholeKinds?: never;
      bindingsBySubject?: never;
    }
  | {
      /**
       * The check's findings and examined objects in namespace N depend only on the objects in N
       * (its Namespace object included) and on cluster-scoped kinds, so after a change in N it is
       * re-run on N's objects alone.
       */
      scope: 'namespace';
      /**
       * Namespaced kinds the check reads from every namespace (RoleBindings elsewhere can grant a
       * namespace's ServiceAccount). Namespace views keep them whole, and a change to one re-runs
       * the check on the whole cluster.
       */
      wholeKinds?: ResourceKey[];
      /**
       * Bindings (RoleBindings among wholeKinds, ClusterRoleBindings) matter to namespace N only
       * through the ServiceAccounts of N they name, directly or through the groups they are in
       * (what a workload's identity is granted). After a change to some bindings the check
       * re-runs on those ServiceAccounts' namespaces rather than whole.
       */
      bindingsBySubject?: true;
    }
  | {
      /**
       * Every finding and examined object is a binding (RoleBinding, ClusterRoleBinding), and a
       * binding's findings depend only on that binding, the roles and cluster-scoped facts (version,
       * CRDs), and, for each ServiceAccount it names, the workloads running as it
       * (`serviceAccountUse`). So after a change to some bindings, or to which workloads run as some
       * ServiceAccounts, it is re-run on those bindings alone (the bindings naming them):
       * lib/posture/incremental-bindings.ts.
       */
      scope: 'binding';
      wholeKinds?: never;
      bindingsBySubject?: never;
    };

/** A check as its file declares it. */
export type CheckDefinition = CheckFields & CheckScope;

export type Check = CheckDefinition & {
  /** The check's page in the catalogue (`/checks/<id>`), derived from its id by defineCheck. */
  docs: string;
};

/** Where the catalogue documents a check: the UI links it, SARIF carries it as helpUri. */
export function checkDocsPath(id: string): string {
  return `/checks/${id}`;
}

export function defineCheck(check: CheckDefinition): Check {
  return { ...check, docs: checkDocsPath(check.id) };
}

export function notAssessed(reason: string): NotAssessed {
  return { notAssessed: reason };
}

export function isNotAssessed(o: CheckOutcome): o is NotAssessed {
  return !Array.isArray(o);
}

export function ref(obj: { kind: string; apiVersion?: string; metadata: { name: string; namespace?: string } }): ResourceRef {
  return { kind: obj.kind, namespace: obj.metadata.namespace ?? null, name: obj.metadata.name, apiVersion: obj.apiVersion };
}

export type { Finding };

/** The lowest and highest severity a check's findings can carry. */
export function severityRangeOf(check: Pick<Check, 'severity' | 'severityRange'>): readonly [lowest: Severity, highest: Severity] {
  return check.severityRange ?? [check.severity, check.severity];
}
