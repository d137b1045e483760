// manifest.yml matches the code (events, scopes, command), validates against Slack's schema, and has a #rrggbb colour.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { BOT_EVENTS, BOT_SCOPES, COMMAND } from '../src/slack/ids.ts';
import { type ListenerRegistry, registerListeners } from '../src/slack/listeners/index.ts';
import { testDeps } from './helpers/build-args.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The parts of the manifest these tests read; the schema test checks the whole of it. */
interface Manifest {
  display_information: { background_color: string };
  features: { app_home: unknown; slash_commands: { command: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}
const manifest = parseYaml(readFileSync(`${root}manifest.yml`, 'utf8')) as Manifest;
const schemaDir = fileURLToPath(new URL('../../shared/vendor/slack-manifest-schema/', import.meta.url));
const schemaPath = `${schemaDir}manifest.schema.1.0.0.json`;
const haveSchema = existsSync(schemaPath);

/** Records what registerListeners registers, without starting Bolt. */
function registrations() {
  const seen = { events: [] as string[], commands: [] as string[], actions: [] as string[] };
  const recorder = {
    event: (name: string) => void seen.events.push(name),
    command: (name: string) => void seen.commands.push(name),
    action: (id: string | RegExp) => void seen.actions.push(String(id)),
  };
  registerListeners(recorder as unknown as ListenerRegistry, testDeps());
  return seen;
}

describe('manifest.yml against the code', () => {
  const seen = registrations();

  it('subscribes to exactly the events the listeners handle', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      Object.keys(BOT_EVENTS).sort(),
    );
    expect([...seen.events].sort()).toEqual(Object.values(BOT_EVENTS).sort());
    // A mention would arrive twice (app_mention + message.channels) with different event ids.
    expect(manifest.settings.event_subscriptions.bot_events).not.toContain('message.channels');
  });

  it('requests exactly the scopes the code uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('declares the one slash command the code registers', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
    expect(seen.commands).toEqual([COMMAND]);
  });

  it('turns on what the listeners need: interactivity, a writable messages tab, the home tab, Socket Mode', () => {
    expect(seen.actions.length).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('has a #rrggbb background colour (the schema does not enforce it)', () => {
    expect(manifest.display_information.background_color).toMatch(/^#[0-9a-fA-F]{6}$/);
  });
});

if (!haveSchema) {
  console.warn(`manifest schema test SKIPPED: ${schemaDir} is absent (CI always has it).`);
}

describe.skipIf(!haveSchema)("manifest.yml against Slack's published schema (v1)", () => {
  it('validates', () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    // The schema uses non-standard keywords (_note, regex, requires) and one `format: uri`.
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a broken copy, so the check has teeth', () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    const broken = { ...manifest, features: { ...manifest.features, slash_commands: [{ command: 'srm' }] } };
    expect(validate(broken)).toBe(false);
  });
});
