import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalSchemaKeys } from '#infra/sdk-schema-keys.ts';

/** Evaluates a schema-like module (no imports) and returns its `export var` bindings, in order. */
function evaluate(source: string): Record<string, unknown> {
  const names = [...source.matchAll(/^export var (\w+\$)/gm)].map((m) => m[1]!);
  const body = source.replace(/^export var /gm, 'var ');
  return runInNewContext(`${body}\n({ ${names.join(', ')} })`) as Record<string, unknown>;
}

/** Own keys in order, recursively: `toEqual` alone ignores key order and prototypes. */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return `function → ${JSON.stringify(shape(value()))}`;
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') {
    return { proto: Object.getPrototypeOf(value) === null ? 'null' : 'object', entries: Object.entries(value).map(([k, v]) => [k, shape(v)]) };
  }
  return value;
}

const identifier = fc.stringMatching(/^_[A-Za-z][A-Za-z0-9]{0,3}$/);
const stringValue = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('http', 'x-amz-meta-', '__proto__', 'toString', 'a"b', 'c\\d'));

describe('literalSchemaKeys (SDK schema modules made tree-shakeable)', () => {
  it('rewrites computed keys that name module-level string constants, leaving the module value unchanged', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(identifier, stringValue), { selector: ([name]) => name, minLength: 1, maxLength: 8 }),
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (constants, objects) => {
          // Prepare: a module shaped like schemas_0.js, constants first, then schemas with computed keys.
          const lines = constants.map(([name, value]) => `const ${name} = ${JSON.stringify(value)};`);
          objects.forEach((picks, i) => {
            const props = picks.map((p, j) => `[${constants[p % constants.length]![0]}]: ${j}`).join(', ');
            lines.push(`export var S${i}$ = [9, "n0", { ${props} }, () => S${Math.max(0, i - 1)}$.slice(0, 3)];`);
          });
          const source = lines.join('\n');

          // Act
          const { source: rewritten, rewritten: count } = literalSchemaKeys(source);

          // Assess: same values, same key order, same prototypes; only __proto__ stays computed.
          expect(shape(evaluate(rewritten))).toEqual(shape(evaluate(source)));
          const protoKeys = [...source.matchAll(/\[(_\w+)\]:/g)].filter((m) => constants.find(([n]) => n === m[1])![1] === '__proto__').length;
          expect(count).toBe([...source.matchAll(/\[(_\w+)\]:/g)].length - protoKeys);
          expect([...rewritten.matchAll(/\[(_\w+)\]:/g)].length).toBe(protoKeys);
        },
      ),
    );
  });

  it('is idempotent and leaves keys it cannot resolve alone', () => {
    // Prepare
    const source = 'const _h = "http";\nlet _m = "mutable";\nexport var A$ = [9, { [_h]: 1, [_m]: 2, [unknown]: 3 }];';

    // Act
    const once = literalSchemaKeys(source);
    const twice = literalSchemaKeys(once.source);

    // Assess
    expect(once.source).toContain('{ "http": 1, [_m]: 2, [unknown]: 3 }');
    expect(once.rewritten).toBe(1);
    expect(twice).toEqual({ source: once.source, rewritten: 0 });
  });
});
