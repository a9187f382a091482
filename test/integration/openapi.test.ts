import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { LocalStack } from '#local/stack.ts';
import { routes } from '#shared/resources.ts';
import { startTestStack } from '../support/stack.ts';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('GET /openapi.json (local)', () => {
  it('serves a valid OpenAPI 3.1 document covering every route', async () => {
    // Act
    const response = await fetch(`${stack.url}/openapi.json`);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    const result = await new Validator().validate(structuredClone(document) as Parameters<Validator["validate"]>[0]);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(result.valid).toBe(true);
    for (const route of routes) expect(document.paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
  });
});
