/**
 * Load and fault run (node bench/load.ts [--tips 10000] [--clients 32]
 * [--faults on|off] [--fault-rate 0.02] [--timeout-seconds 1500] [--seed 7]):
 *
 * Starts the whole local stack in this process (in-memory emulators, port 0,
 * 127.0.0.1 only, rate limit off), sends N tips from concurrent keep-alive
 * clients with a realistic mix (about 60% resubmissions or trivial edits of
 * earlier tips of the same object, the rest distinct claims in many
 * languages, most naming a place), and with faults on, in the same run:
 * DynamoDB throttling and 500s inside the consumers (SDK retries with
 * backoff), consumer crashes mid-batch (results discarded, messages reappear
 * after the visibility timeout) and a poison message that must end in the
 * intake DLQ.
 *
 * Then it waits until both queues are drained, reads every tip, every cluster
 * counter and both DLQs, and checks: no accepted tip lost (each is stored and
 * either recorded as a duplicate or classified, or is in a DLQ), none counted
 * twice (cluster counters vs duplicate records; per-object summaries vs tip
 * records). Prints the figures and writes bench/results/load.json. Exits 1
 * when a tip is lost or counted twice, 2 on the global timeout.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

const here = dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    tips: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '32' },
    faults: { type: 'string', default: 'on' },
    'fault-rate': { type: 'string', default: '0.02' },
    'timeout-seconds': { type: 'string', default: '1500' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: join(here, 'results', 'load.json') },
  },
});
const TIPS = Number(args.tips);
const CLIENTS = Number(args.clients);
const FAULTS = args.faults === 'on';
const FAULT_RATE = Number(args['fault-rate']);
const TIMEOUT_MS = Number(args['timeout-seconds']) * 1000;
if (!(TIPS > 0 && CLIENTS > 0 && FAULT_RATE >= 0 && FAULT_RATE < 1 && TIMEOUT_MS > 0) || !['on', 'off'].includes(String(args.faults))) {
  console.error('usage: node bench/load.ts [--tips N] [--clients N] [--faults on|off] [--fault-rate 0..1] [--timeout-seconds S]');
  process.exit(64);
}

// Set before the stack (and the handlers) load: no per-source limit for one
// source sending everything, and only errors in the logs (10,000 tips at INFO
// would drown the figures; failures and DLQ reasons are logged at ERROR).
process.env.TIPLINE_RATE_LIMIT_PER_MINUTE = '0';
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';

const { startLocalStack } = await import('#local/stack.ts');
const { crashConsumers, injectDynamoFaults, markConsumers, newFaultStats, sendPoison } = await import('#local/faults.ts');
const { LOCAL_REGION } = await import('#local/bootstrap.ts');
const { mintToken } = await import('#local/jwt.ts');
const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
const { documents } = await import('#shared/store/clients/dynamo.ts');

// ---------------------------------------------------------------- tips ----

/** Deterministic PRNG (mulberry32) so a run can be repeated. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(Number(args.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const OBJECTS = ['obj-towel', 'obj-bag', 'obj-wallpaper'] as const;
const NOUN: Record<string, Record<(typeof OBJECTS)[number], string>> = {
  en: { 'obj-towel': 'towel', 'obj-bag': 'bag', 'obj-wallpaper': 'wallpaper' },
  de: { 'obj-towel': 'Handtuch', 'obj-bag': 'Tüte', 'obj-wallpaper': 'Tapete' },
  fr: { 'obj-towel': 'serviette', 'obj-bag': 'sac', 'obj-wallpaper': 'papier peint' },
  es: { 'obj-towel': 'toalla', 'obj-bag': 'bolsa', 'obj-wallpaper': 'papel pintado' },
  it: { 'obj-towel': 'asciugamano', 'obj-bag': 'borsa', 'obj-wallpaper': 'carta da parati' },
  nl: { 'obj-towel': 'handdoek', 'obj-bag': 'tas', 'obj-wallpaper': 'behang' },
  pl: { 'obj-towel': 'ręcznik', 'obj-bag': 'torba', 'obj-wallpaper': 'tapeta' },
  pt: { 'obj-towel': 'toalha', 'obj-bag': 'saco', 'obj-wallpaper': 'papel de parede' },
  sv: { 'obj-towel': 'handduk', 'obj-bag': 'påse', 'obj-wallpaper': 'tapet' },
  cs: { 'obj-towel': 'ručník', 'obj-bag': 'taška', 'obj-wallpaper': 'tapeta' },
  el: { 'obj-towel': 'πετσέτα', 'obj-bag': 'τσάντα', 'obj-wallpaper': 'ταπετσαρία' },
  ru: { 'obj-towel': 'полотенце', 'obj-bag': 'пакет', 'obj-wallpaper': 'обои' },
  tr: { 'obj-towel': 'havlu', 'obj-bag': 'çanta', 'obj-wallpaper': 'duvar kağıdı' },
};
const TEMPLATES: Record<string, readonly string[]> = {
  en: ['I think this {n} is from {p}. {d}', 'I saw the same {n} in a shop in {p}, {d}', 'We had this {n} at home when we lived near {p}. {d}'],
  de: ['Ich habe dieses {n} in {p} gesehen. {d}', 'Diese {n} gab es bei uns in {p} zu kaufen. {d}'],
  fr: ['Je pense que ce {n} vient de {p}. {d}', "J'ai vu le même {n} dans un magasin à {p}. {d}"],
  es: ['Creo que esta {n} es de {p}. {d}', 'Vi la misma {n} en una tienda de {p}. {d}'],
  it: ['Secondo me questo {n} viene da {p}. {d}', 'Ho visto lo stesso {n} in un negozio a {p}. {d}'],
  nl: ['Ik denk dat deze {n} uit {p} komt. {d}', 'Dezelfde {n} lag bij ons in de winkel in {p}. {d}'],
  pl: ['Myślę, że ta {n} pochodzi z {p}. {d}', 'Widziałem taką {n} w sklepie w {p}. {d}'],
  pt: ['Acho que esta {n} é de {p}. {d}', 'Vi a mesma {n} numa loja em {p}. {d}'],
  sv: ['Jag tror att den här {n} kommer från {p}. {d}', 'Vi köpte samma {n} i {p}. {d}'],
  cs: ['Myslím, že tento {n} je z {p}. {d}', 'Stejný {n} jsem viděl v obchodě v {p}. {d}'],
  el: ['Νομίζω ότι αυτή η {n} είναι από {p}. {d}', 'Είδα την ίδια {n} σε ένα κατάστημα στη {p}. {d}'],
  ru: ['Я думаю, что это {n} из города {p}. {d}', 'Я видел такой же {n} в магазине в {p}. {d}'],
  tr: ['Bu {n} bence {p} şehrinden. {d}', 'Aynı {n} {p} bir mağazada gördüm. {d}'],
};
const PLACES: Record<string, readonly string[]> = {
  en: ['Manchester, England', 'Dublin, Ireland', 'Leeds', 'Cork', 'Glasgow, Scotland', 'Toronto, Canada', 'Boston'],
  de: ['München', 'Hamburg', 'Wien', 'Zürich', 'Leipzig', 'Graz', 'Köln'],
  fr: ['Lyon', 'Marseille', 'Bruxelles', 'Genève', 'Lille', 'Bordeaux', 'Liège'],
  es: ['Sevilla', 'Valencia', 'Bilbao', 'Madrid', 'Zaragoza', 'Málaga', 'Buenos Aires'],
  it: ['Napoli', 'Torino', 'Bologna', 'Palermo', 'Firenze', 'Verona', 'Genova'],
  nl: ['Utrecht', 'Rotterdam', 'Gent', 'Antwerpen', 'Groningen', 'Eindhoven', 'Zwolle'],
  pl: ['Kraków', 'Łódź', 'Gdańsk', 'Wrocław', 'Poznań', 'Lublin', 'Szczecin'],
  pt: ['Porto', 'Lisboa', 'Coimbra', 'Braga', 'Faro', 'São Paulo', 'Funchal'],
  sv: ['Malmö', 'Göteborg', 'Uppsala', 'Stockholm', 'Umeå', 'Västerås', 'Luleå'],
  cs: ['Brno', 'Ostrava', 'Plzeň', 'Praha', 'Olomouc', 'Liberec', 'Zlín'],
  el: ['Θεσσαλονίκη', 'Αθήνα', 'Πάτρα', 'Ηράκλειο', 'Λάρισα', 'Βόλος', 'Ρόδος'],
  ru: ['Москва', 'Казань', 'Новосибирск', 'Екатеринбург', 'Самара', 'Омск', 'Пермь'],
  tr: ['İstanbul', 'İzmir', 'Ankara', 'Bursa', 'Antalya', 'Konya', 'Eskişehir'],
};
const DETAILS = [
  'It was around {y}.', 'My aunt bought one in {y}.', 'They sold it at the market every Saturday.', 'The shop was next to the station.',
  'It came in a set of {k}.', 'The label was green.', 'Price was about {k} euros.', 'My neighbour still has one.', 'There was a {k}% discount.',
  'It was in a hotel bathroom.', 'We got it as a wedding present in {y}.', 'Look at the corner pattern.', 'Maybe check store number {k}.',
];
const NO_PLACE = [
  'My grandmother had exactly this {n} in {y}.', 'I recognise this {n}, we had it for years. {d}', 'This {n} looks very familiar to me. {d}',
  'I owned this same {n} as a child, {d}', 'Same colours as the one in my old flat. {d}',
];

function fill(template: string, language: string, objectId: (typeof OBJECTS)[number]): string {
  const detail = (): string => pick(DETAILS).replace('{y}', String(1975 + Math.floor(random() * 50))).replace('{k}', String(2 + Math.floor(random() * 97)));
  return template
    .replace('{n}', NOUN[language]![objectId])
    .replace('{p}', pick(PLACES[language]!))
    .replace('{d}', `${detail()} ${random() < 0.5 ? detail() : ''}`.trim())
    .replace('{y}', String(1975 + Math.floor(random() * 50)));
}

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

/** A resubmission: an exact copy or a trivial edit (case, whitespace, zero-width characters). */
function variant(text: string): { text: string; kind: string } {
  const roll = random();
  if (roll < 0.35) return { text, kind: 'exact' };
  if (roll < 0.55) return { text: random() < 0.5 ? text.toUpperCase() : text.toLowerCase(), kind: 'case' };
  if (roll < 0.8) {
    const spaced = text.replace(/ /g, () => (random() < 0.2 ? '  ' : random() < 0.05 ? '\n' : ' '));
    return { text: `${random() < 0.5 ? '   ' : '\t'}${spaced}${random() < 0.5 ? '  \n' : ' '}`, kind: 'whitespace' };
  }
  const chars = [...text];
  for (let count = 1 + Math.floor(random() * 3); count > 0; count -= 1) chars.splice(1 + Math.floor(random() * (chars.length - 1)), 0, pick(ZERO_WIDTH));
  return { text: chars.join(''), kind: 'zero-width' };
}

