import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepOrphanWorkDirs } from './work-dirs.js';

describe('sweepOrphanWorkDirs', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'work-dirs-spec-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('removes the directories of dead processes and keeps live ones and everything else', async () => {
    for (const name of [
      'media-image-111-aaaaaa',
      'media-image-222-bbbbbb',
      'media-video-111-cccccc',
      'unrelated',
    ]) {
      await mkdir(join(root, name));
      await writeFile(join(root, name, 'input'), 'bytes');
    }
    await writeFile(join(root, 'media-image-111-file'), 'not a directory');
    const removed = await sweepOrphanWorkDirs(
      'media-image',
      root,
      (pid) => pid === 222,
    );
    expect(removed).toEqual([join(root, 'media-image-111-aaaaaa')]);
    expect((await readdir(root)).sort()).toEqual([
      'media-image-111-file',
      'media-image-222-bbbbbb',
      'media-video-111-cccccc',
      'unrelated',
    ]);
  });

  it('keeps the directories of the running process by default', async () => {
    const own = join(root, `media-image-${process.pid}-zzzzzz`);
    await mkdir(own);
    expect(await sweepOrphanWorkDirs('media-image', root)).toEqual([]);
  });
});
