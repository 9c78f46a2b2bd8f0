import {
  buildPosterKey,
  buildStorageKey,
  hasControlCharacters,
  sanitiseFilename,
} from './storage-key.js';

describe('sanitiseFilename', () => {
  it.each([
    ['banner.jpg', 'banner.jpg'],
    ['My Summer Photo (1).JPG', 'My-Summer-Photo-1.JPG'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\evil.exe', 'evil.exe'],
    ['...hidden', 'hidden'],
    ['Café déjà vu.png', 'Café-déjà-vu.png'],
    ['写真.jpeg', '写真.jpeg'],
    ['a  b\tc.mp4', 'a-b-c.mp4'],
    ['archive.tar.gz', 'archive.tar.gz'],
  ])('%j → %j', (input, expected) => {
    expect(sanitiseFilename(input)).toBe(expected);
  });

  it.each(['', '....', '///', '../..', '-_-', '%%%.'])(
    'rejects %j, which has nothing usable',
    (input) => {
      expect(sanitiseFilename(input)).toBeNull();
    },
  );

  it('keeps long multi-byte names within 120 UTF-8 bytes and keeps the extension', () => {
    const name = `${'é'.repeat(200)}.png`;
    const sanitised = sanitiseFilename(name)!;
    expect(Buffer.byteLength(sanitised, 'utf8')).toBeLessThanOrEqual(120);
    expect(sanitised.endsWith('.png')).toBe(true);
    expect(sanitised.startsWith('éé')).toBe(true);
    expect(sanitised).not.toContain('\uFFFD');
  });

  it('detects control characters', () => {
    expect(hasControlCharacters('ok.jpg')).toBe(false);
    expect(hasControlCharacters('bad\u0000.jpg')).toBe(true);
    expect(hasControlCharacters('bad\n.jpg')).toBe(true);
    expect(hasControlCharacters('bad\u0085.jpg')).toBe(true);
  });

  it('builds keys from ids, never from the path the client sent', () => {
    expect(
      buildStorageKey('ws_1', 'media_2', sanitiseFilename('../x/y.jpg')!),
    ).toBe('ws_1/media_2/y.jpg');
  });

  it.each(['-poster.jpg', 'poster.jpg', '--poster.jpg', '.-poster.jpg'])(
    'puts the poster beside the video without colliding with a video named %j',
    (filename) => {
      const videoKey = buildStorageKey(
        'ws_1',
        'media_2',
        sanitiseFilename(filename)!,
      );
      expect(buildPosterKey('ws_1', 'media_2')).toBe(
        'ws_1/media_2/-poster.jpg',
      );
      expect(videoKey).not.toBe(buildPosterKey('ws_1', 'media_2'));
    },
  );
});
