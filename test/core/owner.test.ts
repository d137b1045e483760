// Owner resolution: service override beats category override beats default; no default and no service → breakdown.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import { breakdownFor, resolveOwner } from '../../src/core/owner.ts';
import type { Service, Topic } from '../../src/core/types.ts';
import { miniKb, miniServices } from '../fixtures/kb-mini/kb.ts';

const byId = new Map(miniServices.map((s) => [s.id, s]));
const service = (id: string): Service => byId.get(id) as Service;
const base: Topic = {
  id: 't',
  area: 'Test',
  title: 'T',
  phrasings: ['t'],
  keywords: [],
  services: { fargate: { owner: 'AWS', rationale: 'Fargate runs the host.' } },
  categories: { container: { owner: 'Shared' }, abstracted: { owner: 'AWS' } },
  owner: 'Customer',
  rationale: 'Default.',
  source: 'https://aws.amazon.com/x',
  reviewed: '2025-01-01',
  quiz: false,
};

describe('resolveOwner', () => {
  it.each([
    ['fargate', 'AWS', 'Fargate runs the host.'],
    ['ecs', 'Shared', 'Default.'],
    ['lambda', 'AWS', 'Default.'],
    ['ec2', 'Customer', 'Default.'],
    [null, 'Customer', 'Default.'],
  ])('service %s → %s', (id, owner, rationale) => {
    expect(resolveOwner(base, id ? service(id) : null)).toEqual({ owner, rationale });
  });

  it('returns null when there is no default and no applicable override', () => {
    const noDefault = { ...base, owner: undefined };
    expect(resolveOwner(noDefault, null)).toBeNull();
    expect(resolveOwner(noDefault, service('ec2'))).toBeNull();
    expect(resolveOwner(noDefault, service('ecs'))?.owner).toBe('Shared');
  });
});

describe('breakdownFor', () => {
  it('lists services by short name, then categories', () => {
    expect(breakdownFor({ ...base, owner: undefined }, byId)).toEqual([
      { service: 'Fargate', owner: 'AWS' },
      { service: 'container services', owner: 'Shared' },
      { service: 'abstracted services', owner: 'AWS' },
    ]);
  });
});

describe('engine: depends vs default', () => {
  const engine = createEngine(miniKb);
  it('gives a breakdown when the owner depends on a service that was not named', () => {
    const a = engine.ask('who takes backups of my data?');
    expect(a.kind).toBe('depends');
    if (a.kind === 'depends') expect(a.breakdown.map((r) => r.service)).toContain('RDS');
  });
  it('gives the owner once the service is named', () => {
    const a = engine.answerTopic('backups', 'rds');
    expect(a.kind === 'answered' && a.owner).toBe('AWS');
  });
  it('answers a topic with a default owner without a service', () => {
    const a = engine.ask('who configures security groups?');
    expect(a.kind === 'answered' && a.owner).toBe('Customer');
  });
  it('follows up on the thread topic when only a service is named', () => {
    const a = engine.ask('and on lambda?', { topicId: 'guest-os-patching' });
    expect(a.kind === 'answered' && a.owner).toBe('AWS');
  });
  it('answers unknown topic ids with unsure', () => {
    expect(engine.answerTopic('nope').kind).toBe('unsure');
  });
});
