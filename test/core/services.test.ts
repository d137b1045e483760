// Service detection: aliases, multi-word names, misspellings via the speller, and the most specific service.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import { cleanSlack, tokenize } from '../../src/core/normalize.ts';
import { createServiceDetector } from '../../src/core/services.ts';
import type { Service } from '../../src/core/types.ts';
import { createSpeller } from '../../src/core/typo.ts';
import { miniKb, miniServices } from '../fixtures/kb-mini/kb.ts';

const extra: Service[] = [
  {
    id: 'config',
    name: 'AWS Config',
    short: 'Config',
    aliases: ['config', 'aws config'],
    category: 'abstracted',
  },
  { id: 'backup', name: 'AWS Backup', short: 'Backup', aliases: ['backup'], category: 'abstracted' },
];
const detector = createServiceDetector([...miniServices, ...extra]);
const speller = createSpeller([...detector.words, 'who', 'patches', 'the', 'nodes']);
const detect = (q: string): string | null =>
  detector.detect(tokenize(cleanSlack(q)).map((w) => speller(w)))?.id ?? null;

describe('service detection', () => {
  it.each([
    ['who patches the guest os on ec2?', 'ec2'],
    ['Elastic Compute Cloud instances', 'ec2'],
    ['who backs up dynamo db tables', 'dynamodb'],
    ['our lambdas', 'lambda'],
    ['who patches the OS under lambda functions', 'lambda'],
    ['EKS pods on Fargate', 'fargate'],
    ['our eks pods run on fargate, who patches the nodes', 'fargate'],
    ['RDS for MySQL upgrades', 'rds'],
    ['we run MySQL on EC2 ourselves', 'ec2'],
    ['moving our database from EC2 boxes to RDS', 'rds'],
    ['iam roles our ecs tasks assume', 'ecs'],
    ['in EKS, who patches the EC2 nodes', 'eks'],
    ['who patches lamda', 'lambda'],
    ['dynamodbb tables', 'dynamodb'],
    ['fargat tasks', 'fargate'],
    ['who owns configuration management', null],
    ['who takes backups', null],
    ['is AWS Config on us', 'config'],
    ['who patches the guest os', null],
  ])('%j → %s', (q, expected) => {
    expect(detect(q)).toBe(expected);
  });
});

describe('service applied to the answer', () => {
  const engine = createEngine(miniKb);
  it.each([
    ['who patches the guest os on my ec2 box', 'ec2', 'Customer'],
    ['who patches the guest os under our lambda functions', 'lambda', 'AWS'],
    ['guest os patching for eks pods on fargate', 'fargate', 'AWS'],
  ])('%j → %s, %s', (q, service, owner) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('answered');
    if (a.kind === 'answered') {
      expect(a.service?.id).toBe(service);
      expect(a.owner).toBe(owner);
    }
  });
});
