import satori from 'satori';
import { textOf, type CardElement } from './card-element.js';
import { EmojiImages } from './emoji.js';
import { CjkFallbackFonts, loadBaseFonts } from './fonts.js';

export interface SvgTask {
  tree: CardElement;
  width: number;
  height: number;
}

// Loaded when the worker starts, once per worker thread, and reused by every task it runs.
const fonts = loadBaseFonts();
const cjkFonts = new CjkFallbackFonts();
const emoji = new EmojiImages();

/**
 * Runs in a render worker thread: satori's layout and text shaping are synchronous JavaScript
 * (tens of milliseconds for a card), which would otherwise stall every request on the event loop.
 */
export default async function renderSvg({
  tree,
  width,
  height,
}: SvgTask): Promise<string> {
  return satori(tree, {
    width,
    height,
    fonts,
    graphemeImages: emoji.imagesFor(textOf(tree)),
    loadAdditionalAsset: async (languageCode, segment) =>
      languageCode === 'emoji'
        ? (emoji.dataUrlFor(segment) ?? [])
        : cjkFonts.fontsFor(segment),
  });
}