interface PlannedTip {
  readonly objectId: string;
  readonly text: string;
  readonly language?: string;
  readonly kind: string;
}

function plan(count: number): PlannedTip[] {
  const originals: Record<string, string[]> = Object.fromEntries(OBJECTS.map((objectId) => [objectId, []]));
  const tips: PlannedTip[] = [];
  for (let index = 0; index < count; index += 1) {
    const objectId = pick(OBJECTS);
    const earlier = originals[objectId]!;
    if (earlier.length > 0 && random() < 0.6) {
      // Popular claims get resubmitted more: favour recent and a few early ones.
      const source = random() < 0.3 ? earlier[Math.floor(random() * Math.min(20, earlier.length))]! : pick(earlier);
      const { text, kind } = variant(source);
      tips.push({ objectId, text, kind });
      continue;
    }
    const language = pick(Object.keys(TEMPLATES));
    const text = random() < 0.15 ? fill(pick(NO_PLACE), 'en', objectId) : fill(pick(TEMPLATES[language]!), language, objectId);
    earlier.push(text);
    tips.push({ objectId, text, kind: 'distinct', ...(random() < 0.3 ? { language } : {}) });
  }
  return tips;
}

// --------------------------------------------------------------- stack ----

const started = performance.now();
const deadline = Date.now() + TIMEOUT_MS;
const dataDir = mkdtempSync(join(tmpdir(), 'tipline-load-'));
const stack = await startLocalStack({
  dataDir,
  persist: false,
  port: 0,
  visibilityTimeoutSeconds: 5,
  pollerConcurrency: 2,
  rateLimitPerMinute: 0,
});
if (!new URL(stack.url).hostname.startsWith('127.0.0.1')) throw new Error(`refusing to send load to ${stack.url}`);
const faultStats = newFaultStats();
const faults = FAULTS ? injectDynamoFaults({ rate: FAULT_RATE }, faultStats) : undefined;
if (FAULTS) await markConsumers(stack);

