import { Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { AppConfig } from '../../config/app-config.js';
import { SigningKeys } from '../secrets/signing-keys.js';
import { LocalStorageDriver } from './local/local-storage.driver.js';
import { S3StorageDriver } from './s3-storage.driver.js';
import { SignedUploadReceiver } from './signed-upload-receiver.js';
import { Storage } from './storage.port.js';

/**
 * Binds the Storage port to the configured driver; built once from validated config. Storage that
 * stages uploads itself (the local driver) has the app receive them (`SignedUploadReceiver`); with
 * S3 the bucket does, and the receiver is null.
 */
@Module({
  providers: [
    {
      provide: Storage,
      inject: [AppConfig, SigningKeys],
      useFactory: (config: AppConfig, keys: SigningKeys): Storage => {
        if (config.storage.driver === 's3') {
          const s3 = config.storage.s3!;
          return new S3StorageDriver({
            endpoint: s3.endpoint,
            region: s3.region,
            bucket: s3.bucket,
            accessKeyId: s3.accessKeyId,
            secretAccessKey: s3.secretAccessKey,
            forcePathStyle: s3.forcePathStyle,
            publicBaseUrl: s3.publicBaseUrl,
            serverSideEncryption: s3.serverSideEncryption,
            cacheMaxAgeSeconds: config.storage.filesCacheMaxAgeSeconds,
          });
        }
        return new LocalStorageDriver({
          rootDir: resolve(config.storage.localDir),
          publicBaseUrl: config.publicBaseUrl,
          signingSecret: keys.secret,
          previousSigningSecret: keys.previousSecret,
        });
      },
    },
    {
      provide: SignedUploadReceiver,
      inject: [Storage, SigningKeys],
      useFactory: (storage: Storage, keys: SigningKeys) =>
        storage.uploadStaging
          ? new SignedUploadReceiver(storage.uploadStaging, keys)
          : null,
    },
  ],
  exports: [Storage, SignedUploadReceiver],
})
export class StorageModule {}
