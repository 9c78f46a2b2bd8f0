import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { SafeFetcher } from './safe-fetcher.js';

/** Provides the one outbound HTTP client; import it in the feature module that fetches. */
@Module({
  providers: [
    {
      provide: SafeFetcher,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new SafeFetcher({
          allowPrivateAddresses: config.fetch.allowPrivateAddresses,
          nameAllowSetting: !config.isProduction,
          pace: config.fetch.pace,
        }),
    },
  ],
  exports: [SafeFetcher],
})
export class FetchModule {}
