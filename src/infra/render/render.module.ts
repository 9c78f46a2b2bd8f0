import { Module } from '@nestjs/common';
import { CardRenderer } from './card-renderer.js';

/** satori + sharp card rendering on a worker-thread pool; import it in the module that renders. */
@Module({
  providers: [CardRenderer],
  exports: [CardRenderer],
})
export class RenderModule {}
