import { parseArgs } from 'node:util';
import { loadOrCreateKeys, mintToken } from '#local/jwt.ts';
import { DEFAULT_DATA_DIR } from '#local/stack.ts';

/** Mints a local investigator token: `npm run --silent token -- --groups NL,BE`. Prints only the token. */
const USAGE = `Usage: npm run --silent token -- --groups <GROUPS> [--username <name>] [--sub <id>] [--expires-in <seconds>]

Prints a token for the local stack's investigator API, signed with the key in
$TIPLINE_DATA_DIR (default .local/), with Cognito's claims.

  --groups      comma-separated Cognito groups: country codes (NL,BE) and/or coordinator (required)
  --username    the name shown in the console and recorded in the audit trail (default: the sub)
  --sub         the user's stable id (default: local-<groups>, e.g. local-nl-be)
  --expires-in  lifetime in seconds (default 28800, 8 hours)
  --help        this text
`;
const { values } = parseArgs({
  options: {
    help: { type: 'boolean', default: false },
    groups: { type: 'string', default: '' },
    sub: { type: 'string' },
    username: { type: 'string' },
    'expires-in': { type: 'string', default: '28800' },
  },
});
if (values.help === true) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const groups = (values.groups ?? '')
  .split(',')
  .map((group) => group.trim())
  .filter((group) => group !== '');
// A token in no group gets a 403 on every route: asking for one is a mistake, not a use.
if (groups.length === 0) {
  process.stderr.write(`--groups is required.\n\n${USAGE}`);
  process.exit(2);
}
const keys = await loadOrCreateKeys(process.env.TIPLINE_DATA_DIR ?? DEFAULT_DATA_DIR);
const token = await mintToken(keys, {
  groups,
  ...(values.sub === undefined ? {} : { sub: values.sub }),
  ...(values.username === undefined ? {} : { username: values.username }),
  expiresInSeconds: Number(values['expires-in']),
});
process.stdout.write(`${token}\n`);
