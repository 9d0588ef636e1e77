// Well-known system components whose findings on some checks are by design: a CNI agent needs the
// host's network and privileges, a control-plane static pod mounts the host's certificates.
// An entry matches only on namespace, owner kind and every container's image repository together
// (lib/posture/triage/catalogue.ts): a pod merely named kube-proxy is never excused.
// `source` is the upstream manifest or documentation the entry was written from; `recorded` is
// the date the entry was written against it. Image patterns: `*` stands for one path segment's
// characters (account ids, regions), the tag and digest are ignored.

/** Checks a node agent needs to fail: it runs on the host's network, files or devices on purpose. */
const HOST_AGENT = [
  'pod-security.pss.privileged',
  'pod-security.pss.host-namespaces',
  'pod-security.pss.host-path-volumes',
  'pod-security.pss.host-ports',
  'pod-security.pss.capabilities-baseline',
  'pod-security.pss.capabilities-restricted',
  'pod-security.pss.allow-privilege-escalation',
  'pod-security.pss.run-as-non-root',
  'pod-security.pss.run-as-user',
  'pod-security.pss.restricted-volumes',
  'pod-security.pss.seccomp-restricted',
  'pod-security.pss.host-probes-and-lifecycle',
  'host-security.pod-reaches-host',
] as const;

/** A read-only node agent (metrics, logs): host paths and host network, no privilege needed. */
const HOST_READER = [
  'pod-security.pss.host-namespaces',
  'pod-security.pss.host-path-volumes',
  'pod-security.pss.host-ports',
  'pod-security.pss.restricted-volumes',
  'pod-security.pss.run-as-non-root',
  'pod-security.pss.run-as-user',
  'host-security.pod-reaches-host',
] as const;

/** kubeadm's static pods: hostNetwork and host paths for certificates and data, run as root. */
const CONTROL_PLANE = [
  'pod-security.pss.host-namespaces',
  'pod-security.pss.host-path-volumes',
  'pod-security.pss.restricted-volumes',
  'pod-security.pss.run-as-non-root',
  'pod-security.pss.run-as-user',
  'pod-security.pss.capabilities-restricted',
  'pod-security.pss.allow-privilege-escalation',
  'pod-security.pss.host-probes-and-lifecycle',
  'host-security.pod-reaches-host',
] as const;

export interface SystemComponent {
  id: string;
  name: string;
  namespaces: readonly string[];
  /** The top-level owner: DaemonSet, Deployment, or Node for a static (mirror) pod. */
  ownerKinds: readonly string[];
  /** Image repositories every container (init containers too) must come from. */
  images: readonly string[];
  /** Checks whose findings are by design for this component; any other check stays open. */
  expectedChecks: readonly string[];
  reason: string;
  source: string;
  recorded: string;
  /**
   * What was checked of `source` (2026-12-02, against a stored index of public repositories):
   * 'file-found': the repository holds a file at that path (its content at the cited tag was
   * not compared); 'unverified': not found there (a release asset, a documentation anchor).
   */
  sourceChecked: 'file-found' | 'unverified';
}

const RECORDED = '2026-12-02';

