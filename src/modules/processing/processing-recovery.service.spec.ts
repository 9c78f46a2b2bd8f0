import { Logger } from '@nestjs/common';
import { loadConfig } from '../../config/app-config.js';
import {
  FakeMediaRepository,
  FakeProcessingJobs,
} from '../../testing/fakes/media.fakes.js';
import { ProcessingRecovery } from './processing-recovery.service.js';

function recoveryWithFakes() {
  const config = loadConfig({});
  const media = new FakeMediaRepository();
  const processing = new FakeProcessingJobs();
  const recovery = new ProcessingRecovery(
    media.asRepository(),
    processing.asPort(),
    config,
  );
  return { config, media, processing, recovery };
}

describe('ProcessingRecovery', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('queues again PROCESSING items untouched for the stale period that have no live job', async () => {
    const { config, media, processing, recovery } = recoveryWithFakes();
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

  it('goes past a first batch whose jobs are all live to the stale items behind it', async () => {
    const { config, media, processing, recovery } = recoveryWithFakes();
    const now = new Date();
    const at = (secondsAgo: number) =>
      new Date(now.getTime() - secondsAgo * 1_000);
    const stale = config.processing.staleSeconds;
    // More items waiting behind long queues than one batch reads, all older than the lost ones.
    for (let index = 0; index < 1_200; index++) {
      const waiting = media.seed({
        status: 'PROCESSING',
        updatedAt: at(stale + 10_000 - index),
      });
      processing.live.add(waiting.id);
    }
    const lost = [1, 2, 3].map((index) =>
      media.seed({ status: 'PROCESSING', updatedAt: at(stale + index) }),
    );

    expect(await recovery.requeueStale(now)).toBe(3);
    expect(processing.enqueued.sort()).toEqual(
      lost.map((item) => item.id).sort(),
    );
  });
});
