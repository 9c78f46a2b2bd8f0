import { Logger } from '@nestjs/common';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { inject } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { putBytes, SAMPLE_PDF } from './support/media.js';
import {
  runProcess,
  SERVER_ENTRY,
  SERVER_NODE_FLAGS,
} from './support/server-process.js';
import {
  startTestApp,
  testEnvironment,
  type TestApp,
} from './support/test-app.js';

const OLD_SECRET = 'old-signing-secret-that-leaked-0123456789';
const NEW_SECRET = 'new-signing-secret-after-the-leak-987654321';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback that answers 200 and keeps what it got. */
async function startReceiver() {
  const received: Delivery[] = [];
  const server = createServer((request, response) => {
    void text(request).then((body) => {
      received.push({ headers: request.headers, body });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Whether a receiver holding `secret` accepts the delivery. */
function verifies(delivery: Delivery, secret: string): boolean {
  try {
    new Webhook(secret).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * A database of this file's own: the webhook relay hands on every event of its database, so no
 * other test file's app may see these endpoints (see test/webhooks.spec.ts).
 */
function privateDatabase(suffix: string) {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_${suffix}`;
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return {
    url: url.toString(),
    async drop() {
      const admin = new pg.Client({ connectionString: maintenance.toString() });
      await admin.connect();
      try {
        await admin.query(
          `DROP DATABASE IF EXISTS ${admin.escapeIdentifier(url.pathname.slice(1))} WITH (FORCE)`,
        );
      } finally {
        await admin.end();
      }
    },
  };
}

async function call(
  t: TestApp,
  apiKey: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const raw = await response.text();
  return { status: response.status, body: raw ? JSON.parse(raw) : {} };
}

async function requestPdfUpload(t: TestApp, apiKey: string) {
  const upload = await call(t, apiKey, 'POST', '/v1/media/upload', {
    filename: 'report.pdf',
    contentType: 'application/pdf',
    sizeBytes: SAMPLE_PDF.length,
  });
  expect(upload.status).toBe(201);
  return upload.body as {
    mediaId: string;
    uploadUrl: string;
    uploadHeaders: Record<string, string>;
  };
}

describe('rotating STORAGE_SIGNING_SECRET', () => {
  const db = privateDatabase('signing_rotation');
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let app: TestApp | undefined;

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    await db.drop();
  });

  /** The app on this file's database, with these secrets (the previous app is closed). */
  async function boot(secrets: Record<string, string>) {
    await app?.close();
    app = await startTestApp({
      DATABASE_URL: db.url,
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
      WEBHOOK_RETRY_DELAYS_SECONDS: '1',
      ...secrets,
    });
    return app;
  }

  /** An upload URL of one app, sent to another (the signature does not cover the host). */
  const at = (t: TestApp, uploadUrl: string) => {
    const url = new URL(uploadUrl);
    return `${t.baseUrl}${url.pathname}${url.search}`;
  };

  it('keeps what the old secret sealed and signed working during the rotation, and skips a webhook secret that no longer opens after it', async () => {
    // Before: everything under the old secret.
    const before = await boot({ STORAGE_SIGNING_SECRET: OLD_SECRET });
    const { apiKey } = await before.createWorkspace();
    const created = await call(before, apiKey, 'POST', '/v1/webhooks', {
      url: receiver.url,
      events: ['media.uploaded'],
    });
    expect(created.status).toBe(201);
    const endpointId = created.body.id as string;
    const first = created.body.secret as string;
    const rotated = await call(
      before,
      apiKey,
      'POST',
      `/v1/webhooks/${endpointId}/rotate-secret`,
    );
    const second = rotated.body.secret as string;
    const pending = await requestPdfUpload(before, apiKey);
    const leftOver = await requestPdfUpload(before, apiKey);

    // During: the new secret, with the old one as the previous.
    const during = await boot({
      STORAGE_SIGNING_SECRET: NEW_SECRET,
      STORAGE_SIGNING_SECRET_PREVIOUS: OLD_SECRET,
    });
    // An upload URL signed under the old secret is still taken.
    const landed = await putBytes(
      at(during, pending.uploadUrl),
      pending.uploadHeaders,
      SAMPLE_PDF,
    );
    expect(landed.status).toBe(200);
    // Both webhook secrets, sealed under the old key, still open: the delivery carries both.
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), {
      timeout: 15_000,
      interval: 100,
    });
    expect(verifies(receiver.received[0], first)).toBe(true);
    expect(verifies(receiver.received[0], second)).toBe(true);
    const fresh = await requestPdfUpload(during, apiKey);
    const rotatedAgain = await call(
      during,
      apiKey,
      'POST',
      `/v1/webhooks/${endpointId}/rotate-secret`,
    );
    expect(rotatedAgain.status).toBe(200);
    const third = rotatedAgain.body.secret as string;

    // After: the old secret is gone. The current webhook secret was sealed under the new key; the
    // previous one (still in its 24 h overlap) only opened with the old key, so it is skipped.
    const warn = vi.spyOn(Logger.prototype, 'warn');
    try {
      const after = await boot({ STORAGE_SIGNING_SECRET: NEW_SECRET });
      const put = await putBytes(
        at(after, fresh.uploadUrl),
        fresh.uploadHeaders,
        SAMPLE_PDF,
      );
      expect(put.status).toBe(200);
      await vi.waitFor(() => expect(receiver.received).toHaveLength(2), {
        timeout: 15_000,
        interval: 100,
      });
      const delivery = receiver.received[1];
      expect(verifies(delivery, third)).toBe(true);
      expect(verifies(delivery, second)).toBe(false);
      expect(
        String(delivery.headers['webhook-signature']).split(' '),
      ).toHaveLength(1);
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining(
          `Webhook endpoint ${endpointId}: its previous secret cannot be opened`,
        ),
      );
      // The receiver answers before the attempt is recorded: wait for the log to show it.
      await vi.waitFor(
        async () => {
          const log = await call(
            after,
            apiKey,
            'GET',
            `/v1/webhooks/${endpointId}/deliveries`,
          );
          expect(
            (log.body.data as Array<{ statusCode: number | null }>).map(
              (attempt) => attempt.statusCode,
            ),
          ).toEqual([200, 200]);
        },
        { timeout: 15_000, interval: 100 },
      );

      // An upload URL signed under the old secret is refused once that secret is gone.
      const stale = await putBytes(
        at(after, leftOver.uploadUrl),
        leftOver.uploadHeaders,
        SAMPLE_PDF,
      );
      expect(stale.status).toBe(403);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('a boot with an invalid secret', () => {
  beforeAll(() => ensureBuilt());

  it('names the variables and why, and never prints their values', async () => {
    const values = {
      STORAGE_SIGNING_SECRET: 'too-short-signing-value',
      STORAGE_SIGNING_SECRET_PREVIOUS: 'short-previous-value',
      ADMIN_TOKEN: 'adm-tok-v4lue',
      METRICS_TOKEN: 'met-tok-v4lue',
      DATABASE_URL: 'postgres://admin:hunter2-pa55word@bad host name/db',
    };
    const result = await runProcess(
      process.execPath,
      [...SERVER_NODE_FLAGS, SERVER_ENTRY],
      testEnvironment({ ...values, LOG_LEVEL: 'info' }),
    );
    const output = `${result.stdout}${result.stderr}`;

    expect(result.code).toBe(1);
    for (const [variable, value] of Object.entries(values)) {
      expect(output).toContain(variable);
      expect(output).not.toContain(value);
    }
    expect(output).not.toContain('hunter2');
    expect(output).toContain(
      'STORAGE_SIGNING_SECRET must be longer than or equal to 32 characters (got 23 characters, not shown)',
    );
    expect(output).toContain(
      'DATABASE_URL must be a URL address (got a value that is not shown, as it may hold a password)',
    );
  });
});