export const SYSTEM_COMPONENTS: readonly SystemComponent[] = [
  {
    id: 'calico-node',
    name: 'Calico node agent (CNI)',
    namespaces: ['kube-system', 'calico-system'],
    ownerKinds: ['DaemonSet'],
    images: ['docker.io/calico/node', 'docker.io/calico/cni', 'quay.io/calico/node', 'quay.io/calico/cni', 'docker.io/calico/pod2daemon-flexvol', 'quay.io/calico/pod2daemon-flexvol', 'docker.io/calico/csi', 'docker.io/calico/node-driver-registrar'],
    expectedChecks: HOST_AGENT,
    reason: 'A CNI agent programs the node network: it runs privileged on the host network and installs the CNI plugin through host paths.',
    source: 'https://raw.githubusercontent.com/projectcalico/calico/v3.28.2/manifests/calico.yaml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'cilium-agent',
    name: 'Cilium agent (CNI)',
    namespaces: ['kube-system', 'cilium'],
    ownerKinds: ['DaemonSet'],
    images: ['quay.io/cilium/cilium'],
    expectedChecks: HOST_AGENT,
    reason: 'The Cilium agent loads eBPF programs and manages node networking: host network, host paths and extra capabilities are required.',
    source: 'https://github.com/cilium/cilium/blob/v1.16.0/install/kubernetes/cilium/templates/cilium-agent/daemonset.yaml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'flannel',
    name: 'Flannel (CNI)',
    namespaces: ['kube-flannel', 'kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['docker.io/flannel/flannel', 'docker.io/flannel/flannel-cni-plugin', 'ghcr.io/flannel-io/flannel', 'ghcr.io/flannel-io/flannel-cni-plugin', 'quay.io/coreos/flannel'],
    expectedChecks: HOST_AGENT,
    reason: 'Flannel configures the node network: it runs on the host network with NET_ADMIN/NET_RAW and writes CNI configuration to host paths.',
    source: 'https://github.com/flannel-io/flannel/blob/v0.25.6/Documentation/kube-flannel.yml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'weave-net',
    name: 'Weave Net (CNI)',
    namespaces: ['kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['docker.io/weaveworks/weave-kube', 'docker.io/weaveworks/weave-npc', 'ghcr.io/weaveworks/launcher/weave-kube', 'ghcr.io/weaveworks/launcher/weave-npc'],
    expectedChecks: HOST_AGENT,
    reason: 'Weave Net runs privileged on the host network and host PID namespace to build the overlay network.',
    source: 'https://github.com/weaveworks/weave/releases/download/v2.8.1/weave-daemonset-k8s.yaml',
    recorded: RECORDED,
    sourceChecked: 'unverified',
  },
  {
    id: 'kindnet',
    name: 'kindnet (kind CNI)',
    namespaces: ['kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['docker.io/kindest/kindnetd'],
    expectedChecks: HOST_AGENT,
    reason: "kind's CNI agent runs on the host network with NET_RAW/NET_ADMIN and writes CNI configuration to the node.",
    source: 'https://github.com/kubernetes-sigs/kind/blob/v0.24.0/pkg/build/nodeimage/const_cni.go',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'aws-node',
    name: 'Amazon VPC CNI (aws-node)',
    namespaces: ['kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['*.dkr.ecr.*.amazonaws.com/amazon-k8s-cni', '*.dkr.ecr.*.amazonaws.com/amazon-k8s-cni-init', '*.dkr.ecr.*.amazonaws.com/amazon/aws-network-policy-agent', 'public.ecr.aws/eks/amazon-k8s-cni', 'public.ecr.aws/eks/amazon-k8s-cni-init'],
    expectedChecks: HOST_AGENT,
    reason: 'The VPC CNI attaches ENIs and programs routes on the node: host network, NET_ADMIN and host paths are required.',
    source: 'https://github.com/aws/amazon-vpc-cni-k8s/blob/v1.18.3/config/master/aws-k8s-cni.yaml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'azure-cni',
    name: 'Azure CNI (azure-cns, azure-npm)',
    namespaces: ['kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['mcr.microsoft.com/containernetworking/azure-cns', 'mcr.microsoft.com/containernetworking/azure-npm', 'mcr.microsoft.com/containernetworking/azure-cni', 'mcr.microsoft.com/containernetworking/cni-dropgz'],
    expectedChecks: HOST_AGENT,
    reason: "Azure CNI's node services manage pod IPs and network policy on the host: host network and host paths are required.",
    source: 'https://github.com/Azure/azure-container-networking/blob/master/cns/azure-cns.yaml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'antrea-agent',
    name: 'Antrea agent (CNI)',
    namespaces: ['kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['docker.io/antrea/antrea-agent-ubuntu', 'docker.io/antrea/antrea-ubuntu', 'projects.registry.vmware.com/antrea/antrea-ubuntu'],
    expectedChecks: HOST_AGENT,
    reason: 'The Antrea agent runs Open vSwitch on the node: privileged, host network and host paths are required.',
    source: 'https://github.com/antrea-io/antrea/blob/v2.1.0/build/yamls/antrea.yml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'kube-proxy',
    name: 'kube-proxy',
    namespaces: ['kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['registry.k8s.io/kube-proxy', 'k8s.gcr.io/kube-proxy', '*.dkr.ecr.*.amazonaws.com/eks/kube-proxy', 'mcr.microsoft.com/oss/kubernetes/kube-proxy', 'gke.gcr.io/kube-proxy-amd64'],
    expectedChecks: HOST_AGENT,
    reason: 'kube-proxy programs iptables/IPVS rules on every node: it runs privileged on the host network and reads host paths.',
    source: 'https://github.com/kubernetes/kubernetes/blob/v1.31.0/cmd/kubeadm/app/phases/addons/proxy/manifests.go',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  ...(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'] as const).map(
    (c): SystemComponent => ({
      id: c,
      name: `${c} (control-plane static pod)`,
      namespaces: ['kube-system'],
      ownerKinds: ['Node'],
      images: [`registry.k8s.io/${c}`, `k8s.gcr.io/${c}`],
      expectedChecks: CONTROL_PLANE,
      reason: 'A kubeadm control-plane static pod runs on the host network and mounts certificates, configuration (and for etcd its data) from the host.',
      source: 'https://kubernetes.io/docs/reference/setup-tools/kubeadm/implementation-details/#generate-static-pod-manifests-for-control-plane-components',
      recorded: RECORDED,
      sourceChecked: 'unverified',
    }),
  ),
  {
    id: 'aws-ebs-csi-node',
    name: 'Amazon EBS CSI node plugin',
    namespaces: ['kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver', '*.dkr.ecr.*.amazonaws.com/eks/aws-ebs-csi-driver', ...csiSidecars('public.ecr.aws/eks-distro/kubernetes-csi'), ...csiSidecars('registry.k8s.io/sig-storage'), ...csiSidecars('*.dkr.ecr.*.amazonaws.com/eks/')],
    expectedChecks: HOST_AGENT,
    reason: 'A CSI node plugin mounts volumes into pods on the node: privileged with bidirectional host-path mounts.',
    source: 'https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/v1.35.0/deploy/kubernetes/base/node.yaml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'aws-efs-csi-node',
    name: 'Amazon EFS CSI node plugin',
    namespaces: ['kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['public.ecr.aws/efs-csi-driver/amazon/aws-efs-csi-driver', 'docker.io/amazon/aws-efs-csi-driver', ...csiSidecars('public.ecr.aws/eks-distro/kubernetes-csi'), ...csiSidecars('registry.k8s.io/sig-storage')],
    expectedChecks: HOST_AGENT,
    reason: 'A CSI node plugin mounts volumes into pods on the node: privileged, host network and host-path mounts.',
    source: 'https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/v2.0.7/deploy/kubernetes/base/node-daemonset.yaml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'azuredisk-csi-node',
    name: 'Azure Disk CSI node plugin',
    namespaces: ['kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['mcr.microsoft.com/oss/kubernetes-csi/azuredisk-csi', ...csiSidecars('mcr.microsoft.com/oss/kubernetes-csi')],
    expectedChecks: HOST_AGENT,
    reason: 'A CSI node plugin mounts volumes into pods on the node: privileged, host network and host-path mounts.',
    source: 'https://github.com/kubernetes-sigs/azuredisk-csi-driver/blob/master/deploy/csi-azuredisk-node.yaml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'gce-pd-csi-node',
    name: 'GCE Persistent Disk CSI node plugin',
    namespaces: ['kube-system', 'gce-pd-csi-driver'],
    ownerKinds: ['DaemonSet'],
    images: ['registry.k8s.io/cloud-provider-gcp/gcp-compute-persistent-disk-csi-driver', 'gke.gcr.io/gcp-compute-persistent-disk-csi-driver', ...csiSidecars('registry.k8s.io/sig-storage'), ...csiSidecars('gke.gcr.io')],
    expectedChecks: HOST_AGENT,
    reason: 'A CSI node plugin mounts volumes into pods on the node: privileged with host-path mounts.',
    source: 'https://github.com/kubernetes-sigs/gcp-compute-persistent-disk-csi-driver/blob/master/deploy/kubernetes/base/node_linux/node.yaml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'node-exporter',
    name: 'Prometheus node-exporter',
    namespaces: ['monitoring', 'prometheus', 'kube-prometheus-stack', 'observability', 'kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['quay.io/prometheus/node-exporter', 'docker.io/prom/node-exporter', 'quay.io/brancz/kube-rbac-proxy'],
    expectedChecks: HOST_READER,
    reason: "node-exporter reports the node's metrics: it reads /proc, /sys and / from the host and shares its network and PID namespaces.",
    source: 'https://github.com/prometheus-community/helm-charts/blob/main/charts/prometheus-node-exporter/templates/daemonset.yaml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'fluent-bit',
    name: 'Fluent Bit log agent',
    namespaces: ['logging', 'fluent-bit', 'kube-system', 'amazon-cloudwatch', 'observability'],
    ownerKinds: ['DaemonSet'],
    images: ['cr.fluentbit.io/fluent/fluent-bit', 'docker.io/fluent/fluent-bit', 'public.ecr.aws/aws-observability/aws-for-fluent-bit'],
    expectedChecks: HOST_READER,
    reason: "A node log agent tails container logs from the node's /var/log through host paths.",
    source: 'https://github.com/fluent/helm-charts/blob/main/charts/fluent-bit/templates/daemonset.yaml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'datadog-agent',
    name: 'Datadog node agent',
    namespaces: ['datadog', 'monitoring', 'kube-system'],
    ownerKinds: ['DaemonSet'],
    images: ['gcr.io/datadoghq/agent', 'docker.io/datadog/agent', 'public.ecr.aws/datadog/agent', 'gcr.io/datadoghq/cluster-agent'],
    expectedChecks: HOST_READER,
    reason: "The Datadog agent collects node metrics and logs: it reads the container runtime socket, /proc and logs through host paths.",
    source: 'https://github.com/DataDog/helm-charts/blob/main/charts/datadog/templates/daemonset.yaml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
  {
    id: 'nvidia-device-plugin',
    name: 'NVIDIA device plugin',
    namespaces: ['kube-system', 'nvidia-device-plugin', 'gpu-operator'],
    ownerKinds: ['DaemonSet'],
    images: ['nvcr.io/nvidia/k8s-device-plugin'],
    expectedChecks: ['pod-security.pss.host-path-volumes', 'pod-security.pss.restricted-volumes', 'pod-security.pss.run-as-non-root', 'pod-security.pss.run-as-user', 'pod-security.pss.privileged', 'host-security.pod-reaches-host'],
    reason: "A device plugin registers GPUs with the kubelet through the kubelet's device-plugin socket directory on the host.",
    source: 'https://github.com/NVIDIA/k8s-device-plugin/blob/v0.16.2/deployments/static/nvidia-device-plugin.yml',
    recorded: RECORDED,
    sourceChecked: 'file-found',
  },
];

/** The usual kubernetes-csi sidecars under a registry prefix (node-driver-registrar, liveness probe). */
function csiSidecars(prefix: string): string[] {
  const p = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return [`${p}csi-node-driver-registrar`, `${p}livenessprobe`];
}
