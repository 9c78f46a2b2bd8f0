import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font, FontWeight } from 'satori';

const packageFile = createRequire(import.meta.url).resolve;

/** The family layouts ask for; every other family here is a fallback satori reaches on its own. */
export const TEXT_FONT_FAMILY = 'Inter';

const TEXT_FONT_FILES: Array<[FontWeight, string]> = [
  [400, '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'],
  [500, '@expo-google-fonts/inter/500Medium/Inter_500Medium.ttf'],
  [600, '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'],
  [700, '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'],
  [800, '@expo-google-fonts/inter/800ExtraBold/Inter_800ExtraBold.ttf'],
];

/** Arrows, maths, box drawing, Greek and Cyrillic extensions, Hebrew… that Inter lacks. */
const SYMBOL_FONT_FILES: Array<[FontWeight, string]> = [
  [400, 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf'],
  [700, 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'],
];

/**
 * Full TTFs loaded up front: parsed once per worker (satori caches parsed fonts by their buffer),
 * they cover every Latin, Greek and Cyrillic text and most symbols.
 */
export function loadBaseFonts(): Font[] {
  const load = (name: string, files: Array<[FontWeight, string]>): Font[] =>
    files.map(([weight, file]) => ({
      name,
      weight,
      style: 'normal',
      data: readFileSync(packageFile(file)),
    }));
  return [
    ...load(TEXT_FONT_FAMILY, TEXT_FONT_FILES),
    ...load('DejaVu Sans', SYMBOL_FONT_FILES),
  ];
}

type CodePointRange = [number, number];

interface Subset {
  id: string;
  ranges: CodePointRange[];
}

/** `"U+4e00-4e3f,U+4e41"` (fontsource's unicode.json, CSS unicode-range syntax) → ranges. */
export function parseUnicodeRange(value: string): CodePointRange[] {
  return value.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to, 16)];
  });
}

function covers(ranges: CodePointRange[], codePoint: number): boolean {
  return ranges.some(([from, to]) => from <= codePoint && codePoint <= to);
}

/** A fontsource family split by Google Fonts into ~100 unicode-range slices per weight. */
class SlicedFamily {
  private readonly subsets: Subset[];

  constructor(
    readonly name: string,
    private readonly packageName: string,
  ) {
    const unicode = JSON.parse(
      readFileSync(packageFile(`${packageName}/unicode.json`), 'utf8'),
    ) as Record<string, string>;
    this.subsets = Object.entries(unicode).map(([key, value]) => ({
      id: key.replace(/^\[(.*)\]$/, '$1'),
      ranges: parseUnicodeRange(value),
    }));
  }

  subsetFor(codePoint: number): Subset | undefined {
    return this.subsets.find((subset) => covers(subset.ranges, codePoint));
  }

  file(subset: Subset, weight: FontWeight): string {
    const slug = this.packageName.split('/')[1];
    return `${this.packageName}/files/${slug}-${subset.id}-${weight}-normal.woff`;
  }
}

const CJK_WEIGHTS: FontWeight[] = [400, 700];

/** Hangul jamo, compatibility jamo, jamo extensions A and B, and the syllables. */
const HANGUL: CodePointRange[] = [
  [0x1100, 0x11ff],
  [0x3130, 0x318f],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff],
];

/**
 * CJK fonts are ~5 MB per weight; loading them all up front would cost every worker seconds and
 * hundreds of MB. Instead satori asks (`loadAdditionalAsset`) for text no loaded font covers, and
 * gets only the slices covering it — Japanese first, then Simplified Chinese for the hanzi the
 * Japanese font lacks, then Korean. Hangul goes to the Korean font first: the Japanese slices
 * carry the compatibility jamo and the Chinese ones about 80 of the 11,172 syllables, and a word
 * drawn from two families would not match itself. Each slice is read once and handed back as the
 * same buffer, so satori parses it once per worker.
 */
export class CjkFallbackFonts {
  private readonly japanese = new SlicedFamily(
    'Noto Sans JP',
    '@fontsource/noto-sans-jp',
  );
  private readonly chinese = new SlicedFamily(
    'Noto Sans SC',
    '@fontsource/noto-sans-sc',
  );
  private readonly korean = new SlicedFamily(
    'Noto Sans KR',
    '@fontsource/noto-sans-kr',
  );
  private readonly hanFirst = [this.japanese, this.chinese, this.korean];
  private readonly hangulFirst = [this.korean, this.japanese, this.chinese];
  private readonly loaded = new Map<string, Buffer>();

  fontsFor(text: string): Font[] {
    const fonts = new Map<string, Font>();
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      const families = covers(HANGUL, codePoint)
        ? this.hangulFirst
        : this.hanFirst;
      for (const family of families) {
        const subset = family.subsetFor(codePoint);
        if (!subset) continue;
        for (const weight of CJK_WEIGHTS) {
          const file = family.file(subset, weight);
          // Unique names: satori keeps one font per name and weight.
          fonts.set(file, {
            name: `${family.name} ${subset.id}`,
            weight,
            style: 'normal',
            data: this.read(file),
          });
        }
        break;
      }
    }
    return [...fonts.values()];
  }

  private read(file: string): Buffer {
    let data = this.loaded.get(file);
    if (!data) {
      data = readFileSync(packageFile(file));
      this.loaded.set(file, data);
    }
    return data;
  }
}
