import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBooleanString,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

export const APP_ROLES = ['all', 'api', 'worker'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

const LOG_LEVELS = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
] as const;

/** The OTLP encodings the trace exporter speaks; gRPC would pull in a second transport stack. */
const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];
const TRACES_EXPORTERS = ['otlp', 'none'] as const;
const TRACES_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
const COLLECTOR_URL = {
  require_tld: false,
  protocols: ['http', 'https'],
  require_protocol: true,
};

/** Images above this many pixels are refused from their header, before any decoding. */
export const DEFAULT_IMAGE_MAX_PIXELS = 100_000_000;

export const LOG_FORMAT_SETTINGS = ['auto', 'json', 'pretty'] as const;
export type LogFormatSetting = (typeof LOG_FORMAT_SETTINGS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim())
    ? Number(value)
    : value;

/**
 * The environment as the process receives it. Property names are the variable names, so a
 * validation message names the variable a person has to fix.
 */
class EnvironmentVariables {
  @IsOptional() @IsIn(NODE_ENVS) NODE_ENV: NodeEnv = 'development';
  @IsOptional() @IsIn(APP_ROLES) APP_ROLE: AppRole = 'all';
  @IsOptional() @Transform(toInt) @Min(0) @Max(65535) @IsInt() PORT = 3000;
  @IsOptional() @IsString() HOST = '0.0.0.0';
  @IsOptional()
  @IsUrl({
    require_tld: false,
    protocols: ['http', 'https'],
    require_protocol: true,
  })
  PUBLIC_BASE_URL?: string;
  @IsOptional()
  @IsUrl({
    require_tld: false,
    protocols: ['postgres', 'postgresql'],
    require_protocol: true,
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/media_api';
  @IsOptional()
  @IsUrl({
    require_tld: false,
    protocols: ['redis', 'rediss'],
    require_protocol: true,
  })
  REDIS_URL = 'redis://127.0.0.1:6379';
  @IsOptional() @IsString() @MinLength(1) REDIS_KEY_PREFIX = 'media-api';
  @IsOptional() @IsIn(LOG_LEVELS) LOG_LEVEL: (typeof LOG_LEVELS)[number] =
    'info';
  @IsOptional() @IsIn(LOG_FORMAT_SETTINGS) LOG_FORMAT: LogFormatSetting =
    'auto';
  @IsOptional()
  @Transform(toInt)
  @Min(1024)
  @Max(104_857_600)
  @IsInt()
  JSON_BODY_LIMIT_BYTES = 1_048_576;
  @IsOptional() @IsBooleanString() DEV_WORKSPACE_SEED?: string;

  @IsOptional() @IsEnum({ local: 'local', s3: 's3' }) STORAGE_DRIVER:
    'local' | 's3' = 'local';
  @IsOptional() @IsString() @MinLength(1) LOCAL_STORAGE_DIR = './data/storage';
  @IsOptional() @IsString() @MinLength(32) STORAGE_SIGNING_SECRET?: string;
  /** The secret being rotated out: what it signed or sealed still opens, nothing new uses it. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  STORAGE_SIGNING_SECRET_PREVIOUS?: string;
  @IsOptional() @IsString() @MinLength(32) STORAGE_EVENTS_SECRET?: string;
  /** How long browsers and CDNs may keep a file served from `/files` (local storage). */
  @IsOptional()
  @Transform(toInt)
  @Min(0)
  @Max(31_536_000)
  @IsInt()
  FILES_CACHE_MAX_AGE_SECONDS = 86_400;
  @IsOptional() @IsString() S3_BUCKET?: string;
  @IsOptional() @IsString() S3_REGION = 'us-east-1';
  @IsOptional()
  @IsUrl({
    require_tld: false,
    protocols: ['http', 'https'],
    require_protocol: true,
  })
  S3_ENDPOINT?: string;
  @IsOptional() @IsString() S3_ACCESS_KEY_ID?: string;
  @IsOptional() @IsString() S3_SECRET_ACCESS_KEY?: string;
  @IsOptional() @IsBooleanString() S3_FORCE_PATH_STYLE = 'false';
  @IsOptional() @IsBooleanString() S3_SERVER_SIDE_ENCRYPTION = 'true';
  @IsOptional()
  @IsUrl({
    require_tld: false,
    protocols: ['http', 'https'],
    require_protocol: true,
  })
  S3_PUBLIC_BASE_URL?: string;

  @IsOptional() @IsString() FFPROBE_PATH?: string;
  @IsOptional() @IsString() FFMPEG_PATH?: string;
  /**
   * The most pixels (width × height) any image may have before sharp decodes it: uploads above it
   * are FAILED, template images drawn as placeholders. A decoded pixel costs 3–4 bytes, so the
   * default lets one image hold up to ~400 MB while it is converted.
   */
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  @IsInt()
  IMAGE_MAX_PIXELS = DEFAULT_IMAGE_MAX_PIXELS;
  /**
   * Processing jobs per worker process: one per core, an image running on one libvips thread (see
   * ImageAdapter), plus one that keeps the cores busy while other jobs wait on storage and the
   * database. Each running image also holds one of libuv's threads, which file I/O shares: with more
   * than 3 jobs, start Node with UV_THREADPOOL_SIZE above the job count (its default is 4).
   */
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(64)
  @IsInt()
  PROCESSING_CONCURRENCY = Math.min(availableParallelism() + 1, 64);
  /**
   * Renditions transcoded at once per worker process: one, since an x264 encode takes every core
   * it is given; raise it on a worker with many cores.
   */
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(64)
  @IsInt()
  RENDITION_CONCURRENCY = 1;
  /** A rendition still transcoding after this long is stopped and failed. */
  @IsOptional()
  @Transform(toInt)
  @Min(10)
  @Max(86_400)
  @IsInt()
  RENDITION_TIMEOUT_SECONDS = 1_800;
  @IsOptional()
  @Transform(toInt)
  @Min(0)
  @Max(86_400)
  @IsInt()
  RECONCILER_INTERVAL_SECONDS = 60;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(86_400)
  @IsInt()
  PROCESSING_STALE_SECONDS = 600;
  @IsOptional()
  @Transform(toInt)
  @Min(7, {
    message:
      'RETENTION_DAYS must be at least 7: webhook retries of an event must end before it is deleted',
  })
  @Max(3_650)
  @IsInt()
  RETENTION_DAYS = 30;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(8_760)
  @IsInt()
  PENDING_UPLOAD_EXPIRY_HOURS = 24;
  /** Direct uploads declared larger than this get a multipart plan besides the single URL. */
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @IsInt()
  MULTIPART_THRESHOLD_BYTES = 100 * 1024 * 1024;
  /** Smallest part of a multipart plan; S3 refuses non-final parts under 5 MiB. */
  @IsOptional()
  @Transform(toInt)
  @Min(5 * 1024 * 1024)
  @Max(5 * 1024 * 1024 * 1024)
  @IsInt()
  MULTIPART_PART_SIZE_BYTES = 8 * 1024 * 1024;

  /**
   * Fairness caps: jobs of one workspace (of one endpoint for webhook deliveries) running at once
   * across every worker process; the rest wait their turn (JobCap).
   */
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(1_000)
  @IsInt()
  IMPORT_WORKSPACE_CONCURRENCY = 2;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(1_000)
  @IsInt()
  WEBHOOK_ENDPOINT_CONCURRENCY = 4;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(1_000)
  @IsInt()
  PROCESSING_WORKSPACE_CONCURRENCY = 4;

  @IsOptional() @IsBooleanString() FETCH_ALLOW_PRIVATE_ADDRESSES = 'false';

  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(86_400)
  @IsInt()
  FETCH_DEADLINE_SECONDS = 900;
  @IsOptional()
  @Transform(toInt)
  @Min(0)
  @Max(1_073_741_824)
  @IsInt()
  FETCH_MIN_BYTES_PER_SECOND = 16_384;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(3_600)
  @IsInt()
  FETCH_MIN_RATE_GRACE_SECONDS = 10;

  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(120)
  @IsInt()
  WEBHOOK_TIMEOUT_SECONDS = 15;
  @IsOptional()
  @Matches(/^\d{1,6}(,\d{1,6}){0,19}$/, {
    message:
      'WEBHOOK_RETRY_DELAYS_SECONDS must be 1 to 20 comma-separated whole numbers of seconds',
  })
  WEBHOOK_RETRY_DELAYS_SECONDS =
    '5,300,1800,7200,18000,36000,50400,72000,86400';
  @IsOptional() @IsBooleanString() VALIDATION_ENABLED = 'true';
  @IsOptional()
  @IsUrl({
    require_tld: false,
    protocols: ['http', 'https'],
    require_protocol: true,
  })
  GOOGLE_DRIVE_API_BASE = 'https://www.googleapis.com';

  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(300)
  @IsInt()
  IDEMPOTENCY_LEASE_SECONDS = 10;

  // Idempotency records in PostgreSQL: the largest response kept whole for replay.
  @IsOptional()
  @Transform(toInt)
  @Min(1024)
  @Max(16 * 1024 * 1024)
  @IsInt()
  IDEMPOTENCY_MAX_RESPONSE_BYTES = 262_144;

  @IsOptional() @IsBooleanString() RATE_LIMIT_ENABLED = 'true';
  @IsOptional()
  @Matches(/^(true|false|\d{1,2}|[\w.:/, -]+)$/, {
    message:
      'TRUST_PROXY must be true, false, a hop count or a list of proxy addresses/subnets',
  })
  TRUST_PROXY = 'false';
  @IsOptional()
  @Matches(/^(\*|https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*)$/, {
    message:
      'CORS_ORIGINS must be * or comma-separated origins such as https://app.example.com,http://localhost:5173',
  })
  CORS_ORIGINS?: string;
  @IsOptional() @IsString() @MinLength(16) METRICS_TOKEN?: string;
  @IsOptional() @IsString() @MinLength(16) ADMIN_TOKEN?: string;
  @IsOptional()
  @Transform(toInt)
  @Min(0)
  @Max(65535)
  @IsInt()
  WORKER_HEALTH_PORT = 3001;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE = 25;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  RATE_LIMIT_UNAUTHENTICATED_BURST = 10;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  RATE_LIMIT_INACTIVE_PER_MINUTE = 60;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  RATE_LIMIT_INACTIVE_BURST = 30;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  RATE_LIMIT_ACTIVE_PER_MINUTE = 100;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  RATE_LIMIT_ACTIVE_BURST = 100;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  RATE_LIMIT_URL_UPLOAD_PER_MINUTE = 30;
  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  RATE_LIMIT_TEMPLATES_PER_MINUTE = 20;

  @IsOptional()
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  RATE_LIMIT_IMPORTS_PER_MINUTE = 30;

  /**
   * OpenTelemetry's own variables (README#tracing). These decide whether tracing starts and are
   * checked here so a typo stops the boot; the SDK reads them and the rest (headers, timeouts,
   * OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES) itself.
   */
  @IsOptional() @IsBooleanString() OTEL_SDK_DISABLED?: string;
  @IsOptional() @IsIn(TRACES_EXPORTERS) OTEL_TRACES_EXPORTER?: string;
  @IsOptional() @IsUrl(COLLECTOR_URL) OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  @IsOptional()
  @IsUrl(COLLECTOR_URL)
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  @IsOptional()
  @IsIn(OTLP_PROTOCOLS)
  OTEL_EXPORTER_OTLP_PROTOCOL?: OtlpProtocol;
  @IsOptional()
  @IsIn(OTLP_PROTOCOLS)
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?: OtlpProtocol;
  @IsOptional() @IsIn(TRACES_SAMPLERS) OTEL_TRACES_SAMPLER?: string;
  @IsOptional()
  @Matches(/^(0(\.\d+)?|1(\.0+)?)$/, {
    message: 'OTEL_TRACES_SAMPLER_ARG must be a ratio between 0 and 1',
  })
  OTEL_TRACES_SAMPLER_ARG?: string;
}

export const RATE_LIMIT_TIERS = [
  'unauthenticated',
  'inactive',
  'active',
] as const;
export type RateLimitTier = (typeof RATE_LIMIT_TIERS)[number];
export type RateLimitedRoute = 'urlUpload' | 'templates' | 'imports';

export interface S3Config {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  serverSideEncryption: boolean;
  publicBaseUrl?: string;
}

/**
 * The typed configuration, validated once at boot and injected everywhere. Nothing else reads
 * `process.env`.
 */
export class AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly role: AppRole;
  readonly port: number;
  readonly host: string;
  readonly publicBaseUrl: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly redisKeyPrefix: string;
  readonly logLevel: string;
  /** `auto`: readable lines on a terminal outside production, JSON otherwise (chooseLogFormat). */
  readonly logFormat: LogFormatSetting;
  readonly jsonBodyLimitBytes: number;
  /** Create a development workspace and key on an empty database (never in production). */
  readonly seedDevWorkspace: boolean;
  readonly storage: {
    driver: 'local' | 's3';
    localDir: string;
    /** Unset outside production: a random one is generated into the data directory (SigningKeys). */
    signingSecret?: string;
    /** The signing secret being rotated out (STORAGE_SIGNING_SECRET_PREVIOUS): opens and verifies only. */
    previousSigningSecret?: string;
    eventsSecret?: string;
    /** `Cache-Control: max-age` of files served from `/files`. */
    filesCacheMaxAgeSeconds: number;
    s3?: S3Config;
  };
  readonly ffprobePath?: string;
  /** Poster frames; resolved like ffprobe when unset. */
  readonly ffmpegPath?: string;
  readonly processing: { concurrency: number; staleSeconds: number };
  /** Renditions (src/modules/renditions): transcodes per worker process, and how long one may take. */
  readonly renditions: { concurrency: number; timeoutSeconds: number };
  /** Every sharp decode of an untrusted image refuses more pixels than `maxPixels`. */
  readonly image: { maxPixels: number };
  readonly reconciler: { intervalSeconds: number; pendingExpiryHours: number };
  /** Dispatched events (with their deliveries and attempts) and finished import jobs are kept this long. */
  readonly retention: { days: number };
  /** Direct uploads above `thresholdBytes` are offered in parts of at least `partSizeBytes`. */
  readonly multipart: { thresholdBytes: number; partSizeBytes: number };
  /**
   * Jobs of one group running at once across all workers: imports and processing per workspace,
   * webhook deliveries per endpoint (README#fairness).
   */
  readonly fairness: {
    importsPerWorkspace: number;
    processingPerWorkspace: number;
    deliveriesPerEndpoint: number;
  };
  /**
   * Outbound HTTP (SafeFetcher); private addresses are for local development and tests only.
   * `pace`: every fetch's deadline, and the least average rate of a body after its grace period.
   */
  readonly fetch: {
    allowPrivateAddresses: boolean;
    pace: { deadlineMs: number; minBytesPerSecond: number; graceMs: number };
  };
  /** Webhook delivery: per-attempt timeout, and the waits before each retry (then it gives up). */
  readonly webhooks: { timeoutSeconds: number; retryDelaysSeconds: number[] };
  /** Platform validation; when off, validate requests answer `queued: false`. */
  readonly validation: { enabled: boolean };
  /** Where Drive v3 lives; tests point it at a local fake. */
  readonly googleDriveApiBase: string;
  /**
   * Idempotency records (docs/contracts.md#idempotency): the in-flight lease, and the largest
   * response body kept whole (larger ones are re-read on replay).
   */
  readonly idempotency: { leaseSeconds: number; maxResponseBytes: number };
  /** Express's `trust proxy`: which forwarded client addresses to believe (per-IP rate limits). */
  readonly trustProxy: boolean | number | string;
  /** Origins whose browser pages may call the API and the local upload/file routes (none: no CORS). */
  readonly cors: { origins: '*' | string[] };
  /** `/metrics` answers only with this bearer token, and is 404 without one. */
  readonly metrics: { token?: string };
  /** The queue dashboard at `/admin/queues` exists only with this token. */
  readonly admin: { token?: string };
  /** The worker role's health and metrics listener; 0 turns it off. */
  readonly workerHealthPort: number;
  /**
   * OpenTelemetry tracing (src/infra/tracing), on when an OTLP endpoint or `OTEL_TRACES_EXPORTER=otlp`
   * is set; undefined when off, and then no part of the SDK is loaded.
   */
  readonly tracing?: { protocol: OtlpProtocol };
  readonly rateLimit: {
    enabled: boolean;
    /** Token buckets: `burst` tokens at most, refilled at `perMinute` per minute. */
    tiers: Record<RateLimitTier, { perMinute: number; burst: number }>;
    /** Per-workspace limits of single routes (their burst is their limit). */
    routes: Record<RateLimitedRoute, number>;
  };

  constructor(env: EnvironmentVariables) {
    this.nodeEnv = env.NODE_ENV;
    this.role = env.APP_ROLE;
    this.port = env.PORT;
    this.host = env.HOST;
    this.publicBaseUrl = (
      env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`
    ).replace(/\/+$/, '');
    this.databaseUrl = env.DATABASE_URL;
    this.redisUrl = env.REDIS_URL;
    this.redisKeyPrefix = env.REDIS_KEY_PREFIX;
    this.logLevel = env.LOG_LEVEL;
    this.logFormat = env.LOG_FORMAT;
    this.jsonBodyLimitBytes = env.JSON_BODY_LIMIT_BYTES;
    this.seedDevWorkspace =
      (env.DEV_WORKSPACE_SEED ?? String(env.NODE_ENV !== 'production')) ===
      'true';
    this.storage = {
      driver: env.STORAGE_DRIVER,
      localDir: env.LOCAL_STORAGE_DIR,
      signingSecret: env.STORAGE_SIGNING_SECRET,
      previousSigningSecret: env.STORAGE_SIGNING_SECRET_PREVIOUS,
      eventsSecret: env.STORAGE_EVENTS_SECRET,
      filesCacheMaxAgeSeconds: env.FILES_CACHE_MAX_AGE_SECONDS,
      s3: env.S3_BUCKET
        ? {
            bucket: env.S3_BUCKET,
            region: env.S3_REGION,
            endpoint: env.S3_ENDPOINT,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
            serverSideEncryption: env.S3_SERVER_SIDE_ENCRYPTION === 'true',
            publicBaseUrl: env.S3_PUBLIC_BASE_URL?.replace(/\/+$/, ''),
          }
        : undefined,
    };
    this.ffprobePath = env.FFPROBE_PATH;
    this.ffmpegPath = env.FFMPEG_PATH;
    this.image = { maxPixels: env.IMAGE_MAX_PIXELS };
    this.processing = {
      concurrency: env.PROCESSING_CONCURRENCY,
      staleSeconds: env.PROCESSING_STALE_SECONDS,
    };
    this.renditions = {
      concurrency: env.RENDITION_CONCURRENCY,
      timeoutSeconds: env.RENDITION_TIMEOUT_SECONDS,
    };
    this.retention = { days: env.RETENTION_DAYS };
    this.reconciler = {
      intervalSeconds: env.RECONCILER_INTERVAL_SECONDS,
      pendingExpiryHours: env.PENDING_UPLOAD_EXPIRY_HOURS,
    };
    this.multipart = {
      thresholdBytes: env.MULTIPART_THRESHOLD_BYTES,
      partSizeBytes: env.MULTIPART_PART_SIZE_BYTES,
    };
    this.fairness = {
      importsPerWorkspace: env.IMPORT_WORKSPACE_CONCURRENCY,
      processingPerWorkspace: env.PROCESSING_WORKSPACE_CONCURRENCY,
      deliveriesPerEndpoint: env.WEBHOOK_ENDPOINT_CONCURRENCY,
    };
    this.fetch = {
      allowPrivateAddresses: env.FETCH_ALLOW_PRIVATE_ADDRESSES === 'true',
      pace: {
        deadlineMs: env.FETCH_DEADLINE_SECONDS * 1_000,
        minBytesPerSecond: env.FETCH_MIN_BYTES_PER_SECOND,
        graceMs: env.FETCH_MIN_RATE_GRACE_SECONDS * 1_000,
      },
    };
    this.webhooks = {
      timeoutSeconds: env.WEBHOOK_TIMEOUT_SECONDS,
      retryDelaysSeconds:
        env.WEBHOOK_RETRY_DELAYS_SECONDS.split(',').map(Number),
    };
    this.validation = { enabled: env.VALIDATION_ENABLED === 'true' };
    this.googleDriveApiBase = env.GOOGLE_DRIVE_API_BASE.replace(/\/+$/, '');
    this.idempotency = {
      leaseSeconds: env.IDEMPOTENCY_LEASE_SECONDS,
      maxResponseBytes: env.IDEMPOTENCY_MAX_RESPONSE_BYTES,
    };
    this.trustProxy = /^(true|false)$/.test(env.TRUST_PROXY)
      ? env.TRUST_PROXY === 'true'
      : /^\d+$/.test(env.TRUST_PROXY)
        ? Number(env.TRUST_PROXY)
        : env.TRUST_PROXY;
    const corsOrigins =
      env.CORS_ORIGINS ?? (env.NODE_ENV === 'production' ? '' : '*');
    this.cors = {
      origins:
        corsOrigins === '*'
          ? '*'
          : corsOrigins.split(',').filter((origin) => origin !== ''),
    };
    this.metrics = { token: env.METRICS_TOKEN };
    this.admin = { token: env.ADMIN_TOKEN };
    this.workerHealthPort = env.WORKER_HEALTH_PORT;
    this.tracing = tracingOf(env);
    this.rateLimit = {
      enabled: env.RATE_LIMIT_ENABLED === 'true',
      tiers: {
        unauthenticated: {
          perMinute: env.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE,
          burst: env.RATE_LIMIT_UNAUTHENTICATED_BURST,
        },
        inactive: {
          perMinute: env.RATE_LIMIT_INACTIVE_PER_MINUTE,
          burst: env.RATE_LIMIT_INACTIVE_BURST,
        },
        active: {
          perMinute: env.RATE_LIMIT_ACTIVE_PER_MINUTE,
          burst: env.RATE_LIMIT_ACTIVE_BURST,
        },
      },
      routes: {
        urlUpload: env.RATE_LIMIT_URL_UPLOAD_PER_MINUTE,
        templates: env.RATE_LIMIT_TEMPLATES_PER_MINUTE,
        imports: env.RATE_LIMIT_IMPORTS_PER_MINUTE,
      },
    };
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  get runsHttp(): boolean {
    return this.role !== 'worker';
  }

  get runsWorkers(): boolean {
    return this.role !== 'api';
  }
}

/** On as the OTEL_* specification reads: an exporter asked for, or an endpoint to send to. */
function tracingOf(env: EnvironmentVariables): AppConfig['tracing'] {
  const exporter =
    env.OTEL_TRACES_EXPORTER ??
    (env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
      ? 'otlp'
      : 'none');
  if (env.OTEL_SDK_DISABLED === 'true' || exporter === 'none') {
    return undefined;
  }
  return {
    protocol:
      env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ??
      env.OTEL_EXPORTER_OTLP_PROTOCOL ??
      'http/protobuf',
  };
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Variables whose value is, or may carry, a credential (a URL's password): a boot error names the
 * variable and what is wrong with it, never the value, which would end up in logs and CI output.
 */
const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'STORAGE_SIGNING_SECRET',
  'STORAGE_SIGNING_SECRET_PREVIOUS',
  'STORAGE_EVENTS_SECRET',
  'ADMIN_TOKEN',
  'METRICS_TOKEN',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'DATABASE_URL',
  'REDIS_URL',
]);

/** What a problem says it got: the value itself, or for a secret only its length. */
function describeValue(variable: string, got: string): string {
  if (!SECRET_VARIABLES.has(variable)) {
    return JSON.stringify(got);
  }
  return variable.endsWith('_URL')
    ? 'a value that is not shown, as it may hold a password'
    : `${got.length} characters, not shown`;
}

function describe(
  error: ValidationError,
  raw: Record<string, string | undefined>,
): string[] {
  const got = raw[error.property];
  return Object.values(error.constraints ?? {}).map((message) => {
    // class-validator messages may quote the value ($value); a secret's is cut out of them too.
    const said =
      got && SECRET_VARIABLES.has(error.property)
        ? message.split(got).join('…')
        : message;
    return `${said}${got === undefined ? '' : ` (got ${describeValue(error.property, got)})`}`;
  });
}

function crossFieldProblems(env: EnvironmentVariables): string[] {
  const problems: string[] = [];
  if (env.STORAGE_DRIVER === 's3' && !env.S3_BUCKET) {
    problems.push('S3_BUCKET is required when STORAGE_DRIVER is s3');
  }
  if (env.NODE_ENV === 'production' && env.DEV_WORKSPACE_SEED === 'true') {
    problems.push(
      'DEV_WORKSPACE_SEED cannot be true when NODE_ENV is production',
    );
  }
  if (
    env.NODE_ENV === 'production' &&
    env.FETCH_ALLOW_PRIVATE_ADDRESSES === 'true'
  ) {
    problems.push(
      'FETCH_ALLOW_PRIVATE_ADDRESSES cannot be true when NODE_ENV is production',
    );
  }
  if (
    env.STORAGE_SIGNING_SECRET_PREVIOUS &&
    env.STORAGE_SIGNING_SECRET_PREVIOUS === env.STORAGE_SIGNING_SECRET
  ) {
    problems.push(
      'STORAGE_SIGNING_SECRET_PREVIOUS must differ from STORAGE_SIGNING_SECRET (it is the secret being rotated out)',
    );
  }
  if (env.NODE_ENV === 'production' && !env.STORAGE_SIGNING_SECRET) {
    problems.push(
      'STORAGE_SIGNING_SECRET is required when NODE_ENV is production',
    );
  }
  return problems;
}

/** The process environment, after loading `./.env` when present (real variables win). */
export function readEnvironment(): Record<string, string | undefined> {
  if (existsSync('.env')) {
    process.loadEnvFile('.env');
  }
  return process.env;
}

/** Validates the environment once; throws ConfigurationError naming every bad variable. */
export function loadConfig(
  raw: Record<string, string | undefined> = process.env,
): AppConfig {
  const present = Object.fromEntries(
    Object.entries(raw).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
  const env = plainToInstance(EnvironmentVariables, present, {
    exposeDefaultValues: true,
  });
  const errors = validateSync(env, {
    whitelist: false,
    forbidUnknownValues: false,
    stopAtFirstError: true,
  });
  const problems = [
    ...errors.flatMap((error) => describe(error, raw)),
    ...crossFieldProblems(env),
  ];
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
  return new AppConfig(env);
}
