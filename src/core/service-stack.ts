// A service's responsibility stack, layer by layer (physical → data), each owned by AWS, the Customer or Shared.
import type { Owner, Service, ServiceCategory } from './types.ts';

export type LayerId =
  | 'physical'
  | 'network'
  | 'hypervisor'
  | 'host-os'
  | 'guest-os'
  | 'platform'
  | 'application'
  | 'iam'
  | 'data';

export interface Layer {
  id: LayerId;
  label: string;
}

/** Bottom of the stack first: the order of the AWS diagram read from the ground up. */
export const LAYERS: readonly Layer[] = [
  { id: 'physical', label: 'Physical: data centres, hardware' },
  { id: 'network', label: 'Network' },
  { id: 'hypervisor', label: 'Hypervisor / virtualisation' },
  { id: 'host-os', label: 'Host operating system' },
  { id: 'guest-os', label: 'Guest operating system' },
  { id: 'platform', label: 'Platform / runtime' },
  { id: 'application', label: 'Application' },
  { id: 'iam', label: 'Identity and access (IAM)' },
  { id: 'data', label: 'Customer data' },
];

export interface StackLayer extends Layer {
  owner: Owner;
  /** Who does what at this layer, when the owner alone would mislead. */
  note?: string;
}

type Rule = { owner: Owner; note?: string };
type Rules = Record<LayerId, Rule>;

const AWS: Rule = { owner: 'AWS' };
const IAM: Rule = { owner: 'Customer', note: 'Who may do what: users, roles, policies, MFA.' };

/** The seeds' picture: the more managed the service, the higher AWS's line goes; IAM and data stay yours. */
const BY_CATEGORY: Record<ServiceCategory, Rules> = {
  infrastructure: {
    physical: AWS,
    network: {
      owner: 'Shared',
      note: 'AWS runs the network; you configure VPCs, security groups and NACLs.',
    },
    hypervisor: AWS,
    'host-os': AWS,
    'guest-os': { owner: 'Customer', note: 'You patch and harden the OS on your instances.' },
    platform: { owner: 'Customer', note: 'Anything you install: web servers, databases, runtimes.' },
    application: { owner: 'Customer' },
    iam: IAM,
    data: { owner: 'Customer', note: 'Classification, encryption at rest and in transit, backups.' },
  },
  container: {
    physical: AWS,
    network: {
      owner: 'Shared',
      note: 'AWS runs the network; you set subnets, security groups, public access.',
    },
    hypervisor: AWS,
    'host-os': AWS,
    'guest-os': { owner: 'AWS', note: 'AWS patches the OS under the managed service.' },
    platform: { owner: 'AWS', note: 'AWS patches the engine; you choose versions and maintenance windows.' },
    application: { owner: 'Customer', note: 'Your schemas, queries, jobs and how clients connect.' },
    iam: IAM,
    data: { owner: 'Customer', note: 'Turning on encryption, backups and retention, and who can read it.' },
  },
  abstracted: {
    physical: AWS,
    network: { owner: 'AWS', note: 'You reach a public endpoint; endpoint policies are yours.' },
    hypervisor: AWS,
    'host-os': AWS,
    'guest-os': AWS,
    platform: AWS,
    application: { owner: 'Customer', note: 'How your code uses the service.' },
    iam: { owner: 'Customer', note: 'Resource and identity policies, e.g. bucket policies.' },
    data: {
      owner: 'Customer',
      note: 'Classification, client-side encryption, key choice; AWS encrypts server-side.',
    },
  },
};

/** Where a service differs from its category: launch types on EC2, customer-built images, runtimes. */
const BY_SERVICE: Record<string, Partial<Rules>> = {
  ecs: {
    'guest-os': { owner: 'Customer', note: 'EC2 launch type: you patch container instances (Fargate: AWS).' },
  },
  batch: {
    'guest-os': { owner: 'Customer', note: 'EC2 compute environments are yours to patch (Fargate: AWS).' },
  },
  eks: {
    'guest-os': { owner: 'Shared', note: 'AWS publishes node AMIs; you roll worker nodes onto them.' },
    platform: {
      owner: 'Shared',
      note: 'AWS runs the control plane; you upgrade Kubernetes versions and add-ons.',
    },
  },
  fargate: {
    platform: { owner: 'Shared', note: 'AWS runs the host; the container image and its packages are yours.' },
  },
  'app-runner': {
    platform: { owner: 'Shared', note: 'AWS runs the service; your image or runtime config is yours.' },
  },
  lambda: {
    platform: { owner: 'Shared', note: 'AWS patches managed runtimes; you move off deprecated ones.' },
    application: { owner: 'Customer', note: 'Your function code and its dependencies.' },
  },
  'elastic-beanstalk': {
    'guest-os': {
      owner: 'Shared',
      note: 'AWS ships platform updates; you enable managed updates or apply them.',
    },
    platform: { owner: 'Shared', note: 'You choose the platform version and when to move.' },
  },
  emr: { 'guest-os': { owner: 'Shared', note: 'AWS ships EMR release AMIs; you move clusters onto them.' } },
};

/** The service's stack, bottom layer first. */
export function serviceStack(service: Service): StackLayer[] {
  const rules = { ...BY_CATEGORY[service.category], ...BY_SERVICE[service.id] };
  return LAYERS.map((layer) => ({ ...layer, ...rules[layer.id] }));
}

/** The service a short command argument names exactly (`rds`, `Amazon RDS`, `aurora mysql`), else null. */
export function findService(services: readonly Service[], text: string): Service | null {
  const wanted = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (wanted === '') return null;
  return (
    services.find(
      (s) =>
        s.id === wanted ||
        s.short.toLowerCase() === wanted ||
        s.name.toLowerCase() === wanted ||
        s.aliases.includes(wanted),
    ) ?? null
  );
}
