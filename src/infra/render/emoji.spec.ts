import { EmojiImages, emojiGraphemes, twemojiFileNames } from './emoji.js';
import satori, { type Font } from 'satori';
import { box } from './card-element.js';
import { CjkFallbackFonts, loadBaseFonts, parseUnicodeRange } from './fonts.js';

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

  it('takes Hangul from Noto Sans KR alone, though the Japanese and Chinese slices hold a few syllables', () => {
    // 한, 국, 어 and 가 are among the syllables Noto Sans SC's slices carry; ㄱ is in JP's too.
    const fonts = new CjkFallbackFonts().fontsFor('한국어가나다ㄱ');
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.name.startsWith('Noto Sans KR'))).toBe(
      true,
    );
  });

  it('keeps Han characters on the Japanese font in Korean text', () => {
    const fonts = new CjkFallbackFonts().fontsFor('韓國');
    expect(fonts.every((font) => font.name.startsWith('Noto Sans JP'))).toBe(
      true,
    );
  });

  describe('drawing Hangul (satori, as the render worker calls it)', () => {
    const draw = (text: string, fallback: (segment: string) => Font[]) =>
      satori(
        box(
          { width: 400, height: 100, fontFamily: 'Inter', fontSize: 48 },
          text,
        ),
        {
          width: 400,
          height: 100,
          // Read anew each time: satori shares one font loader, and the fonts loaded into it
          // since, between renders given the same font buffers.
          fonts: loadBaseFonts(),
          loadAdditionalAsset: async (_language, segment) => fallback(segment),
        },
      );
    const cjk = new CjkFallbackFonts();
    const withKorean = (segment: string) => cjk.fontsFor(segment);
    const withoutFallback = (): Font[] => [];

    it('draws two different words as different glyphs, where without the font both are the same boxes', async () => {
      // Same length, no syllable in common: tofu (or nothing) draws them identically.
      const [seoul, hangeul] = ['서울시', '한국어'];
      const tofu = await draw(seoul, withoutFallback);
      expect(await draw(hangeul, withoutFallback)).toBe(tofu);
      const drawn = await draw(seoul, withKorean);
      expect(drawn).not.toBe(tofu);
      expect(await draw(hangeul, withKorean)).not.toBe(drawn);
    });
  });
});