const sqs = new SQSClient({
  endpoint: stack.emulators.awsEndpoint,
  region: LOCAL_REGION,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  useQueueUrlAsEndpoint: false,
});

async function depth(url: string): Promise<number> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}
const depths = async (): Promise<{ intake: number; classify: number; intakeDlq: number; classifyDlq: number }> => ({
  intake: await depth(stack.resources.queueUrls.intake.url),
  classify: await depth(stack.resources.queueUrls.classify.url),
  intakeDlq: await depth(stack.resources.queueUrls.intake.dlqUrl),
  classifyDlq: await depth(stack.resources.queueUrls.classify.dlqUrl),
});

// ---------------------------------------------------------------- send ----

const planned = plan(TIPS);
const accepted = new Map<string, PlannedTip>();
const latencies: number[] = [];
const rejected = new Map<string, number>();
let next = 0;
let sent = 0;
const crashAt = FAULTS ? [0.15, 0.35, 0.55, 0.75, 0.95].map((share) => Math.floor(share * TIPS)) : [];
const crashes: Promise<void>[] = [];
let poisonMessageId: string | undefined;

async function client(): Promise<void> {
  while (next < planned.length && Date.now() < deadline) {
    const index = next;
    next += 1;
    const tip = planned[index]!;
    const body = JSON.stringify({ objectId: tip.objectId, text: tip.text, ...(tip.language === undefined ? {} : { language: tip.language }) });
    const begin = performance.now();
    try {
      const response = await fetch(`${stack.url}/tips`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, keepalive: true });
      const text = await response.text();
      latencies.push(performance.now() - begin);
      if (response.status === 202) accepted.set((JSON.parse(text) as { tipId: string }).tipId, tip);
      else rejected.set(String(response.status), (rejected.get(String(response.status)) ?? 0) + 1);
    } catch (error) {
      rejected.set((error as Error).name, (rejected.get((error as Error).name) ?? 0) + 1);
    }
    sent += 1;
    if (FAULTS && sent === Math.max(1, Math.floor(TIPS * 0.1)) && poisonMessageId === undefined) {
      poisonMessageId = 'pending';
      poisonMessageId = await sendPoison(stack);
      faultStats.poisonSent += 1;
    }
    if (crashAt.includes(sent)) crashes.push(crashConsumers(stack, faultStats));
  }
}

