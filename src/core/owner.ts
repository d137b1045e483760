// Owner resolution: service override, then category override, then the topic's default; else a breakdown.
import type { BreakdownRow, Owner, Service, ServiceCategory, Topic } from './types.ts';

export interface Resolved {
  owner: Owner;
  rationale: string;
}

/** The owner of `topic` for `service`, or null when it depends on a service the question did not name. */
export function resolveOwner(topic: Topic, service: Service | null): Resolved | null {
  const override = service ? (topic.services[service.id] ?? topic.categories[service.category]) : undefined;
  if (override) return { owner: override.owner, rationale: override.rationale ?? topic.rationale };
  if (topic.owner) return { owner: topic.owner, rationale: topic.rationale };
  return null;
}

const CATEGORY_LABEL: Record<ServiceCategory, string> = {
  infrastructure: 'infrastructure services',
  container: 'container services',
  abstracted: 'abstracted services',
};

/** One row per overridden service (short name), then one per overridden category. */
export function breakdownFor(topic: Topic, services: ReadonlyMap<string, Service>): BreakdownRow[] {
  const rows: BreakdownRow[] = Object.entries(topic.services).map(([id, o]) => ({
    service: services.get(id)?.short ?? id,
    owner: o.owner,
  }));
  for (const [category, o] of Object.entries(topic.categories) as Array<
    [ServiceCategory, { owner: Owner }]
  >) {
    rows.push({ service: CATEGORY_LABEL[category], owner: o.owner });
  }
  if (topic.owner) rows.push({ service: 'other services', owner: topic.owner });
  return rows;
}
