// Help, topics, service stack and App Home builders: content people need, fallback text, and Block Kit limits.
import { describe, expect, it } from 'vitest';
import { serviceStack } from '../../../src/core/service-stack.ts';
import type { Topic } from '../../../src/core/types.ts';
import { EXAMPLES, helpMessage, topicsMessage } from '../../../src/slack/blocks/help.ts';
import { homeView, layerPicture } from '../../../src/slack/blocks/home.ts';
import { section } from '../../../src/slack/blocks/mrkdwn.ts';
import { stackMessage } from '../../../src/slack/blocks/stack.ts';
import { pictureColumns } from '../../../src/slack/listeners/app-home.ts';
import { checkBlockKitLimits } from '../../helpers/block-kit-limits.ts';
import { testEngine } from '../../helpers/build-args.ts';

const kb = testEngine().kb;
const service = (id: string) => {
  const s = kb.services.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};
const json = (x: unknown) => JSON.stringify(x);

describe('help and topics', () => {
  it('help gives usage with examples', () => {
    const msg = helpMessage();
    for (const q of EXAMPLES) expect(json(msg.blocks)).toContain(`/srm ${q}`);
    expect(msg.text).toContain('/srm topics');
    expect(checkBlockKitLimits(msg as never)).toEqual([]);
  });

  it('topics are grouped by area with counts', () => {
    const topics: Topic[] = [
      { ...kb.topics[0], area: 'Zeta', title: 'Z one' } as Topic,
      { ...kb.topics[1], area: 'Alpha', title: 'A one' } as Topic,
      { ...kb.topics[2], area: 'Alpha', title: 'A <two>' } as Topic,
    ];
    const msg = topicsMessage(topics);
    expect(msg.text).toBe('I know 3 topics: Alpha (2), Zeta (1).');
    const areas = json(msg.blocks);
    expect(areas.indexOf('*Alpha* (2)')).toBeLessThan(areas.indexOf('*Zeta* (1)'));
    expect(areas).toContain('• A &lt;two&gt;');
  });

  it('a huge knowledge base still fits one message', () => {
    const many = Array.from(
      { length: 2000 },
      (_, i) => ({ ...kb.topics[0], area: `Area ${i % 70}`, title: `Topic ${i}` }) as Topic,
    );
    expect(checkBlockKitLimits(topicsMessage(many) as never)).toEqual([]);
  });
});

describe('service stack', () => {
  it('shows each layer top-down with owner and notes', () => {
    const rds = service('rds');
    const msg = stackMessage(rds, serviceStack(rds));
    const text = json(msg.blocks);
    expect(text.indexOf('Customer data')).toBeLessThan(text.indexOf('Physical: data centres'));
    expect(text).toContain(':large_orange_square: *Guest operating system*: AWS');
    expect(msg.text).toMatch(/^RDS responsibility stack — Physical: data centres, hardware: AWS;/);
    expect(checkBlockKitLimits(msg as never)).toEqual([]);
  });
});

describe('App Home', () => {
  const columns = pictureColumns(kb.services);

  it('picks familiar services for the picture', () => {
    expect(columns.map((c) => c.service.id)).toEqual(['ec2', 'rds', 'lambda', 's3']);
  });

  it('draws one row per layer with a square per service', () => {
    const rows = layerPicture(columns).split('\n');
    expect(rows).toHaveLength(10);
    expect(rows[0]).toContain('EC2 · RDS · Lambda · S3');
    expect(rows.find((r) => r.includes('Guest operating system'))).toContain(
      ':large_blue_square: :large_orange_square: :large_orange_square: :large_orange_square:',
    );
  });

  it('explains itself, shows how to ask, and makes room for other sections (the leaderboard)', () => {
    const view = homeView(columns, [section('*Leaderboard*\n1. <@U1> 12 points')]);
    const text = json(view.blocks);
    expect(view.type).toBe('home');
    for (const part of [
      'AWS Shared Responsibility Model',
      'How to ask',
      'Who owns each layer',
      '*Leaderboard*',
    ]) {
      expect(text).toContain(part);
    }
    expect(checkBlockKitLimits({ view } as never)).toEqual([]);
  });

  it('caps the Home tab at 100 blocks however many sections are added', () => {
    const view = homeView(
      columns,
      Array.from({ length: 150 }, (_, i) => section(`row ${i}`)),
    );
    expect(view.blocks).toHaveLength(100);
  });
});
