import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runProcess } from './support/server-process.js';

const SPEC = join(ROOT, 'openapi.json');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

/**
 * The committed openapi.json read by three independent client generators our users pick, each
 * writing into a temporary directory, and their output type-checked together by the project's
 * TypeScript in strict mode: a spec construct one of them misreads (a parameter it cannot place,
 * a schema it types wrongly) fails here rather than in a user's build. The generators run from
 * node_modules and read only the local file, so the test works offline.
 */
describe('client generators read openapi.json', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'media-api-generators-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs a generator to completion, failing with its output when it does not exit 0. */
  async function generate(command: string, args: string[]): Promise<void> {
    const run = await runProcess(bin(command), args, { NO_COLOR: '1' });
    expect(
      run.code,
      `${command} ${args.join(' ')}\n${run.stdout}\n${run.stderr}`,
    ).toBe(0);
  }

  it('generates three clients that type-check under strict TypeScript', async () => {
    await generate('openapi-ts', ['-i', SPEC, '-o', join(dir, 'hey-api')]);

    const orvalConfig = join(dir, 'orval.config.mjs');
    await writeFile(
      orvalConfig,
      `export default ${JSON.stringify({
        media: {
          input: { target: SPEC },
          output: {
            target: join(dir, 'orval', 'api.ts'),
            client: 'fetch',
            mode: 'single',
            prettier: false,
          },
        },
      })};\n`,
    );
    await generate('orval', ['--config', orvalConfig]);

    await generate('swagger-typescript-api', [
      'generate',
      '--path',
      SPEC,
      '--output',
      join(dir, 'swagger-typescript-api'),
      '--name',
      'api.ts',
    ]);

    for (const output of ['hey-api', 'orval', 'swagger-typescript-api']) {
      expect(
        (await readdir(join(dir, output), { recursive: true })).filter((file) =>
          file.endsWith('.ts'),
        ),
        output,
      ).not.toEqual([]);
    }

    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          lib: ['es2022', 'dom', 'dom.iterable'],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        include: ['hey-api', 'orval', 'swagger-typescript-api'],
      }),
    );
    const tsc = await runProcess(
      bin('tsc'),
      ['-p', dir, '--pretty', 'false'],
      {},
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  }, 300_000);
});
