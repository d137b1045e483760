// app_home_opened (Home tab) → views.publish of the home view, with any sections other features add.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { serviceStack } from '../../core/service-stack.ts';
import type { Service } from '../../core/types.ts';
import { homeView, type StackColumn } from '../blocks/home.ts';
import type { ListenerDeps } from './deps.ts';

/** One familiar service per category for the picture (EC2 / RDS / S3 in the usual catalogue). */
export function pictureColumns(services: readonly Service[]): StackColumn[] {
  const preferred = ['ec2', 'rds', 'lambda', 's3'];
  const chosen = preferred.map((id) => services.find((s) => s.id === id)).filter((s): s is Service => !!s);
  const picked = chosen.length > 0 ? chosen : services.slice(0, 3);
  return picked.map((service) => ({ service, layers: serviceStack(service) }));
}

export const appHome = (deps: ListenerDeps) => {
  const columns = pictureColumns(deps.engine.kb.services);
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return; // the Messages tab is the DM; nothing to publish
    const extra = deps.homeSections ? await deps.homeSections(event.user) : [];
    await client.views.publish({ user_id: event.user, view: homeView(columns, extra) });
  };
};
