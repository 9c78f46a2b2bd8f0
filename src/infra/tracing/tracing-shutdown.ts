import { Injectable, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Present only while tracing is on (AppModule): the process exits right after the shutdown hooks,
 * so the spans of its last seconds, still in the batch processor, are sent first.
 */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    // Already loaded by main.ts before the application; importing it here adds nothing when off.
    const { stopTracing } = await import('./start-tracing.js');
    await stopTracing();
  }
}