const progress = setInterval(() => {
  void depths().then((d) =>
    console.error(
      `[${((performance.now() - started) / 1000).toFixed(0)} s] sent ${sent}/${TIPS} accepted ${accepted.size} | intake ${d.intake} classify ${d.classify} dlq ${d.intakeDlq}+${d.classifyDlq} | crashes ${faultStats.crashes} throttles ${faultStats.throttles} 5xx ${faultStats.serverErrors}`,
    ),
  );
}, 10_000);

const sendStart = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, () => client()));
const sendSeconds = (performance.now() - sendStart) / 1000;
await Promise.all(crashes);
if (FAULTS) {
  // One more crash while the backlog drains, when every poller is busy.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await crashConsumers(stack, faultStats);
}

// --------------------------------------------------------------- drain ----

// Tips are all processed when nothing but the poison message (on its way to
// the DLQ, one visibility timeout per receive) is left on the queues; the run
// ends when the queues are empty for 3 checks in a row.
let quietChecks = 0;
let timedOut = false;
let tipsDoneAt: number | undefined;
while (quietChecks < 3) {
  if (Date.now() > deadline) {
    timedOut = true;
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const d = await depths();
  const poisonPending = Math.max(0, faultStats.poisonSent - d.intakeDlq);
  if (d.intake + d.classify <= poisonPending) tipsDoneAt ??= performance.now();
  else tipsDoneAt = undefined;
  quietChecks = d.intake === 0 && d.classify === 0 ? quietChecks + 1 : 0;
}
const processedSeconds = ((tipsDoneAt ?? performance.now()) - sendStart) / 1000;
const drainedSeconds = (performance.now() - sendStart) / 1000 - (quietChecks === 3 ? 3 : 0);
clearInterval(progress);
faults?.remove();

// -------------------------------------------------------------- verify ----

async function scanAll(table: string, projection?: string, names?: Record<string, string>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({
        TableName: table,
        ExclusiveStartKey: startKey,
        ...(projection === undefined ? {} : { ProjectionExpression: projection }),
        ...(names === undefined ? {} : { ExpressionAttributeNames: names }),
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

/** Every message of a DLQ (received and deleted: the run is over). */
async function drainDlq(url: string): Promise<{ body: string; receiveCount: number }[]> {
  const out: { body: string; receiveCount: number }[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 60, MessageSystemAttributeNames: ['All'] }),
    );
    if (Messages.length === 0) return out;
    for (const message of Messages) out.push({ body: message.Body ?? '', receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0) });
    await sqs.send(
      new DeleteMessageBatchCommand({ QueueUrl: url, Entries: Messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle! })) }),
    );
  }
}

