/**
 * Renders the sample images in this folder: every built-in template at its own size and at each
 * aspect ratio (both themes where it has them), plus two stress cases. Run from the repository root
 * with `npx tsx docs/templates/render-samples.ts` after changing a layout, and look at them.
 * The "remote" pictures are drawn here from SVG so the script needs no network.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CardRenderer } from '../../src/infra/render/card-renderer.js';
import type { CardSize } from '../../src/infra/render/card-renderer.js';
import { validateConfig } from '../../src/modules/templates/config-fields.js';
import { BUILT_IN_TEMPLATES } from '../../src/modules/templates/definitions/index.js';
import { renderCard } from '../../src/modules/templates/render-card.js';
import {
  ASPECT_RATIOS,
  type TemplateDefinition,
} from '../../src/modules/templates/template.js';

const OUT_DIR = import.meta.dirname;

const LANDSCAPE =
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#fb923c"/><stop offset="0.6" stop-color="#f9a8d4"/><stop offset="1" stop-color="#c4b5fd"/>
  </linearGradient></defs>
  <rect width="1600" height="1000" fill="url(#sky)"/>
  <circle cx="1150" cy="420" r="140" fill="#fde68a"/>
  <path d="M0 700 L300 420 L520 620 L800 330 L1100 640 L1350 480 L1600 650 L1600 1000 L0 1000Z" fill="#4c1d95"/>
  <path d="M0 820 L380 600 L700 780 L1000 620 L1300 800 L1600 700 L1600 1000 L0 1000Z" fill="#1e1b4b"/>
</svg>`);

const AVATAR =
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
  <rect width="400" height="400" fill="#0ea5e9"/>
  <circle cx="200" cy="160" r="80" fill="#e0f2fe"/>
  <ellipse cx="200" cy="380" rx="150" ry="120" fill="#e0f2fe"/>
</svg>`);

const LONG_TITLE =
  'Four hundred characters is a lot for a title, and that is the point of this sample: the layout has to wrap it across many lines, shrink the type until every word fits inside its box, keep the margins and the author line where they belong, and only when even the smallest size cannot hold it, end the last line with an ellipsis rather than letting text spill past the edge of the card. Done.';

interface Sample {
  name: string;
  template: string;
  config: Record<string, unknown>;
  sizes: Array<[string, CardSize | undefined]>;
  images: Record<string, Buffer>;
}

const EVERY_SIZE: Array<[string, CardSize | undefined]> = [
  ['og', undefined],
  ...Object.entries(ASPECT_RATIOS).map(
    ([ratio, size]) => [ratio.replace(':', 'x'), size] as [string, CardSize],
  ),
];

const SAMPLES: Sample[] = [
  ...(['dark', 'light'] as const).map((theme) => ({
    name: `tweetImage-${theme}`,
    template: 'tweetImage',
    config: {
      title:
        'We cut our p99 render time from 420 ms to 38 ms by moving satori off the event loop → here is how.',
      subtitle: 'engineering.example.com · 6 min read',
      author: 'Ada Lovelace',
      avatarUrl: 'https://example.com/ada.png',
      theme,
    },
    sizes: EVERY_SIZE,
    images: { avatarUrl: AVATAR },
  })),
  {
    name: 'og-blog-post',
    template: 'og-blog-post',
    config: {
      title: 'Designing share images that survive every aspect ratio',
      author: 'Grace Hopper',
      date: '2025-06-01',
      backgroundImage: 'https://example.com/cover.jpg',
    },
    sizes: EVERY_SIZE,
    images: { backgroundImage: LANDSCAPE },
  },
  {
    name: 'og-blog-post-placeholder',
    template: 'og-blog-post',
    config: {
      title: 'When the background image cannot be fetched',
      author: 'Grace Hopper',
      date: '2025-06-01',
      backgroundImage: 'https://unreachable.invalid/cover.jpg',
    },
    sizes: [['og', undefined]],
    images: {},
  },
  {
    name: 'tweetImage-400-characters',
    template: 'tweetImage',
    config: {
      title: LONG_TITLE,
      author: 'Unreachable Avatar',
      avatarUrl: 'https://unreachable.invalid/a.png',
    },
    sizes: [
      ['og', undefined],
      ['9x16', ASPECT_RATIOS['9:16']],
    ],
    images: {},
  },
  {
    name: 'og-blog-post-400-characters',
    template: 'og-blog-post',
    config: { title: LONG_TITLE, author: 'Grace Hopper', date: '2025-06-01' },
    sizes: [['og', undefined]],
    images: {},
  },
  {
    name: 'tweetImage-cjk-emoji',
    template: 'tweetImage',
    config: {
      title:
        '東京で新しいプロダクトを発布しました 🚀🎉 中文标题也能正常显示 한국어 제목도 잘 보입니다 → 👩‍💻🇯🇵',
      subtitle: '絵文字と漢字 · 이모지와 한글 ✓',
      author: '山田 太郎',
      theme: 'light',
    },
    sizes: [
      ['og', undefined],
      ['1x1', ASPECT_RATIOS['1:1']],
    ],
    images: {},
  },
];

function findTemplate(slug: string): TemplateDefinition {
  const template = BUILT_IN_TEMPLATES.find(
    (candidate) => candidate.slug === slug,
  );
  if (!template) throw new Error(`no template ${slug}`);
  return template;
}

const renderer = new CardRenderer();
try {
  for (const sample of SAMPLES) {
    const template = findTemplate(sample.template);
    const { config, errors } = validateConfig(template.fields, sample.config);
    if (errors.length > 0) throw new Error(JSON.stringify(errors));
    for (const [suffix, size] of sample.sizes) {
      const { png } = await renderCard(
        renderer,
        template,
        config,
        size ?? template.defaultSize,
        sample.images,
      );
      const file = join(OUT_DIR, `${sample.name}-${suffix}.png`);
      await writeFile(file, png);
      console.log(`${file} ${png.length} bytes`);
    }
  }
} finally {
  await renderer.onModuleDestroy();
}
