import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { STORAGE_EVENTS_SECRET_HEADER } from '../src/modules/upload/storage-events.guard.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

/*
 * Malformed requests against every route of the committed OpenAPI document (new routes are covered
 * without touching this file). Whatever the input, the answer is never a 5xx, and every refusal
 * is a problem+json body with a code, the matching status and the request id.
 */

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
}

interface OpenApiOperation {
  operationId: string;
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}

const document = JSON.parse(
  readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;

interface Route {
  method: string;
  template: string;
  operationId: string;
  queryParameters: string[];
  jsonSchema?: Schema;
  storageEvents: boolean;
}

const routes: Route[] = Object.entries(document.paths).flatMap(
  ([template, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      operationId: operation.operationId,
      queryParameters: (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name),
      jsonSchema: operation.requestBody?.content['application/json']?.schema,
      storageEvents: (operation.parameters ?? []).some(
        (parameter) =>
          parameter.in === 'header' &&
          parameter.name === STORAGE_EVENTS_SECRET_HEADER,
      ),
    })),
);

function resolve(schema: Schema): Schema {
  return schema.$ref
    ? resolve(document.components.schemas[schema.$ref.split('/').pop()!])
    : schema;
}

/** A plausible value for a schema, so each hostile value can be tried at each place in turn. */
function sampleOf(schema: Schema): unknown {
  const resolved = resolve(schema);
  if (resolved.enum) {
    return resolved.enum[0];
  }
  switch (resolved.type) {
    case 'object':
      return resolved.properties
        ? Object.fromEntries(
            Object.entries(resolved.properties).map(([name, property]) => [
              name,
              sampleOf(property),
            ]),
          )
        : { entry: 'value' };
    case 'array':
      return [sampleOf(resolved.items ?? {})];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'string':
      // A documentation address: refused before any DNS lookup or connection, so the test never
      // sends traffic off this machine.
      return resolved.format === 'uri'
        ? 'https://192.0.2.10/a.jpg'
        : 'nothing-here.mp4';
    default:
      return 'value';
  }
}

type JsonPath = (string | number)[];

function pathsOf(value: unknown, path: JsonPath = []): JsonPath[] {
  if (typeof value !== 'object' || value === null) {
    return [path];
  }
  return [
    ...(path.length > 0 ? [path] : []),
    ...Object.entries(value).flatMap(([key, item]) =>
      pathsOf(item, [...path, Array.isArray(value) ? Number(key) : key]),
    ),
  ];
}

function replaceAt(value: unknown, path: JsonPath, replacement: unknown) {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) {
    parent = parent[key] as Record<string | number, unknown>;
  }
  parent[path.at(-1)!] = replacement;
  return copy;
}

/** JSON text that JSON.stringify cannot produce, swapped in for its placeholder after stringifying. */
const RAW_TEXTS: string[] = [];
const raw = (text: string) => `@@raw:${RAW_TEXTS.push(text) - 1}@@`;
const stringify = (value: unknown) =>
  JSON.stringify(value).replace(
    /"@@raw:(\d+)@@"/g,
    (_, index: string) => RAW_TEXTS[Number(index)],
  );

const DEEP_ARRAYS = `${'['.repeat(2000)}${']'.repeat(2000)}`;
const DEEP_OBJECTS = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;

const HOSTILE_VALUES: [string, unknown][] = [
  ['null', null],
  ['a string', 'x'],
  ['an empty array', []],
  ['an array of an array', [[]]],
  ['an array of null', [null]],
  ['an array of a string', ['x']],
  ['an empty object', {}],
  ['a NUL in a string', 'a\u0000b'],
  ['an escaped-backslash lookalike of NUL', 'a\\u0000b'],
  ['1e400', raw('1e400')],
  ['-0', raw('-0')],
  ['1e-400', raw('1e-400')],
  ['a 30-digit integer', raw('123456789012345678901234567890')],
  ['a negative number', -1],
  ['a fraction', 1.5],
  ['a boolean', true],
  ['an object keyed __proto__', raw('{"__proto__":{"polluted":true}}')],
  ['an object keyed constructor', { constructor: { prototype: 1 } }],
  ['2,000 nested arrays', raw(DEEP_ARRAYS)],
  ['2,000 nested objects', raw(DEEP_OBJECTS)],
];

