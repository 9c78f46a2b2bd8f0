import { Global, Module } from '@nestjs/common';
import { AppMetrics } from './app-metrics.js';

/** One metrics registry per application, for HTTP, queues and feature modules alike. */
@Global()
@Module({ providers: [AppMetrics], exports: [AppMetrics] })
export class MetricsModule {}
