import { box, image } from '../../../infra/render/card-element.js';
import { clampedText, fitText, FONT_FAMILY } from '../layout-kit.js';
import { OG_SIZE, type TemplateDefinition } from '../template.js';

const DATE_FORMAT = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'long',
  timeZone: 'UTC',
});

/** Drawn when there is no background image, or it could not be fetched. */
const PLACEHOLDER_BACKGROUND = [
  'radial-gradient(circle at 85% 15%, rgba(236, 72, 153, 0.55) 0%, rgba(236, 72, 153, 0) 45%)',
  'radial-gradient(circle at 10% 90%, rgba(56, 189, 248, 0.45) 0%, rgba(56, 189, 248, 0) 50%)',
  'linear-gradient(135deg, #1e1b4b 0%, #312e81 50%, #0f172a 100%)',
].join(', ');

/** Darkens the lower part of any picture enough for white text to stay readable on it. */
const SCRIM =
  'linear-gradient(180deg, rgba(2, 6, 23, 0.25) 0%, rgba(2, 6, 23, 0.55) 45%, rgba(2, 6, 23, 0.9) 100%)';

/**
 * A blog post's share image: the title large over a full-bleed picture (or a gradient), with the
 * author and date under it. Text is always white on a scrim, whatever the picture.
 */
export const ogBlogPost: TemplateDefinition = {
  slug: 'og-blog-post',
  description:
    "A blog post's Open Graph image: title, author and date over a full-bleed background picture.",
  defaultSize: OG_SIZE,
  fields: {
    title: {
      type: 'text',
      description:
        'The post title; long titles wrap and shrink to fit, and are cut with an ellipsis only past what fits at the smallest size.',
      maxLength: 400,
      default: 'Untitled post',
    },
    author: {
      type: 'text',
      description: "The author's name.",
      maxLength: 80,
      default: '',
    },
    date: {
      type: 'date',
      description: 'Publication date, shown as "June 1, 2025".',
    },
    backgroundImage: {
      type: 'image',
      description:
        'URL of the background picture (cropped to fill); a gradient is drawn if it cannot be fetched.',
      shape: 'background',
    },
  },
  layout({ config, size, images }) {
    const short = Math.min(size.width, size.height);
    const padding = Math.round(short * 0.085);
    const gap = Math.round(short * 0.04);
    const metaSize = Math.round(short * 0.042);
    const accentHeight = Math.max(6, Math.round(short * 0.012));
    const meta = [
      config.author,
      config.date && DATE_FORMAT.format(new Date(`${config.date}T00:00:00Z`)),
    ].filter(Boolean);
    const metaHeight = meta.length > 0 ? Math.ceil(metaSize * 1.3) + gap : 0;
    const title = fitText(
      config.title,
      {
        width: size.width - 2 * padding,
        height: size.height - 2 * padding - metaHeight - accentHeight - gap,
      },
      {
        max: Math.round(short * 0.105),
        min: Math.round(short * 0.04),
        lineHeight: 1.15,
      },
    );
    const background = images.backgroundImage
      ? image(images.backgroundImage, size.width, size.height, {
          position: 'absolute',
          top: 0,
          left: 0,
          objectFit: 'cover',
        })
      : box({
          position: 'absolute',
          top: 0,
          left: 0,
          width: size.width,
          height: size.height,
          backgroundImage: PLACEHOLDER_BACKGROUND,
        });
    return box(
      {
        position: 'relative',
        width: size.width,
        height: size.height,
        backgroundColor: '#0f172a',
        fontFamily: FONT_FAMILY,
        color: '#ffffff',
      },
      background,
      box({
        position: 'absolute',
        top: 0,
        left: 0,
        width: size.width,
        height: size.height,
        backgroundImage: SCRIM,
      }),
      box(
        {
          // Positioned, so it paints above the positioned picture and scrim (as in CSS).
          position: 'relative',
          flexDirection: 'column',
          justifyContent: 'flex-end',
          width: '100%',
          height: '100%',
          padding,
          gap,
          boxSizing: 'border-box',
        },
        box({
          width: accentHeight * 10,
          height: accentHeight,
          borderRadius: accentHeight,
          backgroundColor: '#f472b6',
        }),
        clampedText(config.title, title, {
          fontWeight: 800,
          letterSpacing: -0.015 * title.fontSize,
        }),
        ...(meta.length > 0
          ? [
              box(
                {
                  fontSize: metaSize,
                  fontWeight: 500,
                  color: 'rgba(255, 255, 255, 0.82)',
                },
                meta.join('  ·  '),
              ),
            ]
          : []),
      ),
    );
  },
};
