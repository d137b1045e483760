// Generalisation check: our own paraphrases (not in dev.jsonl, not in knowledge/) against the real knowledge base.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import type { Owner } from '../../src/core/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error('knowledge/ does not load');
const engine = createEngine(loaded.kb);

const ONTOPIC: Array<[string, Owner]> = [
  ['who looks after the security guards at amazon facilities', 'AWS'],
  ['when a hard drive in an aws facility reaches end of life, who wipes and shreds it?', 'AWS'],
  ['is the virtualization layer under our instances our concern?', 'AWS'],
  ['who keeps one tenant on a physical host from snooping on another?', 'AWS'],
  ['who runs the backbone network that links aws regions', 'AWS'],
  ['do we patch the host OS that our ec2 vms sit on', 'AWS'],
  ['our ubuntu ec2 fleet needs the latest kernel security fixes - who installs them?', 'Customer'],
  ['for amazon rds, who applies operating system patches to the db hosts?', 'AWS'],
  ['who patches the underlying servers for our dynamodb tables', 'AWS'],
  ['we run postgres by hand on an ec2 vm; who upgrades the postgres version?', 'Customer'],
  ['who fixes bugs in the code of the web app we ship', 'Customer'],
  ['who is accountable for IAM policies and group membership in our account', 'Customer'],
  ['enforcing mfa on the account root login - on us?', 'Customer'],
  ['who rotates our IAM users access keys', 'Customer'],
  ['inbound rules on a security group, whose job?', 'Customer'],
  ['who designs our vpc subnets and routing', 'Customer'],
  ['who encrypts the data on our ebs disks', 'Customer'],
  ['who has to set up tls between our microservices', 'Customer'],
  ['who labels which of our data is sensitive', 'Customer'],
  ['who writes the bucket policy for our s3 buckets', 'Customer'],
  ['who decides whether to enable cloudtrail trails', 'Customer'],
  ['kubernetes control plane on EKS, who runs it', 'AWS'],
  ['patch managment as a control - whose?', 'Shared'],
  ['configuration mgmt under the srm', 'Shared'],
  ['security training and awareness - aws or customer?', 'Shared'],
  ['who handles security of the cloud itself', 'AWS'],
  ['which side owns security in the cloud', 'Customer'],
  ['who gets aws audited for iso 27001', 'AWS'],
  ['who decides the retention period for rds automated backups', 'Customer'],
  ['who snapshots our ebs volumes', 'Customer'],
  ['who picks the maintenance window on our rds instance', 'Customer'],
  ['who builds the patches for the rds database engine', 'AWS'],
  ['whose responsibility is the iptables firewall on our ec2 servers', 'Customer'],
  ['is rotating the aws managed kms keys something we do', 'AWS'],
  ['who has to turn on guardduty', 'Customer'],
  ['hypervsior patching?', 'AWS'],
  ['who patchs the ec2 gest os', 'Customer'],
  ['root acct mfa?', 'Customer'],
];

const OFFTOPIC: string[] = [
  'who patches my work laptop?',
  'how much does a t3.micro cost per hour',
  'is lambda down in us-west-2 right now',
  'in google cloud who handles the hypervisor',
  'how do I create an s3 bucket with the cli',
  'which team owns the billing dashboard',
  'what is the best pizza topping',
  'whose turn is it to do the dishes?',
  'so who does it?',
  'is that us?',
  'my android phone needs a security update, who does that',
  'who should I ask about my paycheck',
];

describe('paraphrases (our own wording)', () => {
  const results = ONTOPIC.map(([q, owner]) => {
    const a = engine.ask(q);
    const got = a.kind === 'answered' ? a.owner : a.kind;
    return { q, owner, got, topic: a.kind === 'unsure' ? null : a.topic.id };
  });
  const misses = JSON.stringify(
    results.filter((r) => r.got !== r.owner),
    null,
    1,
  );

  it('answers at least 90% of them with the right owner', () => {
    const right = results.filter((r) => r.got === r.owner).length;
    expect(right / results.length, misses).toBeGreaterThanOrEqual(0.9);
  });
  it('never names a wrong owner (a miss must be an honest "not sure")', () => {
    const wrong = results.filter((r) => r.got !== r.owner && r.got !== 'unsure' && r.got !== 'depends');
    expect(wrong, misses).toEqual([]);
  });
  it.each(OFFTOPIC)('%j → not answered', (q) => {
    expect(engine.ask(q).kind).toBe('unsure');
  });
});
