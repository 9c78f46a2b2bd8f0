import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_SECRET_FILE, SigningKeys } from './signing-keys.js';

describe('SigningKeys', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'signing-keys-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('uses the configured secret as it is', async () => {
    const keys = await SigningKeys.resolve({
      configured: 'c'.repeat(40),
      dataDir,
    });
    expect(keys.secret).toBe('c'.repeat(40));
  });

  it('generates a random secret once, private to the owner, and every later boot reads the same', async () => {
    const [a, b] = await Promise.all([
      SigningKeys.resolve({ dataDir }),
      SigningKeys.resolve({ dataDir }),
    ]);
    expect(a.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(b.secret).toBe(a.secret);
    expect((await SigningKeys.resolve({ dataDir })).secret).toBe(a.secret);
    const path = join(dataDir, GENERATED_SECRET_FILE);
    expect((await readFile(path, 'utf8')).trim()).toBe(a.secret);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const elsewhere = await mkdtemp(join(tmpdir(), 'signing-keys-'));
    try {
      expect(
        (await SigningKeys.resolve({ dataDir: elsewhere })).secret,
      ).not.toBe(a.secret);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('derives different keys for different purposes', () => {
    const keys = new SigningKeys('s'.repeat(40));
    expect(keys.derive('a')).toHaveLength(32);
    expect(keys.derive('a').equals(keys.derive('a'))).toBe(true);
    expect(keys.derive('a').equals(keys.derive('b'))).toBe(false);
  });
});
