import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorators.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import {
  StorageEventsDto,
  StorageEventsResultDto,
} from './storage-events.dto.js';
import {
  STORAGE_EVENTS_SECRET_HEADER,
  StorageEventsGuard,
} from './storage-events.guard.js';
import { UploadReceiptService } from './upload-receipt.service.js';

@ApiTags('Internal')
@Public()
@Controller('internal')
export class StorageEventsController {
  constructor(private readonly receipts: UploadReceiptService) {}

  /**
   * Receives S3 event notifications. Each `ObjectCreated:*` record whose key belongs to a PENDING
   * upload starts its processing; anything else is counted as ignored. Safe to deliver twice.
   */
  @ApiOperation({ summary: 'Receive storage event notifications' })
  // A header parameter rather than a security scheme: the secret is the storage system's, and
  // Swagger UI's Authorize dialog is for API keys.
  @ApiHeader({
    name: STORAGE_EVENTS_SECRET_HEADER,
    required: true,
    description: "The deployment's `STORAGE_EVENTS_SECRET`",
  })
  // What S3 sends, trimmed to the fields read: Swagger UI would otherwise prefill every optional
  // field of the notification schema.
  @ApiBody({
    type: StorageEventsDto,
    examples: {
      'An object created': {
        value: {
          Records: [
            {
              eventName: 'ObjectCreated:Put',
              s3: {
                object: {
                  key: 'ws_abc1234567890abc12345678/media_abc1234567890abc12345678/banner.jpg',
                  size: 245_760,
                },
              },
            },
          ],
        },
      },
    },
  })
  @ApiOkResponse({ type: StorageEventsResultDto })
  @ApiProblemResponses(
    400,
    [401, 'Missing or wrong `X-Storage-Events-Secret` (`unauthorized`)'],
    [403, 'Storage events are not enabled on this deployment (`forbidden`)'],
    500,
    503,
  )
  @UseGuards(StorageEventsGuard)
  @HttpCode(200)
  @Post('storage-events')
  receiveStorageEvents(
    @Body() body: StorageEventsDto,
  ): Promise<StorageEventsResultDto> {
    return this.receipts.handleStorageEvents(body);
  }
}
