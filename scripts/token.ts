import { parseArgs } from 'node:util';
import { loadOrCreateKeys, mintToken } from '#local/jwt.ts';
import { DEFAULT_DATA_DIR } from '#local/stack.ts';

/** Mints a local investigator token: `npm run --silent token -- --groups NL,BE`. Prints only the token. */
const { values } = parseArgs({
  options: {
    groups: { type: 'string', default: '' },
    sub: { type: 'string' },
    username: { type: 'string' },
    'expires-in': { type: 'string', default: '28800' },
  },
});
const groups = (values.groups ?? '')
  .split(',')
  .map((group) => group.trim())
  .filter((group) => group !== '');
const keys = await loadOrCreateKeys(process.env.TIPLINE_DATA_DIR ?? DEFAULT_DATA_DIR);
const token = await mintToken(keys, {
  groups,
  ...(values.sub === undefined ? {} : { sub: values.sub }),
  ...(values.username === undefined ? {} : { username: values.username }),
  expiresInSeconds: Number(values['expires-in']),
});
process.stdout.write(`${token}\n`);
