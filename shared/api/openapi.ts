/**
 * The HTTP API's contract, generated from the zod schemas the handlers parse
 * with: one registration per route of shared/resources.ts (method, path,
 * summary, and the schemas of its path, query, body and answer). From it come
 *  - the OpenAPI 3.1 document, served locally at GET /openapi.json, for an
 *    agency that connects its own system;
 *  - the API Gateway request models (infra/constructs/api.ts).
 * A test fails when a route has no registration or a registration no route
 * (test/unit/openapi.test.ts), so adding a route means adding its line here.
 *
 * Not imported by any Lambda: JSON Schema generation stays out of the bundles.
 */
import '../schemas/zod-config.ts';
import * as z from 'zod/mini';
import { routes, type RouteDef } from '../resources.ts';
import {
  AnyObject,
  AttachmentParams,
  AttachmentRequest,
  AttachmentUpload,
  Challenge,
  ErrorBody,
  ExportQuery,
  HistoryQuery,
  NewObject,
  ObjectChange,
  ObjectImageRequest,
  ObjectParams,
  ObjectsQuery,
  QueueParams,
  QueueQuery,
  SearchQuery,
  TipParams,
  TranslateTipRequest,
} from '../schemas/api.ts';
import { FollowupRequest, InvestigatorMessageRequest, ReceiptLookupRequest, TipsterMessageRequest, TipsterView } from '../schemas/followup.ts';
import { PublicObject, TipObject } from '../schemas/object.ts';
import { TrailEntry } from '../schemas/stored.ts';
import { ConversationMessage, ImageUpload, NewObjectAnswer, ObjectSummary, OriginalLink, Overview, QueuePageItem, SearchResult, TipDetail, TipView, TranslateAnswer } from '../schemas/responses.ts';
import { SubmitTipRequest, SubmitTipResponse } from '../schemas/tip.ts';
import { TipPatch } from '../tips/triage.ts';

type Schema = z.core.$ZodType;

export interface Operation {
  readonly method: RouteDef['method'];
  readonly path: string;
  readonly summary: string;
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: Schema;
  /** The success status and its body. */
  readonly ok: readonly [number, Schema];
}

const op = (method: Operation['method'], path: string, summary: string, rest: Omit<Operation, 'method' | 'path' | 'summary'>): Operation => ({ method, path, summary, ...rest });

const page = <S extends Schema>(item: S) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/** One line per route of shared/resources.ts. */
export const operations: readonly Operation[] = [
  op('POST', '/tips', 'Send an anonymous tip (JSON or form-encoded)', { body: SubmitTipRequest, ok: [202, SubmitTipResponse] }),
  op('GET', '/tips/challenge', 'A proof-of-work challenge for POST /tips', { ok: [200, Challenge] }),
  op('POST', '/tips/attachments', 'A presigned upload for one tip attachment', { body: AttachmentRequest, ok: [201, AttachmentUpload] }),
  op('GET', '/objects', 'Published objects, in the best language asked for', { query: ObjectsQuery, ok: [200, z.object({ lang: z.string(), items: z.array(PublicObject) })] }),
  op('POST', '/followup', 'The receipt holder reads the coarse status and the conversation (dates only)', { body: FollowupRequest, ok: [200, TipsterView] }),
  op('POST', '/followup/messages', 'The receipt holder answers or adds a detail', { body: TipsterMessageRequest, ok: [201, z.object({ sentOn: z.string() })] }),
  op('GET', '/investigator/queues/{country}', "A country's queue, newest or most confident first, filtered", { params: QueueParams, query: QueueQuery, ok: [200, page(QueuePageItem)] }),
  op('GET', '/investigator/tips/{tipId}', 'A tip with its evidence, cluster, claim, notes and latest audit entries', { params: TipParams, ok: [200, TipDetail] }),
  op('GET', '/investigator/tips/{tipId}/history', "A tip's whole audit trail, oldest first", { params: TipParams, query: HistoryQuery, ok: [200, page(TrailEntry)] }),
  op('PATCH', '/investigator/tips/{tipId}', 'Triage a tip (If-Match: its version)', { params: TipParams, body: TipPatch, ok: [200, TipView] }),
  op('POST', '/investigator/tips/{tipId}/claim', 'A 30-minute lease on a tip', { params: TipParams, ok: [200, TipView] }),
  op('POST', '/investigator/tips/{tipId}/release', 'End a lease', { params: TipParams, ok: [200, TipView] }),
  op('POST', '/investigator/tips/{tipId}/messages', 'A question or answer to the tipster', { params: TipParams, body: InvestigatorMessageRequest, ok: [201, z.object({ message: ConversationMessage })] }),
  op('POST', '/investigator/tips/{tipId}/translate', 'Amazon Translate of a tip into your language, kept beside the original (AWS only)', { params: TipParams, body: TranslateTipRequest, ok: [200, TranslateAnswer] }),
  op('POST', '/investigator/receipts/lookup', 'The tip of a receipt a tipster quotes, within your countries', { body: ReceiptLookupRequest, ok: [200, z.object({ tipId: z.string() })] }),
  op('POST', '/investigator/tips/{tipId}/attachments/{index}/original', "Coordinator: an audited link to an attachment's original", { params: AttachmentParams, ok: [200, OriginalLink] }),
  op('GET', '/investigator/objects', 'All objects, drafts included', { ok: [200, z.object({ items: z.array(TipObject) })] }),
  op('POST', '/investigator/objects', 'Coordinator: a draft object and an upload for its image', { body: NewObject, ok: [201, NewObjectAnswer] }),
  op('PATCH', '/investigator/objects/{objectId}', 'Coordinator: a lifecycle step, or the texts of one language', { params: ObjectParams, body: ObjectChange, ok: [200, TipObject] }),
  op('POST', '/investigator/objects/{objectId}/image', "Coordinator: an upload for the object's new picture", { params: ObjectParams, body: ObjectImageRequest, ok: [201, z.object({ upload: ImageUpload })] }),
  op('GET', '/investigator/objects/{objectId}/summary', "An object's per-country tally", { params: ObjectParams, ok: [200, ObjectSummary] }),
  op('GET', '/investigator/exports', 'Export a queue or an object as CSV or JSON Lines (303 to the file)', { query: ExportQuery, ok: [303, AnyObject] }),
  op('GET', '/investigator/search', 'Tips by words or tip id, narrowed by queue, object and dates', { query: SearchQuery, ok: [200, SearchResult] }),
  op('GET', '/investigator/overview', 'Tips per queue and status', { ok: [200, Overview] }),
];

