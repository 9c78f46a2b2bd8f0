import { EmojiImages, emojiGraphemes, twemojiFileNames } from './emoji.js';
import { CjkFallbackFonts, parseUnicodeRange } from './fonts.js';

describe('emoji graphemes', () => {
  it('finds whole RGI sequences and leaves text symbols to the fonts', () => {
    expect(emojiGraphemes('Hi 👨‍👩‍👧 🇯🇵 👍🏽 #️⃣ © → ★ 🚀')).toEqual([
      '👨‍👩‍👧',
      '🇯🇵',
      '👍🏽',
      '#️⃣',
      '🚀',
    ]);
  });

  it('maps graphemes to twemoji file names', () => {
    expect(twemojiFileNames('🚀')).toEqual(['1f680']);
    expect(twemojiFileNames('#️⃣')).toEqual(['23-20e3']);
    expect(twemojiFileNames('🏳️‍🌈')).toEqual([
      '1f3f3-fe0f-200d-1f308',
      '1f3f3-200d-1f308',
    ]);
  });

  it('inlines the SVGs the package ships, and nothing for unknown ones', () => {
    const images = new EmojiImages();
    expect(images.dataUrlFor('👩‍💻')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(images.dataUrlFor('🏳️‍🌈')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(images.dataUrlFor('x')).toBeNull();
  });
});

describe('CJK fallback fonts', () => {
  it('parses CSS unicode ranges', () => {
    expect(parseUnicodeRange('U+4e00-4e3f, U+25ee8')).toEqual([
      [0x4e00, 0x4e3f],
      [0x25ee8, 0x25ee8],
    ]);
  });

  it('loads only the slices covering the text, Japanese before Chinese, regular and bold', () => {
    const fonts = new CjkFallbackFonts().fontsFor('日本语');
    expect(fonts.length).toBeGreaterThan(0);
    expect(new Set(fonts.map((font) => font.weight))).toEqual(
      new Set([400, 700]),
    );
    expect(fonts.some((font) => font.name.startsWith('Noto Sans JP'))).toBe(
      true,
    );
    expect(new CjkFallbackFonts().fontsFor('\u{10ffff}')).toEqual([]);
  });
});
