import type { TemplateDefinition } from '../template.js';
import { ogBlogPost } from './og-blog-post.template.js';
import { tweetImage } from './tweet-image.template.js';

/** The built-in templates; a new template is a file beside this one and a line here. */
export const BUILT_IN_TEMPLATES: readonly TemplateDefinition[] = [
  tweetImage,
  ogBlogPost,
];
