import { ConfigurationError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('has working local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      role: 'all',
      port: 3000,
      publicBaseUrl: 'http://localhost:3000',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/media_api',
      redisUrl: 'redis://127.0.0.1:6379',
      seedDevWorkspace: true,
      storage: { driver: 'local', localDir: './data/storage' },
    });
    expect(config.runsHttp && config.runsWorkers).toBe(true);
  });

  it('keeps history RETENTION_DAYS (30 by default), never less than the webhook retry window', () => {
    expect(loadConfig({}).retention.days).toBe(30);
    expect(loadConfig({ RETENTION_DAYS: '90' }).retention.days).toBe(90);
    expect(() => loadConfig({ RETENTION_DAYS: '1' })).toThrow(
      /RETENTION_DAYS must be at least 7/,
    );
  });

  it('names every bad variable and what it got', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        APP_ROLE: 'web',
        DATABASE_URL: 'mysql://x/y',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain('PORT must be an integer number (got "eighty")');
    expect(message).toContain(
      'APP_ROLE must be one of the following values: all, api, worker (got "web")',
    );
    expect(message).toContain(
      'DATABASE_URL must be a URL address (got a value that is not shown, as it may hold a password)',
    );
    expect(message).not.toContain('mysql://x/y');
  });

  it('reads the previous signing secret and the files max-age', () => {
    expect(loadConfig({}).storage.filesCacheMaxAgeSeconds).toBe(86_400);
    const config = loadConfig({
      STORAGE_SIGNING_SECRET: 'n'.repeat(32),
      STORAGE_SIGNING_SECRET_PREVIOUS: 'o'.repeat(32),
      FILES_CACHE_MAX_AGE_SECONDS: '600',
    });
    expect(config.storage.previousSigningSecret).toBe('o'.repeat(32));
    expect(config.storage.filesCacheMaxAgeSeconds).toBe(600);
    expect(() =>
      loadConfig({
        STORAGE_SIGNING_SECRET: 'n'.repeat(32),
        STORAGE_SIGNING_SECRET_PREVIOUS: 'n'.repeat(32),
      }),
    ).toThrow('STORAGE_SIGNING_SECRET_PREVIOUS must differ');
  });

  it('requires the S3 bucket with the s3 driver and real secrets in production', () => {
    expect(() => loadConfig({ STORAGE_DRIVER: 's3' })).toThrow(
      'S3_BUCKET is required when STORAGE_DRIVER is s3',
    );
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'STORAGE_SIGNING_SECRET is required when NODE_ENV is production',
    );
    expect(
      loadConfig({
        NODE_ENV: 'production',
        STORAGE_SIGNING_SECRET: 'x'.repeat(32),
      }).seedDevWorkspace,
    ).toBe(false);
  });

  it('maps roles to what the process runs', () => {
    expect(loadConfig({ APP_ROLE: 'api' })).toMatchObject({
      runsHttp: true,
      runsWorkers: false,
    });
    expect(loadConfig({ APP_ROLE: 'worker' })).toMatchObject({
      runsHttp: false,
      runsWorkers: true,
    });
  });

  it('turns tracing on only when an OTLP endpoint or exporter is configured', () => {
    expect(loadConfig({}).tracing).toBeUndefined();
    expect(
      loadConfig({
        OTEL_SERVICE_NAME: 'media-api',
        OTEL_TRACES_SAMPLER: 'always_on',
      }).tracing,
    ).toBeUndefined();
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })
        .tracing,
    ).toEqual({ protocol: 'http/protobuf' });
    expect(
      loadConfig({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      }).tracing,
    ).toEqual({ protocol: 'http/json' });
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' }).tracing).toBeDefined();
    for (const off of [
      { OTEL_TRACES_EXPORTER: 'none' },
      { OTEL_SDK_DISABLED: 'true' },
    ]) {
      expect(
        loadConfig({
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
          ...off,
        }).tracing,
      ).toBeUndefined();
    }
  });

  it('refuses OTEL_* values the tracer would not honour', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL must be one of the following values: http\/protobuf, http\/json/,
    );
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(
      'OTEL_TRACES_EXPORTER',
    );
    expect(() =>
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' }),
    ).toThrow('OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(() => loadConfig({ OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow(
      'OTEL_TRACES_SAMPLER_ARG must be a ratio between 0 and 1',
    );
  });
});