const tips = await scanAll(
  stack.env.TIPS_TABLE!,
  'tipId, objectId, #text, duplicateOf, classifiedAt, #queue, pipeline',
  { '#text': 'text', '#queue': 'queue' },
);
const byId = new Map(tips.map((item) => [String(item.tipId), item]));
const counters = (await scanAll(stack.env.DEDUPE_TABLE!)).filter((item) => String(item.pk).includes('#C#'));
const dlq = { intake: await drainDlq(stack.resources.queueUrls.intake.dlqUrl), classify: await drainDlq(stack.resources.queueUrls.classify.dlqUrl) };

const tipIdOf = (body: string): string | undefined => {
  try {
    const parsed = JSON.parse(body) as { tipId?: unknown };
    return typeof parsed.tipId === 'string' ? parsed.tipId : undefined;
  } catch {
    return undefined;
  }
};
const dlqTips = new Map<string, string>();
const dlqOther: { queue: string; body: string; receiveCount: number }[] = [];
for (const [queue, messages] of Object.entries(dlq)) {
  for (const message of messages) {
    const tipId = tipIdOf(message.body);
    if (tipId !== undefined && accepted.has(tipId)) dlqTips.set(tipId, `${queue} DLQ after ${message.receiveCount} receives`);
    else dlqOther.push({ queue, body: message.body.slice(0, 80), receiveCount: message.receiveCount });
  }
}

