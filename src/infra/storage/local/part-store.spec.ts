import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MultipartPartsRejectedError } from '../storage.port.js';
import { PartStore } from './part-store.js';
import { StagingArea } from './staging-area.js';

const UPLOAD_ID = '0b9e5c1e-7d52-4b7a-9a39-4f0f7d3c2a11';
const PART_BYTES = 1000;
const PARTS = [Buffer.alloc(PART_BYTES, 1), Buffer.alloc(400, 2)];

function etagOf(bytes: Buffer): string {
  return `"${createHash('sha256').update(bytes).digest('hex')}"`;
}

describe('PartStore', () => {
  let dir: string;
  let staging: StagingArea;
  let parts: PartStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'part-store-spec-'));
    staging = new StagingArea(join(dir, 'tmp'));
    parts = new PartStore(join(dir, 'tmp', 'multipart'), staging);
    await parts.open(UPLOAD_ID);
    for (const [index, bytes] of PARTS.entries()) {
      const staged = await staging.stage(Readable.from([bytes]), {
        destroyOnFailure: true,
      });
      await parts.store(UPLOAD_ID, index + 1, staged);
    }
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const listed = () =>
    PARTS.map((bytes, index) => ({
      partNumber: index + 1,
      etag: etagOf(bytes),
    }));

  async function stagedFiles(): Promise<string[]> {
    return (await readdir(join(dir, 'tmp'))).filter(
      (name) => name !== 'multipart',
    );
  }

  it('assembles the listed parts, in order, into one staged file', async () => {
    const staged = await parts.assemble({
      uploadId: UPLOAD_ID,
      partSizeBytes: PART_BYTES,
      parts: listed(),
    });
    const whole = Buffer.concat(PARTS);
    expect(staged).toMatchObject({
      sizeBytes: whole.length,
      sha256: etagOf(whole).slice(1, -1),
    });
    expect(await readFile(staged.tempPath)).toEqual(whole);
  });

  it.each<[string, () => Array<{ partNumber: number; etag: string }>]>([
    [
      'a part never uploaded',
      () => [listed()[0], { partNumber: 3, etag: etagOf(Buffer.alloc(0)) }],
    ],
    ['a short part before the last', () => listed().reverse()],
    [
      "an ETag that is not the uploaded part's",
      () => [listed()[0], { ...listed()[1], etag: etagOf(PARTS[0]) }],
    ],
  ])('refuses %s, staging nothing and keeping the parts', async (_, list) => {
    await expect(
      parts.assemble({
        uploadId: UPLOAD_ID,
        partSizeBytes: PART_BYTES,
        parts: list(),
      }),
    ).rejects.toBeInstanceOf(MultipartPartsRejectedError);
    expect(await stagedFiles()).toEqual([]);
    expect(
      (await readdir(join(dir, 'tmp', 'multipart', UPLOAD_ID))).sort(),
    ).toEqual(['1', '2']);
  });

  it('refuses a last part longer than the part size', async () => {
    await expect(
      parts.assemble({
        uploadId: UPLOAD_ID,
        partSizeBytes: 300,
        parts: listed().slice(1),
      }),
    ).rejects.toBeInstanceOf(MultipartPartsRejectedError);
  });

  it('removes the parts of an upload, and succeeds when they are already gone', async () => {
    await parts.remove(UPLOAD_ID);
    await parts.remove(UPLOAD_ID);
    expect(await readdir(join(dir, 'tmp', 'multipart'))).toEqual([]);
  });

  it('refuses upload ids it did not issue before they become a path', async () => {
    await expect(parts.remove('../../etc')).rejects.toThrow(RangeError);
    await expect(parts.open('not-a-uuid')).rejects.toThrow(RangeError);
  });
});
