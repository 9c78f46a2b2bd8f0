import { NestFactory } from '@nestjs/core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { generatePluginMetadata } from '../scripts/plugin-metadata.js';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/app-config.js';
import { buildOpenApiDocument } from '../src/openapi/openapi.js';
import { testEnvironment } from './support/test-app.js';

const ROOT = resolve(import.meta.dirname, '..');

/** Rendered exactly as `npm run openapi` writes it. */
async function renderDocument() {
  const app = await NestFactory.create(
    AppModule.register(loadConfig(testEnvironment())),
    {
      preview: true,
      logger: false,
    },
  );
  try {
    const document = await buildOpenApiDocument(app);
    return { document, json: `${JSON.stringify(document, null, 2)}\n` };
  } finally {
    await app.close();
  }
}

describe('committed OpenAPI artefacts (regenerate with `npm run openapi`)', () => {
  // A full type-checking compile of the project: minutes on a busy machine.
  it('src/metadata.ts matches what the Swagger plugin generates from the DTOs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openapi-metadata-'));
    try {
      generatePluginMetadata(dir);
      const fresh = await readFile(join(dir, 'metadata.ts'), 'utf8');
      const committed = await readFile(join(ROOT, 'src/metadata.ts'), 'utf8');
      expect(committed, 'src/metadata.ts is stale: run `npm run openapi`').toBe(
        fresh,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('openapi.json and the generated client schema match the code', async () => {
    const { document, json } = await renderDocument();
    await expect(json).toMatchFileSnapshot(join(ROOT, 'openapi.json'));
    const clientSchema = astToString(
      await openapiTS(document as Parameters<typeof openapiTS>[0]),
    );
    await expect(clientSchema).toMatchFileSnapshot(
      join(ROOT, 'client/schema.ts'),
    );
  });
});
