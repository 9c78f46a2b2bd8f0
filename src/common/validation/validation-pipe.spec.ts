import type { ArgumentMetadata } from '@nestjs/common';
import { parse } from 'node:querystring';
import { ListMediaQueryDto } from '../../modules/media/media.dto.js';
import {
  MAX_STORAGE_EVENT_RECORDS,
  StorageEventsDto,
} from '../../modules/upload/storage-events.dto.js';
import {
  BulkPresignDto,
  BulkVideoUploadUrlsDto,
} from '../../modules/upload/upload.dto.js';
import { ApiError } from '../errors/api-error.js';
import { createValidationPipe } from './validation-pipe.js';

const pipe = createValidationPipe();

async function fieldErrors(
  metatype: ArgumentMetadata['metatype'],
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
) {
  const error = await pipe.transform(value, { type, metatype }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe('validation_error');
  return (error as ApiError).details.errors;
}

const file = { filename: 'a.mp4', contentType: 'video/mp4', size: 1 };
const video = { filename: 'a.mp4', contentType: 'video/mp4', fileSizeMb: 1 };
const record = (key = 'uploads/a.mp4') => ({
  eventName: 'ObjectCreated:Put',
  s3: { object: { key } },
});

describe('createValidationPipe', () => {
  it('refuses __proto__, constructor and prototype like any unknown field', async () => {
    for (const query of [
      '__proto__=1',
      'constructor=1',
      'limit=5&prototype=x',
    ]) {
      const key = query.replace(/^.*?(\w+)=[^=]*$/, '$1');
      expect(
        await fieldErrors(ListMediaQueryDto, parse(query), 'query'),
      ).toEqual([{ field: key, message: `property ${key} should not exist` }]);
    }
    expect(
      await fieldErrors(ListMediaQueryDto, parse('foo=1'), 'query'),
    ).toEqual([{ field: 'foo', message: 'property foo should not exist' }]);
  });

  it('refuses those keys nested in a JSON body', async () => {
    const body = JSON.parse(
      `{"files":[${JSON.stringify(file)},{"__proto__":{"size":2}}]}`,
    );
    expect(await fieldErrors(BulkPresignDto, body)).toEqual([
      {
        field: 'files.1.__proto__',
        message: 'property files.1.__proto__ should not exist',
      },
    ]);
  });

  it('requires objects in arrays of nested DTOs, naming the element', async () => {
    for (const files of [[[]], [null], ['x'], [file, [file]]]) {
      const index = files.length - 1;
      expect(await fieldErrors(BulkPresignDto, { files })).toEqual([
        { field: 'files', message: `files.${index} must be an object` },
      ]);
    }
    for (const files of [null, {}, 'x']) {
      expect(await fieldErrors(BulkPresignDto, { files })).toEqual([
        { field: 'files', message: 'files must be an array' },
      ]);
    }
    expect(
      await fieldErrors(BulkVideoUploadUrlsDto, {
        videos: [video, []],
        targetPlatforms: ['X'],
      }),
    ).toEqual([{ field: 'videos', message: 'videos.1 must be an object' }]);
  });

  it('still validates the fields of each nested DTO', async () => {
    const errors = await fieldErrors(BulkPresignDto, {
      files: [file, { ...file, size: 0 }],
    });
    expect(errors!.map((e) => e.field)).toEqual(['files.1.size']);
  });

  it('refuses null and malformed storage event records', async () => {
    expect(await fieldErrors(StorageEventsDto, { Records: null })).toEqual([
      { field: 'Records', message: 'Records must be an array' },
    ]);
    expect(await fieldErrors(StorageEventsDto, { Records: [null] })).toEqual([
      { field: 'Records', message: 'Records.0 must be an object' },
    ]);
    expect(
      await fieldErrors(StorageEventsDto, {
        Records: [{ eventName: 'x', s3: null }],
      }),
    ).toEqual([{ field: 'Records.0.s3', message: 's3 must be an object' }]);
    expect(
      await fieldErrors(StorageEventsDto, {
        Records: [record(), { eventName: 'x', s3: { object: [] } }],
      }),
    ).toEqual([
      { field: 'Records.1.s3.object', message: 'object must be an object' },
    ]);
  });

  it(`caps storage events at ${MAX_STORAGE_EVENT_RECORDS} records`, async () => {
    const records = (count: number) =>
      Array.from({ length: count }, (_, i) => record(`uploads/${i}`));
    expect(
      await fieldErrors(StorageEventsDto, {
        Records: records(MAX_STORAGE_EVENT_RECORDS + 1),
      }),
    ).toEqual([
      {
        field: 'Records',
        message: `Records must contain no more than ${MAX_STORAGE_EVENT_RECORDS} elements`,
      },
    ]);
    await expect(
      pipe.transform(
        { Records: records(MAX_STORAGE_EVENT_RECORDS) },
        { type: 'body', metatype: StorageEventsDto },
      ),
    ).resolves.toBeInstanceOf(StorageEventsDto);
  });

  it('reads an absent Records as no records', async () => {
    await expect(
      pipe.transform({}, { type: 'body', metatype: StorageEventsDto }),
    ).resolves.toEqual({ Records: [] });
  });
});
