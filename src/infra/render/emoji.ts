import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const TWEMOJI_DIR = dirname(
  createRequire(import.meta.url).resolve('@twemoji/svg/package.json'),
);
const ZWJ = '\u200d';
const VARIATION_SELECTOR_16 = /\ufe0f/g;
// The `v` flag (Unicode sets) is ES2024, past the compile target, hence the constructor.
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The emoji among `text`'s graphemes (RGI sequences: ZWJ families, flags, skin tones, keycaps).
 * `©` or `↗` without U+FE0F are text, not emoji, and stay with the fonts.
 */
export function emojiGraphemes(text: string): string[] {
  return [...graphemes.segment(text)]
    .map(({ segment }) => segment)
    .filter((segment) => RGI_EMOJI.test(segment));
}

/**
 * Twemoji's file names: code points in hex joined by `-`, U+FE0F dropped unless the sequence has a
 * ZWJ (then some files keep it and some do not, so both are tried).
 */
export function twemojiFileNames(grapheme: string): string[] {
  const name = (value: string) =>
    Array.from(value, (char) => char.codePointAt(0)!.toString(16)).join('-');
  const bare = name(grapheme.replace(VARIATION_SELECTOR_16, ''));
  return grapheme.includes(ZWJ) ? [name(grapheme), bare] : [bare];
}

/** Twemoji SVGs from the npm package, as data URLs satori draws in place of the grapheme. */
export class EmojiImages {
  private readonly cache = new Map<string, string | null>();

  imagesFor(texts: string[]): Record<string, string> {
    const images: Record<string, string> = {};
    for (const grapheme of texts.flatMap(emojiGraphemes)) {
      const url = this.dataUrlFor(grapheme);
      if (url) images[grapheme] = url;
    }
    return images;
  }

  dataUrlFor(grapheme: string): string | null {
    if (!this.cache.has(grapheme)) {
      this.cache.set(grapheme, this.load(grapheme));
    }
    return this.cache.get(grapheme)!;
  }

  private load(grapheme: string): string | null {
    for (const name of twemojiFileNames(grapheme)) {
      try {
        const svg = readFileSync(join(TWEMOJI_DIR, `${name}.svg`));
        return `data:image/svg+xml;base64,${svg.toString('base64')}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return null;
  }
}
