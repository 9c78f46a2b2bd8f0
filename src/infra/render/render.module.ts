import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { CardRenderer } from './card-renderer.js';

/** satori + sharp card rendering on a worker-thread pool; import it in the module that renders. */
@Module({
  providers: [
    {
      provide: CardRenderer,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new CardRenderer({ maxPixels: config.image.maxPixels }),
    },
  ],
  exports: [CardRenderer],
})
export class RenderModule {}
