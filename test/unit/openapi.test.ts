import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { contractGaps, gatewayModel, openApiDocument, operationId, operationOf, operations } from '#shared/api/openapi.ts';
import { routes } from '#shared/resources.ts';

type Json = Record<string, any>;

describe('OpenAPI document', () => {
  it('validates as OpenAPI 3.1 with a maintained validator', async () => {
    // Prepare
    const validator = new Validator();

    // Act
    const result = await validator.validate(openApiDocument() as Parameters<Validator["validate"]>[0]);

    // Assess
    expect({ valid: result.valid, errors: result.errors, version: validator.version }).toEqual({ valid: true, errors: undefined, version: '3.1' });
  });

  it('the validator refuses a document with an operation that breaks the specification', async () => {
    // Prepare: a response without its required description
    const document = openApiDocument() as Json;
    document.paths['/tips'].post.responses['202'] = { content: {} };

    // Act
    const result = await new Validator().validate(document as Parameters<Validator["validate"]>[0]);

    // Assess
    expect(result.valid).toBe(false);
  });

  it('has one operation per route of shared/resources.ts, and no other', () => {
    // Act
    const document = openApiDocument() as Json;
    const documented = Object.entries(document.paths as Json).flatMap(([path, methods]) => Object.keys(methods as Json).map((method) => `${method.toUpperCase()} ${path}`));

    // Assess
    expect(contractGaps(routes)).toEqual({ unregistered: [], unrouted: [] });
    expect(documented.sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  });

  it('reports a route added without its operation, and an operation whose route is gone', () => {
    // Prepare
    const added = { method: 'GET' as const, path: '/investigator/new-thing' };

    // Act
    const gaps = contractGaps([...routes, added], operations.slice(1));

    // Assess
    expect(gaps).toEqual({ unregistered: [`${routes[0]!.method} ${routes[0]!.path}`, 'GET /investigator/new-thing'], unrouted: [] });
    expect(contractGaps(routes.slice(1))).toEqual({ unregistered: [], unrouted: [`${routes[0]!.method} ${routes[0]!.path}`] });
  });

  it('names every path placeholder as a required path parameter, and gives each operation a unique id', () => {
    // Act
    const document = openApiDocument() as Json;
    const ids = new Set<string>();

    // Assess
    for (const route of routes) {
      const operation = document.paths[route.path][route.method.toLowerCase()] as Json;
      const placeholders = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      const pathParameters = (operation.parameters as Json[]).filter((parameter) => parameter.in === 'path');
      expect(pathParameters.map((parameter) => parameter.name).sort()).toEqual(placeholders.sort());
      expect(pathParameters.every((parameter) => parameter.required === true)).toBe(true);
      ids.add(operation.operationId as string);
    }
    expect(ids.size).toBe(routes.length);
  });

  it('documents the queue filters and the tip body from the schemas the handlers parse with', () => {
    // Act
    const document = openApiDocument() as Json;
    const queue = document.paths['/investigator/queues/{country}'].get as Json;
    const tip = document.paths['/tips'].post as Json;

    // Assess
    expect((queue.parameters as Json[]).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name)).toEqual(['limit', 'cursor', 'sort', 'status', 'objectId', 'minConfidence']);
    expect(Object.keys(tip.requestBody.content)).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(tip.requestBody.content['application/json'].schema.required).toEqual(['objectId', 'text']);
  });
});

describe('API Gateway models', () => {
  it('keep the size limits from the schema, and leave every rule whose failure must name its field to the handler', () => {
    // Act
    const models = operations.flatMap((operation) => {
      const model = gatewayModel(operation);
      return model === undefined ? [] : [JSON.stringify(model)];
    });
    const tip = gatewayModel(operationOf({ method: 'POST', path: '/tips' })!) as Json;

    // Assess: API Gateway's own 400 names no field, so a missing field, a wrong type or an unknown one reaches the handler.
    expect(tip.properties.objectId).toEqual({ maxLength: 64 });
    expect(models.length).toBeGreaterThan(1);
    for (const model of models) expect(model).not.toMatch(/"required"|"type"|"additionalProperties"|"pattern"|"enum"|"minimum"|"maximum"/);
  });

  it('model names are API Gateway names (letters and digits)', () => {
    for (const operation of operations) expect(operationId(operation)).toMatch(/^[a-z][A-Za-z0-9]+$/);
  });
});
