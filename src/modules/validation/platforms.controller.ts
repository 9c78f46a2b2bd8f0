import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/authenticated.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { PLATFORM_RULES } from './platform-rules.js';
import { PlatformListDto, type PlatformDto } from './platforms.dto.js';
import { PLATFORMS } from './platforms.js';

/**
 * The list is the same for every caller and every request: built once, from the rules the
 * validator reads (the DTOs implement the rule types; only their arrays are mutable).
 */
const PLATFORM_LIST: PlatformListDto = {
  data: PLATFORMS.map((platform): PlatformDto => ({
    platform,
    ...(PLATFORM_RULES[platform] as Omit<PlatformDto, 'platform'>),
  })),
};

@ApiTags('Validation')
@Controller('v1/platforms')
export class PlatformsController {
  /**
   * Every platform media can be validated against, with its video and image rules as data: the
   * same rules `validate` checks, each platform with its source and the date they were checked.
   * Show the limits in your UI before uploading.
   */
  @ApiOperation({ summary: 'List platforms and their publishing rules' })
  @ApiOkResponse({ type: PlatformListDto })
  @ApiProblemResponses()
  @Authenticated('media:read')
  @Get()
  listPlatforms(): PlatformListDto {
    return PLATFORM_LIST;
  }
}
