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
 * address each viewer connected from, so the per-source rate limits live here;
 * the API's regional WAF sees only CloudFront's edge addresses and admits
 * nothing but requests carrying CloudFront's origin secret.
 */
export class EdgeStack extends Stack {
  public readonly webAcl: TiplineWebAcl;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    this.webAcl = new TiplineWebAcl(this, 'Waf', { config: props.config, scope: 'CLOUDFRONT', routes });
  }
}
