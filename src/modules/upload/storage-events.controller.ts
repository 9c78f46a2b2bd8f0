import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorators.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import {
  StorageEventsDto,
  StorageEventsResultDto,
} from './storage-events.dto.js';
import { StorageEventsGuard } from './storage-events.guard.js';
import { UploadReceiptService } from './upload-receipt.service.js';

export const STORAGE_EVENTS_SECURITY_SCHEME = 'storageEventsSecret';

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
  @ApiSecurity(STORAGE_EVENTS_SECURITY_SCHEME)
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
