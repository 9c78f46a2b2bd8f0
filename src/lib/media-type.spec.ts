import { mediaTypeEssence } from './media-type.js';

describe('mediaTypeEssence', () => {
  it('drops parameters and case', () => {
    expect(mediaTypeEssence('Image/PNG; charset=binary')).toBe('image/png');
    expect(mediaTypeEssence(' video/mp4 ')).toBe('video/mp4');
  });

  it('takes the first of repeated headers and is undefined for none', () => {
    expect(mediaTypeEssence(['image/jpeg', 'text/html'])).toBe('image/jpeg');
    expect(mediaTypeEssence(undefined)).toBeUndefined();
    expect(mediaTypeEssence('')).toBeUndefined();
    expect(mediaTypeEssence('; charset=utf-8')).toBeUndefined();
  });
});
