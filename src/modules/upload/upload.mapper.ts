import type { MultipartUploadPlanDto } from './upload.dto.js';
import type { IssuedItemUpload } from './upload.service.js';

/** The multipart part of an upload answer: present only for items with a multipart plan. */
export function toPlanDto({ media, upload }: IssuedItemUpload): {
  multipart?: MultipartUploadPlanDto;
} {
  return upload.multipart
    ? {
        multipart: {
          partSizeBytes: media.multipartPartBytes!,
          parts: upload.multipart.parts,
        },
      }
    : {};
}