let stored = 0;
let textMismatch = 0;
let duplicates = 0;
let distinct = 0;
let classified = 0;
const lost: { tipId: string; state: string }[] = [];
let inDlqUnprocessed = 0;
let inDlqButProcessed = 0;
const duplicatesOf = new Map<string, number>();
for (const [tipId, tip] of accepted) {
  const item = byId.get(tipId);
  if (item !== undefined) {
    stored += 1;
    if (item.text !== tip.text.trim()) textMismatch += 1;
  }
  const isDuplicate = typeof item?.duplicateOf === 'string';
  const isClassified = item !== undefined && !isDuplicate && typeof item.classifiedAt === 'string';
  if (isDuplicate) {
    duplicates += 1;
    const key = `${String(item!.objectId)}#C#${String(item!.duplicateOf)}`;
    duplicatesOf.set(key, (duplicatesOf.get(key) ?? 0) + 1);
  }
  if (isClassified) distinct += 1;
  if (isClassified) classified += 1;
  const processed = isDuplicate || isClassified;
  if (dlqTips.has(tipId)) {
    if (processed) inDlqButProcessed += 1;
    else inDlqUnprocessed += 1;
  } else if (!processed) {
    lost.push({ tipId, state: item === undefined ? 'not stored' : String(item.pipeline ?? 'received') });
  }
}
// Records that nobody acknowledged (a 202 lost on the way) would show up here.
const unacknowledgedRecords = tips.filter((item) => !accepted.has(String(item.tipId))).length;

// Counted twice: a cluster counter above the number of duplicate records of that cluster.
let counterTotal = 0;
let overCounted = 0;
let underCounted = 0;
const counterKeys = new Set<string>();
for (const counter of counters) {
  const key = String(counter.pk);
  counterKeys.add(key);
  const counted = Number(counter.n ?? 0);
  const actual = duplicatesOf.get(key) ?? 0;
  counterTotal += counted;
  if (counted > actual) overCounted += counted - actual;
  if (counted < actual) underCounted += actual - counted;
}
for (const [key, actual] of duplicatesOf) if (!counterKeys.has(key)) underCounted += actual;

// Per-object summaries (the investigator API) vs the tip records.
const coordinator = await mintToken(stack.keys, { groups: ['coordinator'] });
const summaries: { objectId: string; summaryDistinct: number; summaryDuplicates: number; recordsDistinct: number; recordsDuplicates: number; tallyTips: number; tallyPeople: number }[] = [];
for (const objectId of OBJECTS) {
  const response = await fetch(`${stack.url}/investigator/objects/${objectId}/summary`, { headers: { authorization: `Bearer ${coordinator}` } });
  const summary = (await response.json()) as { distinctTips: number; duplicates: number; countries: { tips: number; people: number }[] };
  const records = tips.filter((item) => item.objectId === objectId);
  summaries.push({
    objectId,
    summaryDistinct: summary.distinctTips,
    summaryDuplicates: summary.duplicates,
    recordsDistinct: records.filter((item) => typeof item.classifiedAt === 'string' && typeof item.duplicateOf !== 'string').length,
    recordsDuplicates: records.filter((item) => typeof item.duplicateOf === 'string').length,
    tallyTips: summary.countries.reduce((sum, tally) => sum + tally.tips, 0),
    tallyPeople: summary.countries.reduce((sum, tally) => sum + tally.people, 0),
  });
}
const summaryMismatch = summaries.filter(
  (s) => s.summaryDistinct !== s.recordsDistinct || s.summaryDuplicates !== s.recordsDuplicates || s.tallyTips !== s.summaryDistinct || s.tallyPeople !== s.summaryDistinct + s.summaryDuplicates,
).length;

const countedTwice = overCounted + summaryMismatch;
const sorted = [...latencies].sort((a, b) => a - b);
const percentile = (p: number): number => Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 10) / 10;
const pollerStats = Object.fromEntries(Object.entries(stack.pollers).map(([name, poller]) => [name, { ...poller.stats }]));
const poisonInDlq = dlqOther.filter((message) => message.queue === 'intake' && tipIdOf(message.body) === undefined).length;

