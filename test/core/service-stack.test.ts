// serviceStack: the layer picture per category, the per-service exceptions, and exact service lookup.
import { describe, expect, it } from 'vitest';
import { findService, LAYERS, type LayerId, serviceStack } from '../../src/core/service-stack.ts';
import type { Owner, Service } from '../../src/core/types.ts';
import { miniServices } from '../fixtures/kb-mini/kb.ts';

const svc = (id: string, category: Service['category']): Service => ({
  id,
  name: id,
  short: id,
  aliases: [],
  category,
});
const owners = (service: Service): Record<LayerId, Owner> =>
  Object.fromEntries(serviceStack(service).map((l) => [l.id, l.owner])) as Record<LayerId, Owner>;

describe('serviceStack', () => {
  it('lists every layer, bottom first', () => {
    expect(serviceStack(svc('ec2', 'infrastructure')).map((l) => l.id)).toEqual(LAYERS.map((l) => l.id));
  });

  it.each<[string, Service['category'], Partial<Record<LayerId, Owner>>]>([
    [
      'ec2',
      'infrastructure',
      { physical: 'AWS', network: 'Shared', 'host-os': 'AWS', 'guest-os': 'Customer', platform: 'Customer' },
    ],
    ['rds', 'container', { 'guest-os': 'AWS', platform: 'AWS', application: 'Customer', network: 'Shared' }],
    ['s3', 'abstracted', { network: 'AWS', 'guest-os': 'AWS', platform: 'AWS', application: 'Customer' }],
    ['ecs', 'container', { 'guest-os': 'Customer' }],
    ['eks', 'container', { 'guest-os': 'Shared', platform: 'Shared' }],
    ['fargate', 'container', { 'guest-os': 'AWS', platform: 'Shared' }],
    ['lambda', 'abstracted', { 'guest-os': 'AWS', platform: 'Shared', application: 'Customer' }],
    ['elastic-beanstalk', 'container', { 'guest-os': 'Shared' }],
  ])('%s (%s)', (id, category, expected) => {
    expect(owners(svc(id, category))).toMatchObject(expected);
  });

  it('leaves IAM and data with the customer on every service', () => {
    for (const category of ['infrastructure', 'container', 'abstracted'] as const) {
      expect(owners(svc('x', category))).toMatchObject({
        iam: 'Customer',
        data: 'Customer',
        physical: 'AWS',
        hypervisor: 'AWS',
      });
    }
  });

  it('explains every layer the customer touches', () => {
    for (const layer of serviceStack(svc('ec2', 'infrastructure')).filter((l) => l.owner === 'Shared')) {
      expect(layer.note).toBeTruthy();
    }
  });
});

describe('findService', () => {
  it.each([
    ['rds', 'rds'],
    ['RDS', 'rds'],
    ['  Lambda ', 'lambda'],
    ['Amazon EC2', 'ec2'],
    ['elastic compute cloud', 'ec2'],
    ['dynamo db', 'dynamodb'],
  ])('finds %j', (text, id) => {
    expect(findService(miniServices, text)?.id).toBe(id);
  });

  it.each(['', 'who patches rds', 'help', 'rds?'])('does not treat %j as a service', (text) => {
    expect(findService(miniServices, text)).toBeNull();
  });
});
