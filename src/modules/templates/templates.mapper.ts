import { ASPECT_RATIOS, type TemplateDefinition } from './template.js';
import type { TemplateDto } from './templates.dto.js';

/** A built-in template as `GET /v1/templates` lists it: its fields, sizes and sample images. */
export function toTemplateDto(template: TemplateDefinition): TemplateDto {
  return {
    slug: template.slug,
    description: template.description,
    fields: Object.entries(template.fields).map(([name, field]) => ({
      name,
      ...field,
    })),
    sizes: [
      { aspectRatio: 'default', ...template.defaultSize },
      ...Object.entries(ASPECT_RATIOS).map(([aspectRatio, size]) => ({
        aspectRatio,
        ...size,
      })),
    ],
    samples: `docs/templates/${template.slug}-*.png`,
  };
}