export const routeKey = (route: Pick<RouteDef, 'method' | 'path'>): string => `${route.method} ${route.path}`;

/** The registration of a route; undefined when it has none (the contract test catches that). */
export const operationOf = (route: Pick<RouteDef, 'method' | 'path'>): Operation | undefined =>
  operations.find((operation) => routeKey(operation) === routeKey(route));

/** Routes without a registration and registrations without a route: both must be empty. */
export function contractGaps(routeDefs: readonly Pick<RouteDef, 'method' | 'path'>[], registered: readonly Operation[] = operations): { unregistered: string[]; unrouted: string[] } {
  const routed = new Set(routeDefs.map(routeKey));
  const known = new Set(registered.map(routeKey));
  return { unregistered: [...routed].filter((key) => !known.has(key)), unrouted: [...known].filter((key) => !routed.has(key)) };
}

/** `GET /investigator/tips/{tipId}` → `getInvestigatorTipsTipId`: unique per route, letters and digits only. */
export const operationId = (operation: Pick<Operation, 'method' | 'path'>): string =>
  operation.method.toLowerCase() +
  operation.path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');

type JsonSchema = Record<string, unknown>;

/** A request schema as JSON Schema (what a client may send: defaults make fields optional), without `$schema`. */
function inputSchema(schema: Schema, target: 'draft-2020-12' | 'draft-04' = 'draft-2020-12'): JsonSchema {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { target, io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function outputSchema(schema: Schema): JsonSchema {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodMiniObject | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (schema === undefined) return [];
  const json = inputSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({ name, in: where, required: where === 'path' || required.has(name), schema: property }));
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The OpenAPI 3.1 document of every route. */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation = operationOf(route);
    if (operation === undefined) continue;
    const investigator = route.auth === 'investigator';
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: operationId(operation),
      summary: operation.summary,
      tags: [investigator ? 'investigator' : 'public'],
      ...(investigator ? { security: [{ cognito: [] }] } : {}),
      parameters: [...parameters(operation.params, 'path'), ...parameters(operation.query, 'query')],
      ...(operation.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: inputSchema(operation.body) },
                ...(route.function === 'submitTip' ? { 'application/x-www-form-urlencoded': { schema: inputSchema(operation.body) } } : {}),
              },
            },
          }),
      responses: {
        [String(operation.ok[0])]: { description: 'Success', content: { 'application/json': { schema: outputSchema(operation.ok[1]) } } },
        '400': error('A field is invalid; `issues` names each one'),
        ...(investigator ? { '401': error('No valid token'), '403': error('Not in a group that may do this') } : {}),
        '500': error('Internal error (no details)'),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tipline API',
      version: '1',
      description: 'Anonymous tip intake and the investigator API. Errors are JSON { error, issues? }; a 5xx never carries internals.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    paths,
    components: {
      schemas: { Error: outputSchema(ErrorBody) },
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Cognito ID token (cognito:groups: country codes or coordinator)' } },
    },
  };
}

/**
 * Keywords the edge model keeps: size limits and the structure that reaches them, nothing else. API Gateway
 * answers a failed model with `{"message":"Invalid request body"}`, naming no field, so a missing field, a wrong
 * type or an unknown one (required, type, additionalProperties) is left to the handler's 400, which names it.
 */
const EDGE_KEYWORDS = new Set(['properties', 'items', 'maxLength', 'maxItems', 'anyOf', 'title']);

function structural(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(structural);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema as JsonSchema)
      .filter(([key]) => EDGE_KEYWORDS.has(key))
      .map(([key, value]) => [key, key === 'properties' ? Object.fromEntries(Object.entries(value as JsonSchema).map(([name, sub]) => [name, structural(sub)])) : structural(value)]),
  );
}

/**
 * The API Gateway (draft-04) model of a request body, from the same schema as
 * the handler's: its structure and size limits only. API Gateway answers a
 * failed model with a generic 400 that names no field, so the rules whose
 * failure a client must be told about by name (patterns, enums, ranges) are
 * left to the handler, which answers `issues: [{ path, message }]`.
 */
export function gatewayModel(operation: Operation): JsonSchema | undefined {
  if (operation.body === undefined) return undefined;
  return structural(inputSchema(operation.body, 'draft-04')) as JsonSchema;
}