const MALFORMED_BODIES: [string, string | Uint8Array<ArrayBuffer>][] = [
  ['2,000 nested arrays', DEEP_ARRAYS],
  ['2,000 nested objects', DEEP_OBJECTS],
  ['an array', '[]'],
  ['an array of an array', '[[]]'],
  ['an array of null', '[null]'],
  ['a string', '"x"'],
  ['null', 'null'],
  ['a number', '1e400'],
  ['an empty body', ''],
  ['an empty object', '{}'],
  ['__proto__ at the top', '{"__proto__":{"polluted":true}}'],
  ['constructor at the top', '{"constructor":{"prototype":{}}}'],
  ['a NUL key', '{"\\u0000":1}'],
  ['a raw NUL byte', '{"a":"\u0000"}'],
  ['truncated JSON', '{"filename": '],
  ['single quotes', "{'a':1}"],
  ['a trailing comma', '[1,]'],
  ['a closing bracket too many', '{"a":1}}'],
  ['unbalanced brackets', '{"a":[}'],
  ['NaN', '{"a":NaN}'],
  ['a byte-order mark', '\uFEFF{}'],
  [
    'invalid UTF-8',
    Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
  ],
  ['a lone surrogate escape', '{"a":"\\ud800"}'],
];

const CONTENT_ENCODINGS = [
  'gzip',
  'br',
  'deflate',
  'zstd',
  'compress',
  'x-unknown',
  'gzip, br',
];

const HOSTILE_PATH_SEGMENTS = [
  '%00',
  'a%00b',
  '%0A',
  '%1F',
  '%7F',
  '%ZZ',
  '%',
  '%C0%80',
  '%ED%A0%80',
  '..%2F..',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(5000),
  `media_${'a'.repeat(24)}%00`,
  '%F0%9F%92%A9',
];

interface HostileRequest {
  /** Sends the storage-events secret too. */
  storageEvents: boolean;
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

const PLACEHOLDER_ID = `media_${'a'.repeat(24)}`;

const fill = (template: string, segment: string) =>
  template.replace(/\{[^}]+\}/g, segment);

function hostileRequests(route: Route, hugeLength: number): HostileRequest[] {
  const path = fill(route.template, PLACEHOLDER_ID);
  const requests: HostileRequest[] = [];
  const add = (request: Omit<HostileRequest, 'storageEvents' | 'method'>) =>
    requests.push({
      method: route.method,
      storageEvents: route.storageEvents,
      ...request,
    });

  if (route.template.includes('{')) {
    for (const segment of HOSTILE_PATH_SEGMENTS) {
      add({
        name: `path parameter ${segment.slice(0, 30)}`,
        path: fill(route.template, segment),
      });
    }
  }

  const queryNames = [...route.queryParameters, 'cursor'];
  for (const name of queryNames) {
    for (const value of ['%00', 'a%00b', '%ZZ', '%0A', 'x'.repeat(5000)]) {
      add({
        name: `query ${name}=${value.slice(0, 30)}`,
        path: `${path}?${name}=${value}`,
      });
    }
    add({ name: `query ${name} twice`, path: `${path}?${name}=1&${name}=2` });
    add({ name: `query ${name}[a]`, path: `${path}?${name}[a]=1` });
  }
  for (const key of ['__proto__', 'constructor', 'prototype', '__proto__[a]']) {
    add({ name: `query key ${key}`, path: `${path}?${key}=1` });
  }

  if (route.method === 'GET' || route.method === 'HEAD') {
    return requests;
  }

  const json = { 'Content-Type': 'application/json' };
  for (const [name, body] of MALFORMED_BODIES) {
    add({ name: `body: ${name}`, path, headers: json, body });
  }
  for (const encoding of CONTENT_ENCODINGS) {
    add({
      name: `Content-Encoding ${encoding} with a plain body`,
      path,
      headers: { ...json, 'Content-Encoding': encoding },
      body: '{"filename":"a.mp4"}',
    });
  }
  add({
    name: 'gzip of 2,000 nested arrays',
    path,
    headers: { ...json, 'Content-Encoding': 'gzip' },
    body: gzipSync(DEEP_ARRAYS),
  });
  for (const charset of ['utf-16le', 'utf-7', 'utf-32', 'latin1']) {
    add({
      name: `charset ${charset}`,
      path,
      headers: { 'Content-Type': `application/json; charset=${charset}` },
      // UTF-7 spells NUL and brackets without their bytes.
      body: charset === 'utf-7' ? '+AFsAWwBb-1+AF0AXQBd-' : '{"a":"+AAA-"}',
    });
  }

  const sample = route.jsonSchema ? sampleOf(route.jsonSchema) : { a: 'b' };
  for (const at of pathsOf(sample)) {
    for (const [name, value] of HOSTILE_VALUES) {
      add({
        name: `${at.join('.')} set to ${name}`,
        path,
        headers: json,
        body: stringify(replaceAt(sample, at, value)),
      });
    }
    add({
      name: `${at.join('.')} set to a huge string`,
      path,
      headers: json,
      body: stringify(replaceAt(sample, at, 'x'.repeat(hugeLength))),
    });
    add({
      name: `${at.join('.')} set to a huge array`,
      path,
      headers: json,
      body: stringify(
        replaceAt(sample, at, Array(Math.floor(hugeLength / 8)).fill(1)),
      ),
    });
  }
  return requests;
}

