import { Logger } from '@nestjs/common';
import { loadConfig } from '../../config/app-config.js';
import {
  FakeMediaRepository,
  FakeProcessingJobs,
} from '../../testing/fakes/media.fakes.js';
import { ProcessingRecovery } from './processing-recovery.service.js';

describe('ProcessingRecovery', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('queues again PROCESSING items untouched for the stale period that have no live job', async () => {
    const config = loadConfig({});
    const media = new FakeMediaRepository();
    const processing = new FakeProcessingJobs();
    const recovery = new ProcessingRecovery(
      media.asRepository(),
      processing.asPort(),
      config,
    );
    const now = new Date();
    const old = new Date(
      now.getTime() - (config.processing.staleSeconds + 1) * 1_000,
    );
    const stale = media.seed({ status: 'PROCESSING', updatedAt: old });
    const running = media.seed({ status: 'PROCESSING', updatedAt: old });
    processing.live.add(running.id);
    media.seed({ status: 'PROCESSING', updatedAt: now });
    media.seed({ status: 'PENDING', updatedAt: old });

    expect(await recovery.requeueStale(now)).toBe(1);
    expect(processing.enqueued).toEqual([stale.id]);
  });
});
