import {
  box,
  image,
  type CardElement,
  type CardStyle,
} from '../../infra/render/card-element.js';
import type { CardSize } from '../../infra/render/card-renderer.js';
import { TEXT_FONT_FAMILY } from '../../infra/render/fonts.js';

/** Shared by the built-in layouts: text fitting, themes and placeholders. */

export const FONT_FAMILY = TEXT_FONT_FAMILY;

export interface Palette {
  background: string;
  surface: string;
  border: string;
  text: string;
  muted: string;
  accent: string;
}

export const PALETTES: Record<'dark' | 'light', Palette> = {
  dark: {
    background: 'linear-gradient(135deg, #0b1120 0%, #1e1b4b 100%)',
    surface: '#111827',
    border: 'rgba(255, 255, 255, 0.12)',
    text: '#f8fafc',
    muted: '#94a3b8',
    accent: '#818cf8',
  },
  light: {
    background: 'linear-gradient(135deg, #eef2ff 0%, #f8fafc 100%)',
    surface: '#ffffff',
    border: 'rgba(15, 23, 42, 0.12)',
    text: '#0f172a',
    muted: '#64748b',
    accent: '#4f46e5',
  },
};

const CJK_OR_WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f000}-\u{1faff}]|[\u{20000}-\u{3fffd}]/u;
const NARROW = /[ilj.,:;'!|()[\]{}\-"`]/;
const SPACE = /\s/;

/** Approximate advance of one character in em of a bold sans (Inter 700); wide scripts are 1 em. */
function charWidthEm(char: string): number {
  if (SPACE.test(char)) return 0.26;
  if (CJK_OR_WIDE.test(char)) return 1.02;
  if (NARROW.test(char)) return 0.3;
  if (char >= 'A' && char <= 'Z') return 0.7;
  if (char === 'm' || char === 'w' || char === 'M' || char === 'W') return 0.86;
  return 0.58;
}

/**
 * Lines `text` takes at 1 em per `widthEm`, wrapping as satori does: at spaces, and between any
 * two wide (CJK) characters; a word longer than a line breaks anywhere.
 */
export function estimateLines(text: string, widthEm: number): number {
  const units = text.match(/\s+|[^\s]/gu) ?? [];
  let lines = 1;
  let line = 0;
  let word = 0;
  const flushWord = () => {
    if (line > 0 && line + word > widthEm) {
      lines += 1;
      line = 0;
    }
    while (word > widthEm) {
      lines += 1;
      word -= widthEm;
    }
    line += word;
    word = 0;
  };
  for (const unit of units) {
    if (SPACE.test(unit)) {
      flushWord();
      line += 0.26;
    } else if (CJK_OR_WIDE.test(unit)) {
      flushWord();
      word = charWidthEm(unit);
      flushWord();
    } else {
      word += charWidthEm(unit);
    }
  }
  flushWord();
  return lines;
}

export interface FittedText {
  fontSize: number;
  lineHeight: number;
  /** Lines that fit the box at `fontSize`: the hard limit (`lineClamp`) should the estimate be short. */
  maxLines: number;
}

/**
 * The largest font size between `max` and `min` at which `text` fits the box; below that, `min`
 * with the overflow cut at the last whole line by an ellipsis. Long titles wrap and shrink, and
 * never spill out of their box.
 */
export function fitText(
  text: string,
  area: CardSize,
  { max, min, lineHeight }: { max: number; min: number; lineHeight: number },
): FittedText {
  const step = Math.max(1, Math.round((max - min) / 24));
  let fontSize = max;
  for (; fontSize > min; fontSize -= step) {
    const lines = estimateLines(text, area.width / fontSize);
    if (lines * fontSize * lineHeight <= area.height) break;
  }
  fontSize = Math.max(fontSize, min);
  return {
    fontSize,
    lineHeight,
    maxLines: Math.max(
      1,
      Math.floor(area.height / (Math.ceil(fontSize * lineHeight) + 1)),
    ),
  };
}

/** A text block that can never overflow: clamped to the lines that fit, ellipsis on the last. */
export function clampedText(
  text: string,
  fitted: FittedText,
  style: CardStyle,
): CardElement {
  return {
    type: 'div',
    props: {
      style: {
        display: 'block',
        fontSize: fitted.fontSize,
        lineHeight: fitted.lineHeight,
        lineClamp: fitted.maxLines,
        overflow: 'hidden',
        wordBreak: 'break-word',
        ...style,
      },
      children: text,
    },
  };
}

const initialSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Up to two initials of a name ("Ada Lovelace" → "AL"), or '' when it has no letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const firsts = words.map(
    (word) =>
      initialSegmenter.segment(word)[Symbol.iterator]().next().value!.segment,
  );
  return (
    firsts.length > 1 ? firsts[0] + firsts[firsts.length - 1] : firsts.join('')
  ).toUpperCase();
}

/**
 * The avatar, round; when none was given or it could not be fetched, the author's initials on
 * the theme's accent gradient instead of a broken image.
 */
export function avatar(
  src: string | null,
  author: string,
  diameter: number,
  palette: Palette,
): CardElement {
  if (src) {
    return image(src, diameter, diameter, {
      borderRadius: diameter / 2,
      objectFit: 'cover',
      flexShrink: 0,
    });
  }
  return box(
    {
      width: diameter,
      height: diameter,
      flexShrink: 0,
      borderRadius: diameter / 2,
      alignItems: 'center',
      justifyContent: 'center',
      backgroundImage: `linear-gradient(135deg, ${palette.accent} 0%, #ec4899 100%)`,
      color: '#ffffff',
      fontSize: Math.round(diameter * 0.4),
      fontWeight: 700,
    },
    initialsOf(author) || '•',
  );
}
