import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routes } from '#shared/resources.ts';
import type { StageConfig } from '#infra/config.ts';
import { TiplineWebAcl } from '#infra/constructs/waf.ts';

export interface EdgeStackProps extends StackProps {
  readonly config: StageConfig;
}

/**
 * The CloudFront-scope WAF, which AWS only accepts in us-east-1. It sees the
 * viewer's address, so per-source rate limits work for tips sent through the
 * site (the API's regional WAF would only see CloudFront's edge addresses).
 */
export class EdgeStack extends Stack {
  public readonly webAcl: TiplineWebAcl;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    this.webAcl = new TiplineWebAcl(this, 'Waf', { config: props.config, scope: 'CLOUDFRONT', routes });
  }
}
