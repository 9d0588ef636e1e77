// The cluster's Kubernetes version as the API server or an image tag gives it (v1.29.3,
// v1.29.3-eks-4f4795d, v1.29.3+k3s1), compared by major.minor.patch alone.
import { coerce, lt } from 'semver';

/** True only when the version is known and below `minor` (e.g. '1.25'); unknown is not older. */
export function olderThan(version: string | null, minor: string): boolean {
  const v = version ? coerce(version) : null;
  const bound = coerce(minor);
  return v !== null && bound !== null && lt(v, bound);
}
