import { box } from '../../../infra/render/card-element.js';
import {
  avatar,
  clampedText,
  fitText,
  FONT_FAMILY,
  PALETTES,
} from '../layout-kit.js';
import { OG_SIZE, type TemplateDefinition } from '../template.js';

/**
 * A post as a card: author and avatar on top, the text large, an optional line under it, on a
 * dark or light theme. The card takes the height its text needs and sits centred on the canvas,
 * so a short post in 9:16 is a compact card rather than a stretched one.
 */
export const tweetImage: TemplateDefinition = {
  slug: 'tweetImage',
  description:
    'A social post rendered as a card: author, avatar, the post text and an optional subtitle, in a dark or light theme.',
  defaultSize: OG_SIZE,
  fields: {
    title: {
      type: 'text',
      description:
        'The post text; long text wraps and shrinks to fit, and is cut with an ellipsis only past what fits at the smallest size.',
      maxLength: 400,
      default: 'Your words here. Short posts render large; long ones shrink.',
    },
    subtitle: {
      type: 'text',
      description: 'A quieter line under the text (a link, a date, a tagline).',
      maxLength: 200,
      default: '',
    },
    author: {
      type: 'text',
      description:
        "The author's name; its initials stand in for a missing avatar.",
      maxLength: 80,
      default: '',
    },
    avatarUrl: {
      type: 'image',
      description:
        "URL of the author's picture (cropped to a circle); a placeholder is drawn if it cannot be fetched.",
      shape: 'square',
    },
    theme: {
      type: 'enum',
      description: 'Colour scheme.',
      values: ['dark', 'light'],
      default: 'dark',
    },
  },
  layout({ config, size, images }) {
    const palette = config.theme === 'light' ? PALETTES.light : PALETTES.dark;
    const short = Math.min(size.width, size.height);
    const margin = Math.round(short * 0.07);
    const padding = Math.round(short * 0.065);
    const avatarSize = Math.round(short * 0.11);
    const gap = Math.round(short * 0.045);
    const innerWidth = size.width - 2 * margin - 2 * padding;
    let available = size.height - 2 * margin - 2 * padding;

    const children = [];
    const showHeader = config.author !== '' || images.avatarUrl !== null;
    if (showHeader) {
      children.push(
        box(
          { alignItems: 'center', gap: Math.round(avatarSize * 0.3) },
          avatar(images.avatarUrl, config.author, avatarSize, palette),
          box(
            {
              fontSize: Math.round(avatarSize * 0.38),
              fontWeight: 700,
              color: palette.text,
              overflow: 'hidden',
            },
            config.author,
          ),
        ),
      );
      available -= avatarSize + gap;
    }
    const subtitle =
      config.subtitle === ''
        ? null
        : fitText(
            config.subtitle,
            { width: innerWidth, height: short * 0.14 },
            {
              max: Math.round(short * 0.042),
              min: Math.round(short * 0.03),
              lineHeight: 1.35,
            },
          );
    if (subtitle) {
      available -=
        subtitle.maxLines * Math.ceil(subtitle.fontSize * 1.35) + gap;
    }
    const title = fitText(
      config.title,
      { width: innerWidth, height: available },
      {
        max: Math.round(short * 0.1),
        min: Math.round(short * 0.036),
        lineHeight: 1.2,
      },
    );
    children.push(
      clampedText(config.title, title, {
        fontWeight: 700,
        color: palette.text,
        letterSpacing: -0.01 * title.fontSize,
      }),
    );
    if (subtitle) {
      children.push(
        clampedText(config.subtitle, subtitle, {
          fontWeight: 500,
          color: palette.muted,
        }),
      );
    }
    return box(
      {
        width: size.width,
        height: size.height,
        padding: margin,
        boxSizing: 'border-box',
        alignItems: 'center',
        justifyContent: 'center',
        backgroundImage: palette.background,
        fontFamily: FONT_FAMILY,
      },
      box(
        {
          flexDirection: 'column',
          width: '100%',
          maxHeight: '100%',
          padding,
          gap,
          boxSizing: 'border-box',
          borderRadius: Math.round(short * 0.04),
          backgroundColor: palette.surface,
          border: `1px solid ${palette.border}`,
          overflow: 'hidden',
        },
        ...children,
      ),
    );
  },
};
