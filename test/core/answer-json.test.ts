// The JSON mapping of answers: answered, depends (owner null + breakdown) and unsure.
import { describe, expect, it } from 'vitest';
import { toAnswerJson } from '../../src/core/answer-json.ts';
import { createEngine } from '../../src/core/engine.ts';
import { miniKb } from '../fixtures/kb-mini/kb.ts';

const engine = createEngine(miniKb);

describe('toAnswerJson', () => {
  it('maps an answer with the service short name', () => {
    const v = toAnswerJson(engine.answerTopic('guest-os-patching', 'ec2'));
    expect(v).toMatchObject({
      answered: true,
      owner: 'Customer',
      topic: 'guest-os-patching',
      service: 'EC2',
    });
    expect(v.breakdown).toEqual([]);
    expect(v.suggestions).toEqual([]);
  });
  it('maps depends to answered with a null owner and a non-empty breakdown', () => {
    const v = toAnswerJson(engine.answerTopic('backups'));
    expect(v.answered).toBe(true);
    expect(v.owner).toBeNull();
    expect(v.breakdown.length).toBeGreaterThan(0);
  });
  it('maps unsure to not answered with suggestions', () => {
    const v = toAnswerJson(engine.ask('cameras, keys, firewalls, lunch and whatnot'));
    expect(v.answered).toBe(false);
    expect(v.topic).toBeNull();
    expect(v.suggestions.length).toBeLessThanOrEqual(3);
  });
});
