// Registries anyone can push to. Images from them are only as trustworthy as their publisher,
// and a typo-squatted name is one keystroke away.
export const PUBLIC_REGISTRIES: readonly string[] = [
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'ghcr.io',
  'quay.io',
  'public.ecr.aws',
  'gcr.io',
  'registry.gitlab.com',
  'docker.pkg.github.com',
];

/** Registries run by projects for their own releases: public, but not open to anyone's uploads. */
export const PROJECT_REGISTRIES: readonly string[] = ['registry.k8s.io', 'k8s.gcr.io', 'mcr.microsoft.com', 'gcr.io/distroless', 'cgr.dev'];

export function isPublicHub(registry: string): boolean {
  return PUBLIC_REGISTRIES.includes(registry.toLowerCase());
}
