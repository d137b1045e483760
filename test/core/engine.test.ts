// Engine behaviour on each class of hard question, against the small fixture knowledge base.
import { describe, expect, it } from 'vitest';
import { CONFIDENCE_THRESHOLD, createEngine } from '../../src/core/engine.ts';
import type { Answer } from '../../src/core/types.ts';
import { miniKb } from '../fixtures/kb-mini/kb.ts';

const engine = createEngine(miniKb);
const topicOf = (a: Answer): string | null => (a.kind === 'unsure' ? null : a.topic.id);

describe('answers each class of hard question', () => {
  it.each([
    // typos
    ['secuirty grops?', 'security-groups'],
    ['who secrues the hypervsior', 'hypervisor'],
    ['who gaurds the datacentre', 'physical-security'],
    // one or two words
    ['root user?', 'root-user'],
    ['kms keys?', 'kms-customer-keys'],
    ['patch mgmt?', 'patch-management'],
    ['etcd?', 'eks-control-plane'],
    // casual phrasing and slang
    ['yo who babysits the sg rules on our boxes', 'security-groups'],
    ['is locking down the root account on us lol', 'root-user'],
    // control level
    ['where does change control sit?', 'configuration-management'],
    // Slack markup around a real question
    ['<@U1> <!here> who configures &lt;security groups&gt;?', 'security-groups'],
  ])('%j → %s', (q, topic) => {
    const a = engine.ask(q);
    expect(a.kind, JSON.stringify(a)).not.toBe('unsure');
    expect(topicOf(a)).toBe(topic);
    expect(a.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });
});

describe('declines what it should not answer', () => {
  it.each([
    // no subject
    ['whose job is it?', 'no-match'],
    ['us or them?', 'no-match'],
    ['ok but who does that', 'no-match'],
    ['who is responsible?', 'no-match'],
    // off-topic lookalikes
    ['who patches my iphone?', 'off-topic'],
    ['who secures my home wifi router', 'off-topic'],
    ['how much does an ec2 instance cost per month', 'off-topic'],
    ['In GCP, who patches the guest os?', 'off-topic'],
    ['is EKS down right now? health dashboard is red', 'off-topic'],
    ['how do I mount an S3 bucket on my laptop', 'off-topic'],
    ['what is the aws cli command to list security groups', 'off-topic'],
    ['which team owns the payments repo', 'off-topic'],
    // unrelated
    ['what is the capital of peru', 'no-match'],
    ['qwerty uiop zxcv', 'no-match'],
  ])('%j → unsure (%s)', (q, reason) => {
    const a = engine.ask(q);
    expect(a.kind).toBe('unsure');
    if (a.kind === 'unsure') expect(a.reason).toBe(reason);
  });

  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['🙂🙂🙂', 'empty'],
    ['<@U01ABC>', 'empty'],
  ])('%j → %s', (q, reason) => {
    const a = engine.ask(q);
    expect(a.kind === 'unsure' && a.reason).toBe(reason);
  });

  it('handles a 10 KB question without crashing, quickly', () => {
    const start = performance.now();
    const a = engine.ask('who patches the guest os on ec2? '.repeat(330));
    expect(performance.now() - start).toBeLessThan(50);
    expect(a.kind === 'unsure' && a.reason).toBe('too-long');
  });

  it('offers up to three suggestions when unsure', () => {
    const a = engine.ask('what about the guards and the firewall and the keys, generally speaking?');
    if (a.kind === 'unsure') expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });
});

describe('confidence', () => {
  it('stays within 0..1', () => {
    for (const q of ['root user?', 'who patches the guest os on ec2', 'nonsense words here', '']) {
      const c = engine.ask(q).confidence;
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });
});
