import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { SigningKeys } from './signing-keys.js';

@Global()
@Module({
  providers: [
    {
      provide: SigningKeys,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        SigningKeys.resolve({
          configured: config.storage.signingSecret,
          previous: config.storage.previousSigningSecret,
          dataDir: config.storage.localDir,
        }),
    },
  ],
  exports: [SigningKeys],
})
export class SecretsModule {}
