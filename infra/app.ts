import { App, Validations } from 'aws-cdk-lib';
import { TiplineNagChecks } from '#infra/nag-suppressions.ts';
import { buildTipline } from '#infra/tipline.ts';
import { buildWeb } from '../scripts/build-web.ts';

// CDK CLI entry (cdk.json: "node infra/app.ts"). cdk-nag 3 is a policy
// validation plugin: any unacknowledged AwsSolutions finding fails synth.
// Acknowledgements, each with its reason, live in infra/nag-suppressions.ts.
// The site stack ships web/dist, so every synth and deploy builds it first.
await buildWeb();
const app = new App();
Validations.of(app).addPlugins(new TiplineNagChecks(app, { verbose: true }));
buildTipline(app);
app.synth();
