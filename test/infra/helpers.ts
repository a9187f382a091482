import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { RouteDef } from '#shared/resources.ts';
import { REPO_ROOT } from '#infra/bundling.ts';
import { buildTipline, type TiplineStacks } from '#infra/tipline.ts';

/** The context of cdk.json (feature flags and defaults), so tests synthesise what `cdk synth` does. */
export const cdkJsonContext = (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> })
  .context;

export interface Built extends TiplineStacks {
  readonly app: App;
  readonly stateful$: Template;
  readonly stateless$: Template;
  readonly edge$: Template;
  readonly web$: Template;
}

/**
 * Builds the stacks in-process without bundling (`aws:cdk:bundling-stacks: []`
 * makes the function assets skip infra/bundle.ts) and without cdk-nag (see nag.test.ts).
 */
export function build(context: Record<string, unknown> = {}, options: { bundle?: boolean } = {}): Built {
  const app = new App({
    context: {
      ...cdkJsonContext,
      ...(options.bundle === true ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...context,
    },
  });
  const stacks = buildTipline(app, { region: 'eu-west-1' });
  return {
    app,
    ...stacks,
    stateful$: Template.fromStack(stacks.stateful),
    stateless$: Template.fromStack(stacks.stateless),
    edge$: Template.fromStack(stacks.edge),
    web$: Template.fromStack(stacks.web),
  };
}

export const PROD = { stage: 'prod', webOrigin: 'https://tips.example.org', alarmEmail: 'ops@example.org' };

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

/**
 * Finds the CloudFormation method of a route by walking the template's
 * resource tree (PathPart chain), independently of construct ids.
 */
export function methodOf(template: Template, route: RouteDef): { id: string; properties: Record<string, unknown> } {
  const all = template.toJSON().Resources as Resources;
  const pathOf = (resourceId: unknown): string => {
    if (resourceId !== null && typeof resourceId === 'object' && 'Fn::GetAtt' in resourceId) return '';
    const id = (resourceId as { Ref: string }).Ref;
    const resource = all[id];
    if (resource === undefined) throw new Error(`No resource ${id}`);
    return `${pathOf(resource.Properties.ParentId)}/${String(resource.Properties.PathPart)}`;
  };
  const matches = Object.entries(all).filter(
    ([, resource]) =>
      resource.Type === 'AWS::ApiGateway::Method' &&
      resource.Properties.HttpMethod === route.method &&
      (pathOf(resource.Properties.ResourceId) || '/') === route.path,
  );
  if (matches.length !== 1) throw new Error(`Expected one method for ${route.method} ${route.path}, found ${matches.length}`);
  const [id, resource] = matches[0] as [string, { Properties: Record<string, unknown> }];
  return { id, properties: resource.Properties };
}