const BATCH_SIZE = 20;

describe('hostile input on every route', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  const storageEventsSecret = 'x'.repeat(40);

  beforeAll(async () => {
    t = await startTestApp({ STORAGE_EVENTS_SECRET: storageEventsSecret });
    ws = await t.createWorkspace();
  });
  afterAll(() => t.close());

  function send(request: HostileRequest): Promise<Response> {
    return fetch(`${t.baseUrl}${request.path}`, {
      method: request.method,
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        ...(request.storageEvents
          ? { [STORAGE_EVENTS_SECRET_HEADER]: storageEventsSecret }
          : {}),
        ...request.headers,
      },
      body: request.body,
    });
  }

  /** What is wrong with the answer to one hostile request, or nothing. */
  async function problemsWith(request: HostileRequest): Promise<string[]> {
    const response = await send(request);
    const text = await response.text();
    const problems: string[] = [];
    if (!response.headers.get('x-request-id')) {
      problems.push('no X-Request-Id header');
    }
    if (response.status >= 500) {
      problems.push(`answered ${response.status}: ${text.slice(0, 200)}`);
    } else if (response.status >= 400) {
      if (
        !response.headers
          .get('content-type')
          ?.startsWith('application/problem+json')
      ) {
        problems.push(
          `answered ${response.status} as ${response.headers.get('content-type')}: ${text.slice(0, 100)}`,
        );
      } else {
        const body = JSON.parse(text) as Record<string, unknown>;
        if (
          typeof body.code !== 'string' ||
          body.status !== response.status ||
          !body.requestId
        ) {
          problems.push(
            `answered ${response.status} with ${text.slice(0, 200)}`,
          );
        }
      }
    }
    return problems.map(
      (problem) =>
        `${request.method} ${request.path.slice(0, 80)} (${request.name}): ${problem}`,
    );
  }

  async function problemsWithAll(
    requests: HostileRequest[],
  ): Promise<string[]> {
    const problems: string[] = [];
    for (let start = 0; start < requests.length; start += BATCH_SIZE) {
      const batch = requests.slice(start, start + BATCH_SIZE);
      problems.push(...(await Promise.all(batch.map(problemsWith))).flat());
    }
    return problems;
  }

  it.each(
    routes.map(
      (route) => [`${route.method} ${route.template}`, route] as const,
    ),
  )(
    '%s never answers 5xx and refuses with problem+json',
    async (_name, route) => {
      // Comfortably under the body limit once the rest of the body is added.
      const hugeLength = Math.floor(t.config.jsonBodyLimitBytes * 0.9);
      expect(await problemsWithAll(hostileRequests(route, hugeLength))).toEqual(
        [],
      );
    },
  );

  it.each<
    [
      string,
      string,
      string,
      Record<string, string>,
      string | Uint8Array<ArrayBuffer> | undefined,
      string,
    ]
  >([
    [
      '2,000 nested arrays',
      'POST',
      '/v1/media/upload',
      {},
      DEEP_ARRAYS,
      'body',
    ],
    [
      '2,000 nested objects',
      'POST',
      '/v1/media/bulk-presign',
      {},
      DEEP_OBJECTS,
      'body',
    ],
    [
      'gzip of 2,000 nested arrays',
      'POST',
      '/v1/media/upload',
      { 'Content-Encoding': 'gzip' },
      gzipSync(DEEP_ARRAYS),
      'body',
    ],
    [
      'an escaped NUL',
      'POST',
      '/v1/media/upload',
      {},
      '{"filename":"a\\u0000.jpg"}',
      'filename',
    ],
    [
      'a plain body sent as gzip',
      'POST',
      '/v1/media/upload',
      { 'Content-Encoding': 'gzip' },
      '{}',
      'Content-Encoding',
    ],
    [
      'a plain body sent as br',
      'POST',
      '/v1/media/upload',
      { 'Content-Encoding': 'br' },
      '{}',
      'Content-Encoding',
    ],
    [
      'a plain body sent as deflate',
      'POST',
      '/v1/media/upload',
      { 'Content-Encoding': 'deflate' },
      '{}',
      'Content-Encoding',
    ],
    [
      'an unknown Content-Encoding',
      'POST',
      '/v1/media/upload',
      { 'Content-Encoding': 'x-unknown' },
      '{}',
      'Content-Encoding',
    ],
    [
      'UTF-7',
      'POST',
      '/v1/media/upload',
      { 'Content-Type': 'application/json; charset=utf-7' },
      '{}',
      'Content-Type',
    ],
    ['NUL in a file path', 'GET', '/files/%00', {}, undefined, 'path'],
    ['NUL in an upload path', 'PUT', '/uploads/a%00b', {}, undefined, 'path'],
    ['NUL in a cursor', 'GET', '/v1/media?cursor=%00', {}, undefined, 'query'],
    [
      '__proto__ in a query',
      'GET',
      '/v1/media?__proto__=1',
      {},
      undefined,
      '__proto__',
    ],
    [
      '__proto__ in a body',
      'POST',
      '/v1/media/upload',
      {},
      '{"__proto__":{}}',
      '__proto__',
    ],
    [
      'an array in place of a file',
      'POST',
      '/v1/media/bulk-presign',
      {},
      '{"files":[[]]}',
      'files',
    ],
    [
      'null in place of a video',
      'POST',
      '/v1/media/bulk-video-upload-urls',
      {},
      '{"videos":[null],"targetPlatforms":["X"]}',
      'videos',
    ],
  ])(
    'refuses %s with 400 validation_error',
    async (name, method, path, headers, body, field) => {
      const response = await send({
        name,
        method,
        path,
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
        storageEvents: false,
      });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as {
        code: string;
        errors?: { field: string }[];
      };
      expect(problem.code).toBe('validation_error');
      expect(problem.errors?.[0]?.field).toBe(field);
    },
  );

  it('covers the routes it should', () => {
    expect(routes.map((route) => route.operationId)).toEqual(
      expect.arrayContaining([
        'bulkPresign',
        'receiveStorageEvents',
        'getMedia',
        'receiveUpload',
      ]),
    );
  });

  it('acts on no storage event record of a malformed notification', async () => {
    const { data: upload } = await t
      .client(ws.apiKey)
      .POST('/v1/media/upload', {
        body: { filename: 'a.jpg', contentType: 'image/jpeg', sizeBytes: 10 },
      });
    const key = new URL(upload!.uploadUrl).pathname.replace(/^\/uploads\//, '');
    const created = { eventName: 'ObjectCreated:Put', s3: { object: { key } } };
    const route = routes.find((candidate) => candidate.storageEvents)!;
    const post = (name: string, body: string): HostileRequest => ({
      storageEvents: true,
      name,
      method: 'POST',
      path: route.template,
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    const malformed: [string, string][] = [
      ...HOSTILE_VALUES.map(([name, value]): [string, string] => [
        `a valid record, then ${name}`,
        stringify({ Records: [created, value] }),
      ]),
      [
        'a record with s3 null',
        stringify({ Records: [created, { eventName: 'x', s3: null }] }),
      ],
      [
        'a NUL in the event name',
        stringify({
          Records: [
            created,
            { ...created, eventName: 'ObjectCreated:Put\u0000' },
          ],
        }),
      ],
      ['101 records', stringify({ Records: Array(101).fill(created) })],
      ['Records null', '{"Records":null}'],
    ];
    const statuses = await Promise.all(
      malformed.map(async ([name, body]) => {
        const response = await send(post(name, body));
        return [name, response.status] as const;
      }),
    );
    expect(statuses.filter(([, status]) => status !== 400)).toEqual([]);

    const { data: media } = await t
      .client(ws.apiKey)
      .GET('/v1/media/{id}', { params: { path: { id: upload!.mediaId } } });
    expect(media!.status).toBe('PENDING');

    // The key was right: the same record on its own is acted on.
    const valid = await send(post('valid', stringify({ Records: [created] })));
    expect(await valid.json()).toEqual({ started: 1, ignored: 0 });
  });
});
