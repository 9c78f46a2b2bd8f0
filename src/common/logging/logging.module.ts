import { Module } from '@nestjs/common';
import { pino } from 'pino';
import { AppConfig } from '../../config/app-config.js';
import { chooseLogFormat, logDestination } from './log-format.js';
import { rootLoggerOptions } from './logger.options.js';
import { PinoLoggerService } from './pino-logger.service.js';

/** One root pino logger per application, behind Nest's logger and the HTTP request logging. */
@Module({
  providers: [
    {
      provide: PinoLoggerService,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new PinoLoggerService(
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
        ),
    },
  ],
  exports: [PinoLoggerService],
})
export class LoggingModule {}
