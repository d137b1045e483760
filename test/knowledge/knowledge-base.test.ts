// The real knowledge base: it loads cleanly, covers enough ground, and every topic is sourced and well formed.
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { AWS_SOURCE_HOST } from '../../src/knowledge/schema.ts';

function loadReal(): KnowledgeBase {
  const result = loadKnowledge(undefined);
  if (!result.ok)
    throw new Error(`knowledge base has problems:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.kb;
}

const kb = loadReal();
const byId = new Map(kb.topics.map((t) => [t.id, t]));

describe('the real knowledge base', () => {
  it('loads with zero problems and at least 70 topics', () => {
    expect(kb.topics.length).toBeGreaterThanOrEqual(70);
  });

  it('cites an https AWS page for every topic', () => {
    const offenders = kb.topics.filter((t) => {
      const url = new URL(t.source);
      return url.protocol !== 'https:' || !AWS_SOURCE_HOST.test(url.hostname);
    });
    expect(offenders.map((t) => t.id)).toEqual([]);
  });

  it('gives every Shared topic a split', () => {
    const shared = kb.topics.filter((t) => t.owner === 'Shared');
    expect(shared.length).toBeGreaterThan(5);
    expect(shared.filter((t) => !t.split).map((t) => t.id)).toEqual([]);
  });

  it('knows the services the issue names, by their common aliases', () => {
    const alias = new Map(kb.services.flatMap((s) => s.aliases.map((a) => [a, s.id] as const)));
    for (const [name, id] of [
      ['ec2', 'ec2'],
      ['ebs', 'ebs'],
      ['vpc', 'vpc'],
      ['rds', 'rds'],
      ['aurora', 'aurora'],
      ['dyanmodb', 'dynamodb'],
      ['s3', 's3'],
      ['lambda', 'lambda'],
      ['ecs', 'ecs'],
      ['eks', 'eks'],
      ['fargate', 'fargate'],
      ['beanstalk', 'elastic-beanstalk'],
      ['iam', 'iam'],
      ['kms', 'kms'],
      ['cloud trail', 'cloudtrail'],
    ]) {
      expect(alias.get(name as string), name).toBe(id);
    }
  });

  it('keeps generic words out of the service aliases', () => {
    const aliases = new Set(kb.services.flatMap((s) => s.aliases));
    for (const word of [
      'instance',
      'instances',
      'database',
      'bucket',
      'server',
      'function',
      'key',
      'kubernetes',
    ]) {
      expect(aliases.has(word), word).toBe(false);
    }
  });

  // Spot checks of the subtle cases in the research doc: the owner a named service gets for a task.
  it.each([
    ['guest-os-patching', 'ec2', 'Customer'],
    ['guest-os-patching', 'rds', 'AWS'],
    ['guest-os-patching', 'lambda', 'AWS'],
    ['guest-os-patching', 'fargate', 'AWS'],
    ['guest-os-patching', 'ecs', 'Customer'],
    ['guest-os-patching', 'elastic-beanstalk', 'Shared'],
    ['db-engine-patching', 'ec2', 'Customer'],
    ['db-engine-patching', 'rds', 'AWS'],
    ['host-firewall', 'ec2', 'Customer'],
    ['host-firewall', 'dynamodb', 'AWS'],
    ['worker-node-os', 'eks', 'Customer'],
    ['worker-node-os', 'fargate', 'AWS'],
    ['backups', 'rds', 'AWS'],
    ['backups', 'ebs', 'Customer'],
    ['runtime-patching', 'lambda', 'AWS'],
  ])('%s on %s is %s', (topicId, serviceId, owner) => {
    expect(byId.get(topicId)?.services[serviceId]?.owner).toBe(owner);
  });

  it.each([
    ['patch-management', 'Shared'],
    ['configuration-management', 'Shared'],
    ['awareness-training', 'Shared'],
    ['staff-training', 'Customer'],
    ['managed-db-patch-management', 'Shared'],
    ['maintenance-window', 'Customer'],
    ['cloudtrail-event-history', 'AWS'],
    ['cloudtrail-trails', 'Customer'],
    ['sse-s3-keys', 'AWS'],
    ['s3-encryption-choice', 'Customer'],
    ['lambda-runtime-manual', 'Customer'],
    ['eks-control-plane', 'AWS'],
    ['resiliency-overall', 'Shared'],
    ['inherited-controls', 'AWS'],
    ['guest-os-patching', undefined],
  ])('%s defaults to %s', (topicId, owner) => {
    expect(byId.has(topicId)).toBe(true);
    expect(byId.get(topicId)?.owner).toBe(owner);
  });
});
