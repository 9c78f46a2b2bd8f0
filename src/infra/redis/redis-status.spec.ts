import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { RedisStatus } from './redis-status.js';

describe('RedisStatus', () => {
  it('logs one line when the connection is lost and one when every client is back, however many errors come', () => {
    const error = vi
      .spyOn(Logger.prototype, 'error')
      .mockImplementation(() => undefined);
    const log = vi
      .spyOn(Logger.prototype, 'log')
      .mockImplementation(() => undefined);
    const status = new RedisStatus();
    const shared = new EventEmitter();
    const queue = new EventEmitter();
    status.watch('shared', shared);
    status.watch('queue', queue);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      shared.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
      queue.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    }
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toContain('Redis connection lost');
    shared.emit('ready');
    expect(log).not.toHaveBeenCalled();
    queue.emit('ready');
    shared.emit('ready');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('Redis connection restored');
    queue.emit('error', new Error('Connection is closed.'));
    expect(error).toHaveBeenCalledTimes(2);
  });
});
