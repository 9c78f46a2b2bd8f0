/**
 * What satori lays out: React-element-shaped plain objects, built without JSX. They are plain data,
 * so a layout made on the main thread can be posted to a render worker as it is.
 */
export type CardStyle = Record<string, string | number>;

export interface CardElement {
  type: 'div' | 'img';
  props: {
    style?: CardStyle;
    /** `img` only: a data URL (remote images are fetched and inlined before layout). */
    src?: string;
    width?: number;
    height?: number;
    children?: CardChild | CardChild[];
  };
}

export type CardChild = CardElement | string;

/** A flex box (satori lays every `div` out as flexbox). */
export function box(style: CardStyle, ...children: CardChild[]): CardElement {
  return {
    type: 'div',
    props: { style: { display: 'flex', ...style }, children },
  };
}

export function image(
  src: string,
  width: number,
  height: number,
  style: CardStyle = {},
): CardElement {
  return { type: 'img', props: { src, width, height, style } };
}

/** Every string in the tree, in order: what the fonts and emoji images must cover. */
export function textOf(child: CardChild | CardChild[] | undefined): string[] {
  if (child === undefined) return [];
  if (typeof child === 'string') return [child];
  if (Array.isArray(child)) return child.flatMap(textOf);
  return textOf(child.props.children);
}
