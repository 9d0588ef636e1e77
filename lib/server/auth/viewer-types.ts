/** Who is looking: a Kubernetes user name and groups, as TokenReview or the proxy says. */
export interface Viewer {
  user: string;
  groups: string[];
}