const result = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  options: { tips: TIPS, clients: CLIENTS, faults: FAULTS, faultRate: FAULT_RATE, visibilityTimeoutSeconds: 5, pollerConcurrency: 2 },
  mix: Object.fromEntries([...new Set(planned.map((tip) => tip.kind))].map((kind) => [kind, planned.filter((tip) => tip.kind === kind).length])),
  timing: {
    sendSeconds: Math.round(sendSeconds * 10) / 10,
    acceptedPerSecond: Math.round((accepted.size / sendSeconds) * 10) / 10,
    latencyMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99), max: percentile(100) },
    secondsUntilAllProcessed: Math.round(processedSeconds * 10) / 10,
    secondsUntilQueuesEmpty: Math.round(drainedSeconds * 10) / 10,
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
  },
  counts: {
    sent,
    accepted: accepted.size,
    rejected: Object.fromEntries(rejected),
    stored,
    storedTextDiffers: textMismatch,
    distinct,
    classified,
    duplicates,
    inDlq: dlqTips.size,
    inDlqUnprocessed,
    inDlqButProcessed,
    lost: lost.length,
    countedTwice,
    clusterCounterTotal: counterTotal,
    overCounted,
    underCounted,
    unacknowledgedRecords,
  },
  dlq: {
    tips: [...dlqTips].map(([tipId, reason]) => ({ tipId, reason, pipeline: String(byId.get(tipId)?.pipeline ?? 'not stored') })),
    other: dlqOther,
    poisonSent: faultStats.poisonSent,
    poisonInDlq,
  },
  summaries,
  faults: { ...faultStats },
  pollers: pollerStats,
  lostTips: lost.slice(0, 50),
  timedOut,
};

mkdirSync(dirname(args.out!), { recursive: true });
writeFileSync(args.out!, `${JSON.stringify(result, null, 2)}\n`);

const c = result.counts;
const t = result.timing;
console.log(`
Tipline load run: ${TIPS} tips, ${CLIENTS} clients, faults ${FAULTS ? `on (DynamoDB fault rate ${FAULT_RATE}, ${faultStats.crashes} consumer crashes, poison x${faultStats.poisonSent})` : 'off'}
  accepted/s            ${t.acceptedPerSecond}   (${c.accepted} accepted in ${t.sendSeconds} s)
  POST /tips latency    p50 ${t.latencyMs.p50} ms  p95 ${t.latencyMs.p95} ms  p99 ${t.latencyMs.p99} ms  max ${t.latencyMs.max} ms
  all processed after   ${t.secondsUntilAllProcessed} s from the first send (queues empty, poison in DLQ, after ${t.secondsUntilQueuesEmpty} s)${timedOut ? '  (GLOBAL TIMEOUT: not drained)' : ''}
  accepted ${c.accepted}  stored ${c.stored}  classified ${c.classified}  duplicates ${c.duplicates}  in DLQ ${c.inDlq} (${c.inDlqButProcessed} of them processed before)
  lost ${c.lost}  counted twice ${c.countedTwice}  (cluster counters ${c.clusterCounterTotal} vs duplicate records ${c.duplicates}; over ${c.overCounted}, under ${c.underCounted}; summaries differing ${summaryMismatch})
  poison message: sent ${faultStats.poisonSent}, in intake DLQ ${poisonInDlq}
  injected: ${faultStats.throttles} throttles, ${faultStats.serverErrors} 500s over ${faultStats.attempts} consumer DynamoDB attempts
  rejected: ${JSON.stringify(c.rejected)}  text differs: ${c.storedTextDiffers}
  results: ${args.out}
`);
for (const [tipId, reason] of dlqTips) console.log(`  DLQ ${tipId}: ${reason} (pipeline state ${String(byId.get(tipId)?.pipeline ?? 'not stored')})`);

sqs.destroy();
await stack.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(timedOut ? 2 : c.lost > 0 || c.countedTwice > 0 || (FAULTS && poisonInDlq !== faultStats.poisonSent) ? 1 : 0);
