// What a pushed cluster may be called and labelled: DNS-label-like names (they appear in URLs,
// keys and logs), a few short labels to filter by, group names for who may see it.
import { z } from 'zod';

export const clusterName = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?$/, 'a cluster name is 1–63 lowercase letters, digits, dots or dashes, starting and ending with a letter or digit');
export const clusterLabels = z
  .record(z.string().regex(/^[a-z0-9]([a-z0-9_.-]{0,61}[a-z0-9])?$/, 'a label key is like a Kubernetes label name'), z.string().max(63).regex(/^[\w.-]*$/, 'a label value is like a Kubernetes label value'))
  .refine((l) => Object.keys(l).length <= 16, 'at most 16 labels');
export const clusterGroups = z.array(z.string().min(1).max(253)).max(32);

/** The key every stored row of a pushed cluster carries. */
export const fleetKey = (name: string) => `fleet:${name}`;
