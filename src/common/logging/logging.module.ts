import { Module, type DynamicModule } from '@nestjs/common';
import { pino } from 'pino';
import type { AppConfig } from '../../config/app-config.js';
import { chooseLogFormat, logDestination } from './log-format.js';
import { rootLoggerOptions } from './logger.options.js';
import { PinoLoggerService } from './pino-logger.service.js';

/** The application's root pino logger, as its configuration and stdout ask. */
export function createAppLogger(config: AppConfig): PinoLoggerService {
  return new PinoLoggerService(
    pino(
      rootLoggerOptions(config),
      logDestination(
        chooseLogFormat(
          config.logFormat,
          process.stdout.isTTY === true,
          config.nodeEnv,
        ),
      ),
    ),
  );
}

/**
 * One root pino logger per application, behind Nest's logger and the HTTP request logging. It is
 * made before the application (createAppLogger) and handed to Nest as its logger, so boot lines are
 * written, and timed, as they happen rather than buffered and replayed together once Nest is up.
 */
@Module({})
export class LoggingModule {
  static forLogger(logger: PinoLoggerService): DynamicModule {
    return {
      module: LoggingModule,
      providers: [{ provide: PinoLoggerService, useValue: logger }],
      exports: [PinoLoggerService],
    };
  }
}
