import sharp from 'sharp';
import { CardRenderer } from '../../infra/render/card-renderer.js';
import type { CardSize } from '../../infra/render/card-renderer.js';
import { validateConfig } from './config-fields.js';
import { BUILT_IN_TEMPLATES } from './definitions/index.js';
import { renderCard } from './render-card.js';
import { ASPECT_RATIOS, OG_SIZE, type TemplateDefinition } from './template.js';

const SIZES: Array<[string, CardSize]> = [
  ['own size', OG_SIZE],
  ...Object.entries(ASPECT_RATIOS),
];

const LONG_TITLE =
  `${'Every word of this title has to stay inside the card. '.repeat(8)}`.slice(
    0,
    400,
  );
const CJK_EMOJI_TITLE =
  '東京で新製品を発表しました 🚀🎉 中文标题也能正常显示 → 👩‍💻🇯🇵';

function template(slug: string): TemplateDefinition {
  return BUILT_IN_TEMPLATES.find((candidate) => candidate.slug === slug)!;
}

async function raw(png: Buffer) {
  const { data, info } = await sharp(png)
    .removeAlpha()
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Mean absolute grey-level difference of two same-size images over rows [from, to) as fractions. */
async function bandDifference(a: Buffer, b: Buffer, from: number, to: number) {
  const [x, y] = await Promise.all([raw(a), raw(b)]);
  const start = Math.floor(x.height * from) * x.width;
  const end = Math.floor(x.height * to) * x.width;
  let sum = 0;
  for (let i = start; i < end; i += 1) sum += Math.abs(x.data[i] - y.data[i]);
  return sum / (end - start);
}

/** Grey-level standard deviation of a strip: near 0 on a smooth background, high where text is. */
async function stripDeviation(
  png: Buffer,
  strip: { left: number; top: number; width: number; height: number },
) {
  const { data } = await raw(await sharp(png).extract(strip).png().toBuffer());
  const mean = data.reduce((sum, value) => sum + value, 0) / data.length;
  const variance =
    data.reduce((sum, value) => sum + (value - mean) ** 2, 0) / data.length;
  return Math.sqrt(variance);
}

describe('built-in templates rendered by the card renderer', () => {
  const renderer = new CardRenderer();
  afterAll(() => renderer.onModuleDestroy());

  const render = async (
    slug: string,
    config: Record<string, unknown>,
    size: CardSize,
  ) => {
    const definition = template(slug);
    const resolved = validateConfig(definition.fields, config);
    expect(resolved.errors).toEqual([]);
    return renderCard(renderer, definition, resolved.config, size, {});
  };

  for (const { slug } of BUILT_IN_TEMPLATES) {
    for (const [name, size] of SIZES) {
      it(`${slug} at ${name} is a ${size.width}×${size.height} PNG with its title drawn`, async () => {
        const titled = await render(slug, { title: 'Hello, world' }, size);
        const untitled = await render(slug, { title: ' ' }, size);
        const metadata = await sharp(titled.png).metadata();
        expect([metadata.format, metadata.width, metadata.height]).toEqual([
          'png',
          size.width,
          size.height,
        ]);
        // The title band differs from the same card without a title: text was drawn there.
        expect(
          await bandDifference(titled.png, untitled.png, 0.15, 1),
        ).toBeGreaterThan(1);
      });
    }
  }

  it('tweetImage dark and light themes differ (light is brighter)', async () => {
    const [dark, light] = await Promise.all(
      (['dark', 'light'] as const).map((theme) =>
        render('tweetImage', { title: 'Themes', theme }, OG_SIZE),
      ),
    );
    const mean = async (png: Buffer) =>
      (await sharp(png).removeAlpha().greyscale().stats()).channels[0].mean;
    expect((await mean(light.png)) - (await mean(dark.png))).toBeGreaterThan(
      100,
    );
  });

  for (const [label, title] of [
    ['a 400-character title', LONG_TITLE],
    ['a CJK + emoji title', CJK_EMOJI_TITLE],
  ]) {
    for (const [name, size] of SIZES) {
      it(`tweetImage keeps ${label} inside the card at ${name}`, async () => {
        const { png } = await render(
          'tweetImage',
          { title, subtitle: 'subtitle', author: 'Ada' },
          size,
        );
        const margin = Math.floor(Math.min(size.width, size.height) * 0.05);
        // The margins around the card are the plain background gradient: no text reached them.
        expect(
          await stripDeviation(png, {
            left: 0,
            top: size.height - margin,
            width: size.width,
            height: margin,
          }),
        ).toBeLessThan(6);
        expect(
          await stripDeviation(png, {
            left: size.width - margin,
            top: 0,
            width: margin,
            height: size.height,
          }),
        ).toBeLessThan(6);
      });
    }
  }

  it('og-blog-post keeps a 400-character title above its author line', async () => {
    const size = OG_SIZE;
    const { png } = await render(
      'og-blog-post',
      { title: LONG_TITLE, author: 'Grace Hopper', date: '2025-06-01' },
      size,
    );
    const padding = Math.floor(size.height * 0.07);
    expect(
      await stripDeviation(png, {
        left: 0,
        top: size.height - padding,
        width: size.width,
        height: padding,
      }),
    ).toBeLessThan(6);
  });

  it('draws a placeholder, not an error, for image bytes that are not an image', async () => {
    const definition = template('tweetImage');
    const { config } = validateConfig(definition.fields, {
      author: 'Ada Lovelace',
      avatarUrl: 'https://example.com/a.png',
    });
    const { png, placeholders } = await renderCard(
      renderer,
      definition,
      config,
      OG_SIZE,
      { avatarUrl: Buffer.from('<html>not an image</html>') },
    );
    expect(placeholders).toEqual(['avatarUrl']);
    expect((await sharp(png).metadata()).width).toBe(OG_SIZE.width);
  });
});
