import {
  JPEG_QUALITY,
  baselineJpegOptions,
  jpegReencodeReasons,
} from './image-normalisation.js';

describe('jpegReencodeReasons', () => {
  const baselineSrgb = { isProgressive: false, space: 'srgb', depth: 'uchar' };

  it('keeps a baseline 8-bit sRGB JPEG', () => {
    expect(jpegReencodeReasons(baselineSrgb)).toEqual([]);
  });

  it('keeps a baseline 8-bit greyscale JPEG', () => {
    expect(jpegReencodeReasons({ ...baselineSrgb, space: 'b-w' })).toEqual([]);
  });

  it.each([
    [{ isProgressive: true }, ['progressive']],
    [{ space: 'cmyk' }, ['not_srgb']],
    [{ space: 'lab' }, ['not_srgb']],
    [{ space: 'rgb16', depth: 'ushort' }, ['not_srgb', 'not_8_bit']],
    [{ isProgressive: true, space: 'cmyk' }, ['progressive', 'not_srgb']],
  ])('re-encodes %o because of %o', (overrides, reasons) => {
    expect(jpegReencodeReasons({ ...baselineSrgb, ...overrides })).toEqual(
      reasons,
    );
  });
});

describe('baselineJpegOptions', () => {
  it('asks for a baseline JPEG with nothing that would turn progressive on', () => {
    expect(baselineJpegOptions()).toEqual({
      quality: JPEG_QUALITY,
      progressive: false,
      mozjpeg: false,
      optimiseScans: false,
      chromaSubsampling: '4:4:4',
    });
  });

  it.each([
    [undefined, '4:4:4'],
    ['4:2:0', '4:2:0'],
    ['4:4:4', '4:4:4'],
    ['4:2:2', '4:4:4'],
    ['4:4:4:4', '4:4:4'],
    ['4:2:0:4', '4:2:0'],
  ])('source subsampling %s gives %s', (source, expected) => {
    expect(baselineJpegOptions(source).chromaSubsampling).toBe(expected);
  });
});
