export interface paths {
    "/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the calling workspace and key
         * @description Returns the workspace the API key belongs to and the key's own id, name and scopes, so a
         *     client can check its key. Works with any valid key, whatever the subscription status.
         */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List media
         * @description Newest first, with an opaque cursor; optionally filtered by status.
         */
        get: operations["listMedia"];
        put?: never;
        /**
         * Upload a file from a URL
         * @description Downloads the file at `url` (public http or https; private and internal addresses are refused)
         *     and stores it in the library. The type is detected from the file's first bytes and must be in
         *     the supported table, within its size limit. The item then goes through processing (images
         *     become JFIF JPEG); the response waits up to 15 s for that, so `url` usually serves at once —
         *     otherwise poll `GET /v1/media/{id}` until it is READY. A client that disconnects before the
         *     answer stops the download: nothing is stored and no item is created.
         */
        post: operations["uploadFromUrl"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a media item
         * @description The item with its status, URLs, what processing found (dimensions, video facts,
         *     normalisation) and its `renditions`. Poll it after an upload until `status` is READY or FAILED.
         */
        get: operations["getMedia"];
        put?: never;
        post?: never;
        /**
         * Delete a media item
         * @description Permanently deletes the record and the stored file. Posts that already reference the item keep
         *     its id, but its `publicUrl` stops serving.
         */
        delete: operations["deleteMedia"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register external media
         * @description Records a file you already host as a READY item; it is not fetched, re-hosted or processed.
         */
        post: operations["registerMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request an upload URL
         * @description Creates a PENDING media item and returns a URL to PUT the file to, valid 15 minutes. Send the
         *     returned `uploadHeaders` with the PUT; the URL accepts exactly `sizeBytes` bytes of
         *     `contentType`. Processing starts by itself when the bytes arrive.
         */
        post: operations["createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/bulk-presign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request upload URLs for several videos
         * @description Up to 20 videos (500 MB each); URLs valid 60 minutes.
         */
        post: operations["bulkPresign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/bulk-video-upload-urls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request upload URLs for large videos
         * @description Up to 20 MP4/QuickTime videos of up to 10 GB each, 20 GB per batch; URLs valid 60 minutes.
         *     Each URL accepts at most `fileSizeMb` megabytes. `targetPlatforms` is kept with each item for
         *     platform validation; with `createRenditions`, each video also gets a rendition for every target
         *     platform it fails.
         */
        post: operations["bulkVideoUploadUrls"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{id}/refresh-presign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh an upload URL
         * @description A new upload URL for a PENDING direct upload whose URL expired; 409 `conflict` otherwise.
         */
        post: operations["refreshPresign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{id}/complete-upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a multipart upload
         * @description Finishes a multipart upload: give every part's number and the `ETag` its PUT answered. The
         *     parts are assembled into the file and processing starts, as after a single PUT. Parts that
         *     were not uploaded, or ETags that are not theirs, are refused with 409 `conflict` and nothing
         *     changes: re-send the part and complete again. Repeating a completion that succeeded answers
         *     the item again.
         */
        post: operations["completeUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an upload
         * @description Starts processing when the file is in storage (409 `conflict` when it is not yet). Normally not
         *     needed: processing starts by itself when storage receives the file.
         */
        post: operations["confirmUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/storage-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive storage event notifications
         * @description Receives S3 event notifications. Each `ObjectCreated:*` record whose key belongs to a PENDING
         *     upload starts its processing; anything else is counted as ignored. Safe to deliver twice.
         */
        post: operations["receiveStorageEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/uploads/{workspaceId}/{mediaId}/{filename}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upload a file to a signed URL (local storage)
         * @description The target of a local upload URL. The signature binds the key, content type, byte length and
         *     expiry; a wrong `Content-Type`, a body longer or shorter than signed, a `Content-Encoding`, an
         *     expired or tampered URL is refused with 403 `upload_rejected` and nothing is stored. A URL
         *     accepts one upload: repeating the same bytes (e.g. after a 503) answers 200 again, different
         *     bytes 409. Success starts processing.
         */
        put: operations["receiveUpload"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{workspaceId}/{mediaId}/{filename}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file (local storage)
         * @description Public file URL of a READY item: the stored bytes with their content type, a strong ETag,
         *     single-range requests and caching for `FILES_CACHE_MAX_AGE_SECONDS` (a day by default; not
         *     `immutable`, since items can be deleted). Error answers are never cacheable. Documents
         *     and captions are served as downloads, and no file can run scripts on this origin.
         */
        get: operations["serveFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{workspaceId}/{mediaId}/renditions/{renditionFile}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file (local storage)
         * @description Public file URL of a READY item: the stored bytes with their content type, a strong ETag,
         *     single-range requests and caching for `FILES_CACHE_MAX_AGE_SECONDS` (a day by default; not
         *     `immutable`, since items can be deleted). Error answers are never cacheable. Documents
         *     and captions are served as downloads, and no file can run scripts on this origin.
         */
        get: operations["serveFileRendition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{id}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate media for platforms
         * @description Queues a check of the item against each platform's publishing rules; poll
         *     `GET /v1/media/{id}/validation-status` for the results. An item still uploading or processing
         *     is checked once processing finishes. Answers `queued: false` when validation is not available
         *     on this deployment.
         */
        post: operations["validateMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/bulk-validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate several media items
         * @description Queues validation of up to 100 items; one job per item. Unknown ids: 404 and nothing queued.
         */
        post: operations["bulkValidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{id}/validation-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get validation status
         * @description The item's validation status and per-platform results (`{ valid, errors, warnings }`), with the
         *     video facts the rules were checked against.
         */
        get: operations["getValidationStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List platforms and their publishing rules
         * @description Every platform media can be validated against, with its video and image rules as data: the
         *     same rules `validate` checks, each platform with its source and the date they were checked.
         *     Show the limits in your UI before uploading.
         */
        get: operations["listPlatforms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{id}/renditions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List renditions of a media item
         * @description The item's renditions with their status, progress, URL, changes and validation.
         */
        get: operations["listRenditions"];
        put?: never;
        /**
         * Make renditions for platforms
         * @description Makes the item publishable on each platform: a file the platform accepts, checked by the same
         *     rules as `validate`. Videos are transcoded (H.264/AAC MP4 with `+faststart`: codec, frame rate,
         *     resolution, aspect by `fit`, duration by `trim`, size); images re-encoded as JFIF JPEG (size,
         *     aspect, byte cap, orientation, no identifying metadata). When the original already passes, its
         *     rendition is `ready` at once with the original's URL. Items still processing are accepted and
         *     made once READY. Asking again for the same (platform, fit, trim) returns the existing
         *     rendition. Poll `GET /v1/media/{id}/renditions` or subscribe to `media.rendition.ready` and
         *     `media.rendition.failed`.
         */
        post: operations["createRenditions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/import-from-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a file from an authenticated URL
         * @description Starts downloading a file from an authenticated URL, sending `Authorization: Bearer
         *     <accessToken>` to that URL's origin only. The item stays PENDING with
         *     `metadata.importStatus: importing` until the bytes are stored; poll the import's status.
         */
        post: operations["importFromUrl"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/import-from-drive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a file from Google Drive
         * @description Starts importing a Google Drive file (Drive v3; Google Docs, Sheets and Slides are exported as PDF).
         */
        post: operations["importFromDrive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/drive-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Google Drive files now
         * @description Imports up to 20 Google Drive files before answering, and waits (bounded, as `POST /v1/media`
         *     does) for their processing, with one result per file: `ok` with the new item, or `error` saying
         *     why (nothing is left of a failed download; a file that failed processing keeps its item).
         */
        post: operations["driveImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/import/{jobId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the status of an import
         * @description `complete` once the imported file is READY; `failed` with the reason otherwise.
         */
        get: operations["importStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List templates
         * @description The built-in templates: their config fields with types, defaults and limits, and their sizes.
         */
        get: operations["listTemplates"];
        put?: never;
        /**
         * Render a template
         * @description Renders a template into an image stored in the library (`metadata.source: "render"`, with the
         *     template's slug, config and aspect ratio). Image URLs in `config` are fetched (5 MB, 3 s); one
         *     that cannot be fetched is drawn as a placeholder. The response waits until the item is READY
         *     (a JFIF JPEG), so `url` serves at once.
         */
        post: operations["renderTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/render-og": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render an OG image (alias of POST /v1/templates)
         * @description Alias of `POST /v1/templates`, for clients of the first API.
         */
        post: operations["renderOgImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description Newest first, with an opaque cursor.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook endpoint
         * @description Subscribes a URL to events: `media.uploaded` (data: the item), `media.rendition.ready` and
         *     `media.rendition.failed` (data: `rendition` and its `mediaId`). Each is then POSTed to it,
         *     signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the
         *     `secret` returned here, the only time it is shown. Only 2xx counts as received; failures are retried for about
         *     3 days; a 410 answer disables the endpoint.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description The endpoint's URL, events and state (enabled, or why it was disabled); never its secret.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Deletes the endpoint with its delivery log; nothing more is sent to it.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Update a webhook endpoint
         * @description Changes the given fields only. `enabled: false` cancels pending retries.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List delivery attempts of a webhook endpoint
         * @description Every attempt to deliver to this endpoint, newest first, with an opaque cursor.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret of a webhook endpoint
         * @description Issues a new signing secret, shown only in this response. For 24 h deliveries carry two
         *     signatures, one per secret, so receivers still holding the old secret keep verifying.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness probe
         * @description The process is up and serving HTTP.
         */
        get: operations["checkLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness probe
         * @description PostgreSQL, Redis and storage answer; 503 `service_unavailable` lists what does not.
         */
        get: operations["checkReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        FieldErrorDto: {
            /** @description Dotted path of the offending field, e.g. `files.0.contentType`. */
            field: string;
            message: string;
        };
        ProblemDetailsDto: {
            /** @description A URI identifying the problem type: `urn:media-api:problem:<code>`. */
            type: string;
            /** @description Short, human-readable summary of the problem type. */
            title: string;
            /** @description The HTTP status code. */
            status: number;
            /**
             * @description Machine-readable error code.
             * @example validation_error
             * @enum {string}
             */
            code: "validation_error" | "unauthorized" | "forbidden" | "insufficient_scope" | "not_found" | "idempotency_conflict" | "idempotency_in_progress" | "conflict" | "upload_rejected" | "payload_too_large" | "range_not_satisfiable" | "unprocessable_entity" | "rate_limit_exceeded" | "internal_error" | "insufficient_storage" | "service_unavailable";
            /** @description Human-readable explanation specific to this occurrence. */
            message: string;
            /** @description Per-field problems, present on validation errors. */
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @description The request id, also sent as the `X-Request-Id` header. Quote it when asking for support. */
            requestId: string;
        };
        CallingApiKeyDto: {
            scopes: ("media:read" | "media:write" | "webhooks:read" | "webhooks:write")[];
            /** @example key_3k2j4h5g6f7d8s9a0q1w2e3r */
            id: string;
            name: string;
        };
        WorkspaceDto: {
            /** @enum {string} */
            subscriptionStatus: "trialing" | "active" | "past_due" | "canceled" | "none";
            /** @example ws_8f7e6d5c4b3a2z1y0x9w8v7u */
            id: string;
            name: string;
            /** @description The key that made this request. */
            apiKey: components["schemas"]["CallingApiKeyDto"];
        };
        RenditionValidationDto: {
            /** @description The rendition passes its platform's rules (always true once `ready`). */
            valid: boolean;
            errors: string[];
            warnings: string[];
        };
        RenditionDto: {
            /** @enum {string} */
            fit: "pad" | "crop";
            /**
             * @description `queued` (waiting for a worker, or for the item to be READY), `processing`, `ready` or `failed`.
             * @enum {string}
             */
            status: "queued" | "processing" | "ready" | "failed";
            /** @description Where the rendition is served once `ready` (the original's `publicUrl` when nothing had to change); null before. */
            url: string | null;
            /** @example video/mp4 */
            contentType: string | null;
            sizeBytes: number | null;
            /** @description Display width in pixels. */
            width: number | null;
            /** @description Display height in pixels. */
            height: number | null;
            /** @description Videos: duration in seconds. */
            videoDuration?: number | null;
            /** @description The platform's verdict on the rendition; null until it is made. */
            validation: components["schemas"]["RenditionValidationDto"] | null;
            /**
             * @description Failed renditions: why no file the platform accepts could be made.
             * @example "Duration 2 s is below INSTAGRAM"s minimum of 3 s; a rendition cannot lengthen a video"
             */
            error?: string;
            /** @example rnd_abc1234567890abc12345678 */
            id: string;
            /**
             * @description The platform it is made for (see `GET /v1/platforms`).
             * @example INSTAGRAM_STORY
             */
            platform: string;
            /** @description Whether a video longer than the platform allows may be shortened. */
            trim: boolean;
            /** @description 0–100; video transcodes report it from ffmpeg at least every 2 s. */
            progress: number;
            /**
             * @description What was done to the original, in order.
             * @example [
             *       "transcoded vp8 → h264",
             *       "padded 4:3 → 9:16",
             *       "trimmed 70 s → 60 s"
             *     ]
             */
            changes: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        MediaDto: {
            /** @enum {string} */
            status: "PENDING" | "PROCESSING" | "READY" | "FAILED";
            /**
             * @description READY videos: URL of a baseline JFIF JPEG poster frame in display orientation (the first frame
             *     that is not black, from about 1 s in). Null for other media, and for a video whose poster
             *     could not be made (`metadata.poster` says why).
             */
            posterUrl: string | null;
            /** @enum {string} */
            validationStatus: "pending" | "passed" | "failed" | "skipped";
            /** @description Per-platform validation results, plus `processing` when processing rejected the bytes. */
            validationResults: {
                [key: string]: unknown;
            } | null;
            /**
             * @description `source` (upload, url, import_url, drive, external, render), `importStatus` (imports),
             *     `normalization` (images), `video` (videos: a `VideoMetadataDto`), `poster` (videos:
             *     `outcome` created or failed, with the seek point or the `reason`), `duplicateOf` (the id of an
             *     older item of the workspace with the same `checksumSha256`), …
             */
            metadata: {
                video?: {
                    [key: string]: unknown;
                } & components["schemas"]["VideoMetadataDto"];
            } & {
                [key: string]: unknown;
            };
            /** @example media_abc1234567890abc12345678 */
            id: string;
            /** @description The display filename as given by the client. */
            filename: string;
            /** @description Detected from the stored bytes once processed; every image ends as `image/jpeg` except GIF. */
            contentType: string;
            /** @description Size of the stored object in bytes; null for external media. */
            sizeBytes: number | null;
            /** @description Stable URL social platforms can fetch once the item is READY. */
            publicUrl: string;
            /** @description The server-chosen storage key; null for external media. */
            storagePath: string | null;
            /**
             * @description Hex SHA-256 of the stored object, once processed; null before, and for external media.
             * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
             */
            checksumSha256: string | null;
            /** @description Images: display width in pixels. */
            width?: number | null;
            /** @description Images: display height in pixels. */
            height?: number | null;
            /** @description Videos: duration in seconds. */
            videoDuration?: number | null;
            /** @description Videos: codec name as ffprobe reports it, e.g. `h264`. */
            videoCodec?: string | null;
            /** @description Videos: display width (rotation applied). */
            videoWidth?: number | null;
            /** @description Videos: display height (rotation applied). */
            videoHeight?: number | null;
            /**
             * @description `GET /v1/media/{id}` only: the item's renditions, oldest first, as `GET /v1/media/{id}/renditions`
             *     lists them (lists and events leave them out).
             */
            renditions?: components["schemas"]["RenditionDto"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        MediaPageDto: {
            data: components["schemas"]["MediaDto"][];
            hasMore: boolean;
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        DeleteMediaResponseDto: {
            /** @example true */
            success: boolean;
        };
        RegisterMediaDto: {
            /** @enum {string} */
            contentType: "image/jpeg" | "image/png" | "image/gif" | "image/webp" | "image/heic" | "image/heif" | "image/avif" | "video/mp4" | "video/quicktime" | "video/x-msvideo" | "video/webm" | "application/pdf" | "application/x-subrip" | "text/vtt" | "text/plain";
            /**
             * Format: uri
             * @description Public https URL of a file you host; stored as-is, never fetched or re-hosted.
             * @example https://cdn.yourapp.com/campaign/banner.jpg
             */
            url: string;
            /**
             * @description Display filename; defaults to the last segment of the URL path.
             * @example campaign-banner.jpg
             */
            filename?: string;
        };
        CreateUploadDto: {
            /**
             * @example image/jpeg
             * @enum {string}
             */
            contentType: "image/jpeg" | "image/png" | "image/gif" | "image/webp" | "image/heic" | "image/heif" | "image/avif" | "video/mp4" | "video/quicktime" | "video/x-msvideo" | "video/webm" | "application/pdf" | "application/x-subrip" | "text/vtt" | "text/plain";
            /**
             * @description Exact size of the file in bytes; the upload URL accepts exactly this many. Limits: images 20 MB, videos 500 MB, PDF 100 MB, captions 5 MB.
             * @example 245760
             */
            sizeBytes: number;
            /** @description Hex SHA-256 of the file. Storage refuses other bytes (S3: the bucket, local: 403 `checksum_mismatch`), or the item becomes FAILED. */
            checksumSha256?: string;
            /**
             * @description Display filename (1–255 characters). The storage key is chosen by the server.
             * @example banner.jpg
             */
            filename: string;
        };
        UploadPartUrlDto: {
            /** @description 1-based; parts are assembled in this order. */
            partNumber: number;
            /** @description PUT this part's bytes here. */
            url: string;
            /** @description Send every one of these headers, exactly, with the part's PUT. */
            headers: {
                [key: string]: string;
            };
            /** @description The part's length in bytes; the last part may be shorter when the file size was a maximum. */
            sizeBytes: number;
        };
        MultipartUploadPlanDto: {
            /** @description Every part but the last is this long. */
            partSizeBytes: number;
            parts: components["schemas"]["UploadPartUrlDto"][];
        };
        UploadUrlDto: {
            /** @example media_abc1234567890abc12345678 */
            mediaId: string;
            /** @description PUT the file here within 15 minutes. */
            uploadUrl: string;
            /**
             * @description Send every one of these headers, exactly, with the PUT.
             * @example {
             *       "Content-Type": "image/jpeg",
             *       "x-amz-server-side-encryption": "AES256"
             *     }
             */
            uploadHeaders: {
                [key: string]: string;
            };
            /** Format: date-time */
            expiresAt: string;
            /** @description Present for files over the multipart threshold. */
            multipart?: components["schemas"]["MultipartUploadPlanDto"];
        };
        BulkPresignFileDto: {
            /**
             * @example video/mp4
             * @enum {string}
             */
            contentType: "video/mp4" | "video/quicktime" | "video/webm" | "video/x-msvideo" | "video/avi";
            /**
             * @description Exact file size in bytes, at most 500 MB.
             * @example 52428800
             */
            size: number;
            /** @description Hex SHA-256 of the file. Storage refuses other bytes (S3: the bucket, local: 403 `checksum_mismatch`), or the item becomes FAILED. */
            checksumSha256?: string;
            /** @example launch.mp4 */
            filename: string;
        };
        BulkPresignDto: {
            /** @description 1–20 video files. */
            files: components["schemas"]["BulkPresignFileDto"][];
        };
        BulkPresignUploadDto: {
            mediaId: string;
            /** @description PUT the file here within 60 minutes. */
            presignedUrl: string;
            /** @description The server-chosen storage key the file is served from once READY (with S3 the upload itself lands in the private `staging/` area first). */
            key: string;
            /** @description Send every one of these headers, exactly, with the PUT. */
            uploadHeaders: {
                [key: string]: string;
            };
            /** Format: date-time */
            expiresAt: string;
            /** @description Present for files over the multipart threshold. */
            multipart?: components["schemas"]["MultipartUploadPlanDto"];
        };
        BulkPresignResponseDto: {
            uploads: components["schemas"]["BulkPresignUploadDto"][];
        };
        BulkVideoDto: {
            /**
             * @example video/mp4
             * @enum {string}
             */
            contentType: "video/mp4" | "video/quicktime";
            /** @description Hex SHA-256 of the file. Storage refuses other bytes (S3: the bucket, local: 403 `checksum_mismatch`), or the item becomes FAILED. */
            checksumSha256?: string;
            /** @example launch.mp4 */
            filename: string;
            /**
             * @description File size in megabytes (MiB), at most 10240 (10 GB). The upload may not exceed it.
             * @example 250
             */
            fileSizeMb: number;
        };
        BulkVideoUploadUrlsDto: {
            /** @description Platforms to validate each video against once it is READY. */
            targetPlatforms: ("INSTAGRAM" | "INSTAGRAM_STORY" | "TIKTOK" | "YOUTUBE" | "YOUTUBE_SHORTS" | "X" | "LINKEDIN" | "FACEBOOK" | "PINTEREST" | "THREADS" | "BLUESKY")[];
            /** @description 1–20 videos, 20 GB in total at most. */
            videos: components["schemas"]["BulkVideoDto"][];
            /**
             * @description After the automatic validation, make a rendition (`fit: pad`, `trim: true`) of each video for
             *     every target platform it fails; see `GET /v1/media/{id}/renditions`.
             *     @default false
             */
            createRenditions?: boolean;
        };
        BulkVideoUploadUrlDto: {
            mediaId: string;
            /** @description PUT the file here within 60 minutes. */
            uploadUrl: string;
            /** @description The server-chosen storage key the file is served from once READY (with S3 the upload itself lands in the private `staging/` area first). */
            s3Key: string;
            /** @description Send every one of these headers, exactly, with the PUT. */
            uploadHeaders: {
                [key: string]: string;
            };
            /** Format: date-time */
            expiresAt: string;
            /**
             * @description Present for files over the multipart threshold, planned for `fileSizeMb`: a smaller file
             *     completes with fewer parts, or a shorter last one.
             */
            multipart?: components["schemas"]["MultipartUploadPlanDto"];
        };
        BulkVideoUploadUrlsResponseDto: {
            videos: components["schemas"]["BulkVideoUploadUrlDto"][];
        };
        RefreshPresignResponseDto: {
            presignedUrl: string;
            /** @description Send every one of these headers, exactly, with the PUT. */
            uploadHeaders: {
                [key: string]: string;
            };
            /** Format: date-time */
            expiresAt: string;
            /** @description Present for multipart uploads: the same parts, signed again. */
            multipart?: components["schemas"]["MultipartUploadPlanDto"];
        };
        CompletedPartDto: {
            /** @example 1 */
            partNumber: number;
            /**
             * @description The `ETag` header the part's PUT answered, quotes included or not.
             * @example "5d41402abc4b2a76b9719d911017c592"
             */
            etag: string;
        };
        CompleteUploadDto: {
            /** @description Every uploaded part, by ascending part number from 1. */
            parts: components["schemas"]["CompletedPartDto"][];
        };
        StorageEventObjectDto: {
            /**
             * @description URL-encoded object key, as S3 sends it.
             * @example ws_abc1234567890abc12345678/media_abc1234567890abc12345678/banner.jpg
             */
            key: string;
            size?: number;
            eTag?: string;
            versionId?: string;
            sequencer?: string;
            contentType?: string;
            userMetadata?: {
                [key: string]: string;
            };
        };
        StorageEventS3Dto: {
            bucket?: {
                [key: string]: unknown;
            };
            object: components["schemas"]["StorageEventObjectDto"];
            s3SchemaVersion?: string;
            configurationId?: string;
        };
        StorageEventRecordDto: {
            userIdentity?: {
                [key: string]: unknown;
            };
            requestParameters?: {
                [key: string]: unknown;
            };
            responseElements?: {
                [key: string]: unknown;
            };
            glacierEventData?: {
                [key: string]: unknown;
            };
            source?: {
                [key: string]: unknown;
            };
            /** @example ObjectCreated:Put */
            eventName: string;
            s3: components["schemas"]["StorageEventS3Dto"];
            eventVersion?: string;
            eventSource?: string;
            awsRegion?: string;
            eventTime?: string;
        };
        StorageEventsDto: {
            Records?: components["schemas"]["StorageEventRecordDto"][];
            /** @description MinIO's webhook target adds these at the top level. */
            EventName?: string;
            Key?: string;
        };
        StorageEventsResultDto: {
            /** @description Records that moved a PENDING item to PROCESSING. */
            started: number;
            /** @description Records about other events, unknown keys or items no longer PENDING. */
            ignored: number;
        };
        ValidateMediaDto: {
            /** @description Platforms to check the item against, e.g. `["TIKTOK", "INSTAGRAM"]`. */
            targetPlatforms: ("INSTAGRAM" | "INSTAGRAM_STORY" | "TIKTOK" | "YOUTUBE" | "YOUTUBE_SHORTS" | "X" | "LINKEDIN" | "FACEBOOK" | "PINTEREST" | "THREADS" | "BLUESKY")[];
        };
        ValidationQueuedDto: {
            /** @description False when validation is not available on this deployment; `reason` says so. */
            queued: boolean;
            /** @example job_3k2j4h5g6f7d8s9a0q1w2e3r */
            jobId?: string;
            /** @example validation queue not configured */
            reason?: string;
        };
        BulkValidateDto: {
            /**
             * @description 1–100 ids of media items of this workspace; every one must exist, or nothing is queued.
             * @example [
             *       "media_abc1234567890abc12345678"
             *     ]
             */
            mediaIds: string[];
            /** @description Platforms to check every item against. */
            platforms: ("INSTAGRAM" | "INSTAGRAM_STORY" | "TIKTOK" | "YOUTUBE" | "YOUTUBE_SHORTS" | "X" | "LINKEDIN" | "FACEBOOK" | "PINTEREST" | "THREADS" | "BLUESKY")[];
        };
        BulkValidationQueuedDto: {
            /** @description False when validation is not available on this deployment; `reason` says so. */
            queued: boolean;
            /** @description One job per media id, in the order of `mediaIds`. */
            jobIds?: string[];
            /** @example validation queue not configured */
            reason?: string;
        };
        ValidationStatusDto: {
            /**
             * @description `pending` while requested platforms wait to be checked; then `passed` when every platform result is valid, else `failed`; `skipped` when never validated.
             * @enum {string}
             */
            validationStatus: "pending" | "passed" | "failed" | "skipped";
            /**
             * @description One `{ valid, errors[], warnings[] }` per platform checked (errors: hard limits broken; warnings:
             *     recommendations not followed), plus `processing` when processing rejected the file.
             */
            validationResults: {
                [key: string]: unknown;
            } | null;
            /** @example media_abc1234567890abc12345678 */
            id: string;
            /** @description Seconds; null for anything but probed videos. */
            videoDuration: number | null;
            videoCodec: string | null;
            /** @description Display width (rotation applied). */
            videoWidth: number | null;
            /** @description Display height (rotation applied). */
            videoHeight: number | null;
        };
        RangeDto: {
            min?: number;
            max?: number;
        };
        AspectRangeDto: {
            /**
             * @description The narrowest aspect allowed, `[width, height]`.
             * @example [
             *       9,
             *       16
             *     ]
             */
            min?: number[];
            /**
             * @description The widest aspect allowed, `[width, height]`.
             * @example [
             *       9,
             *       16
             *     ]
             */
            max?: number[];
            /** @description Said after the limit in messages, e.g. "square or vertical". */
            note?: string;
        };
        RecommendedAspectDto: {
            /**
             * @example [
             *       9,
             *       16
             *     ]
             */
            ratio: number[];
            /** @description When the recommendation applies, e.g. "for Reels". */
            note?: string;
        };
        ImageResolutionDto: {
            /**
             * @description The largest frame, `[long side, short side]`, in either orientation.
             * @example [
             *       9,
             *       16
             *     ]
             */
            max: number[];
            /** @description How the platform names the limit, e.g. "1080p". */
            label: string;
        };
        ImageRulesDto: {
            /** @description Image formats accepted; absent: any. */
            formats?: ("jpeg" | "png" | "gif" | "webp" | "bmp" | "tiff")[];
            /**
             * @description Per-format size limits in bytes that replace `sizeBytes.max`, e.g. `{ "gif": 15000000 }`.
             * @example {
             *       "gif": 15000000
             *     }
             */
            maxBytesByFormat?: {
                [key: string]: number;
            };
            /** @description File size in bytes (decimal). */
            sizeBytes?: components["schemas"]["RangeDto"];
            aspect?: components["schemas"]["AspectRangeDto"];
            recommendedAspect?: components["schemas"]["RecommendedAspectDto"];
            /** @description Width in pixels. */
            width?: components["schemas"]["RangeDto"];
            /** @description The platform rescales images outside `width` instead of refusing them (a warning). */
            widthRescaled?: boolean;
            resolution?: components["schemas"]["ImageResolutionDto"];
            /** @description Total pixels must stay below this. */
            maxPixelsExclusive?: number;
            /** @description Frame limit for animated GIFs. */
            maxGifFrames?: number;
        };
        SampleRateDto: {
            max?: number;
            exactly?: number;
        };
        ConditionalDurationDto: {
            seconds: number;
            /** @description What the longer duration depends on, e.g. "only from verified channels". */
            condition: string;
        };
        ResolutionRangeDto: {
            /**
             * @description The smallest frame, `[long side, short side]`, in either orientation.
             * @example [
             *       9,
             *       16
             *     ]
             */
            min?: number[];
            /**
             * @description The largest frame, `[long side, short side]`, in either orientation.
             * @example [
             *       9,
             *       16
             *     ]
             */
            max?: number[];
        };
        VideoRulesDto: {
            /**
             * @description `[long side, short side]` recommended at most (a warning).
             * @example [
             *       9,
             *       16
             *     ]
             */
            recommendedMaxResolution?: number[];
            /** @description Containers accepted, as validation reports them (`mp4`, `mov`, `webm`…). */
            containers?: string[];
            /** @description ffprobe codec names accepted (`h264`, `hevc`, `vp9`…). */
            videoCodecs?: string[];
            /** @description A recommendation only (a warning when not met). */
            recommendedVideoCodec?: string;
            /** @description 4:2:0 chroma subsampling required. */
            requires420?: boolean;
            /** @description Progressive scan required (no interlacing). */
            requiresProgressive?: boolean;
            /** @description Audio codecs accepted when the video has sound; silent video is always accepted. */
            audioCodecs?: string[];
            recommendedAudioCodec?: string;
            /** @description ffprobe's AAC profile name required, e.g. `LC`. */
            audioProfile?: string;
            audioSampleRateHz?: components["schemas"]["SampleRateDto"];
            audioChannels?: components["schemas"]["RangeDto"];
            /** @description File size in bytes (decimal: 1 MB = 1,000,000 bytes). */
            sizeBytes: components["schemas"]["RangeDto"];
            durationSeconds?: components["schemas"]["RangeDto"];
            /** @description Shorter is accepted but advised against (a warning). */
            recommendedMinDurationSeconds?: number;
            /** @description Longer is accepted only under a condition the API cannot see (a warning). */
            conditionalMaxDuration?: components["schemas"]["ConditionalDurationDto"];
            aspect?: components["schemas"]["AspectRangeDto"];
            recommendedAspect?: components["schemas"]["RecommendedAspectDto"];
            /** @description Display width in pixels (rotation applied). */
            width?: components["schemas"]["RangeDto"];
            /** @description Each side of the frame, whatever the orientation. */
            sidePixels?: components["schemas"]["RangeDto"];
            resolution?: components["schemas"]["ResolutionRangeDto"];
            /** @description Frames per second. */
            fps?: components["schemas"]["RangeDto"];
        };
        PlatformDto: {
            /** @enum {string} */
            platform: "INSTAGRAM" | "INSTAGRAM_STORY" | "TIKTOK" | "YOUTUBE" | "YOUTUBE_SHORTS" | "X" | "LINKEDIN" | "FACEBOOK" | "PINTEREST" | "THREADS" | "BLUESKY";
            /**
             * Format: date
             * @description When the numbers were last checked against `source` (ISO date).
             * @example 2026-12-06
             */
            asOf: string;
            /** @description Null: the platform publishes no images (Stories here, YouTube). */
            image: components["schemas"]["ImageRulesDto"] | null;
            /** @description Where the numbers come from (the platform's developer documentation). */
            source: string;
            video: components["schemas"]["VideoRulesDto"];
        };
        PlatformListDto: {
            /** @description Every platform media can be validated against, in a fixed order. */
            data: components["schemas"]["PlatformDto"][];
        };
        CreateRenditionsDto: {
            /** @description The platforms to make the item publishable on, e.g. `["INSTAGRAM", "TIKTOK", "BLUESKY"]`. */
            platforms: ("INSTAGRAM" | "INSTAGRAM_STORY" | "TIKTOK" | "YOUTUBE" | "YOUTUBE_SHORTS" | "X" | "LINKEDIN" | "FACEBOOK" | "PINTEREST" | "THREADS" | "BLUESKY")[];
            /**
             * @description How an aspect ratio the platform does not take is changed: `pad` keeps the whole picture and
             *     adds bars (black for video, white for images), `crop` cuts the centre out.
             *     @default "pad"
             * @default pad
             * @enum {string}
             */
            fit: "pad" | "crop";
            /**
             * @description Whether a video longer than the platform allows may be cut to its maximum (from the start). With
             *     `false` such a rendition fails, saying the limit.
             *     @default true
             */
            trim?: boolean;
        };
        RenditionsAcceptedDto: {
            /** @description One per platform asked for, in that order: new ones `queued`, existing ones as they are. */
            renditions: components["schemas"]["RenditionDto"][];
        };
        RenditionListDto: {
            /** @description The item's renditions, oldest first. */
            data: components["schemas"]["RenditionDto"][];
        };
        UploadFromUrlDto: {
            /**
             * Format: uri
             * @description A public http(s) URL of the file. It is downloaded and stored now; its type is detected from
             *     its first bytes.
             * @example https://example.com/media/launch.mp4
             */
            url: string;
        };
        UploadFromUrlResponseDto: {
            /** @enum {string} */
            status: "PENDING" | "PROCESSING" | "READY" | "FAILED";
            /**
             * @description READY videos: URL of a baseline JFIF JPEG poster frame in display orientation (the first frame
             *     that is not black, from about 1 s in). Null for other media, and for a video whose poster
             *     could not be made (`metadata.poster` says why).
             */
            posterUrl: string | null;
            /** @enum {string} */
            validationStatus: "pending" | "passed" | "failed" | "skipped";
            /** @description Per-platform validation results, plus `processing` when processing rejected the bytes. */
            validationResults: {
                [key: string]: unknown;
            } | null;
            /**
             * @description `source` (upload, url, import_url, drive, external, render), `importStatus` (imports),
             *     `normalization` (images), `video` (videos: a `VideoMetadataDto`), `poster` (videos:
             *     `outcome` created or failed, with the seek point or the `reason`), `duplicateOf` (the id of an
             *     older item of the workspace with the same `checksumSha256`), …
             */
            metadata: {
                video?: {
                    [key: string]: unknown;
                } & components["schemas"]["VideoMetadataDto"];
            } & {
                [key: string]: unknown;
            };
            /** @example media_abc1234567890abc12345678 */
            id: string;
            /** @description The display filename as given by the client. */
            filename: string;
            /** @description Detected from the stored bytes once processed; every image ends as `image/jpeg` except GIF. */
            contentType: string;
            /** @description Size of the stored object in bytes; null for external media. */
            sizeBytes: number | null;
            /** @description Stable URL social platforms can fetch once the item is READY. */
            publicUrl: string;
            /** @description The server-chosen storage key; null for external media. */
            storagePath: string | null;
            /**
             * @description Hex SHA-256 of the stored object, once processed; null before, and for external media.
             * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
             */
            checksumSha256: string | null;
            /** @description Images: display width in pixels. */
            width?: number | null;
            /** @description Images: display height in pixels. */
            height?: number | null;
            /** @description Videos: duration in seconds. */
            videoDuration?: number | null;
            /** @description Videos: codec name as ffprobe reports it, e.g. `h264`. */
            videoCodec?: string | null;
            /** @description Videos: display width (rotation applied). */
            videoWidth?: number | null;
            /** @description Videos: display height (rotation applied). */
            videoHeight?: number | null;
            /**
             * @description `GET /v1/media/{id}` only: the item's renditions, oldest first, as `GET /v1/media/{id}/renditions`
             *     lists them (lists and events leave them out).
             */
            renditions?: components["schemas"]["RenditionDto"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The hosted URL to use in posts: the item's `publicUrl`. */
            url: string;
        };
        ImportFromUrlDto: {
            /**
             * Format: uri
             * @description URL of the file; fetched with `Authorization: Bearer <accessToken>`.
             * @example https://photos.example.com/export/video.mp4
             */
            downloadUrl: string;
            /**
             * @description Display filename (1–255 characters).
             * @example product-demo.mp4
             */
            filename: string;
            /**
             * @description The type you expect; the stored bytes must be of the same category (image, video, …).
             * @example video/mp4
             */
            mimeType: string;
            /**
             * @description Bearer token for the download. Used for that request only; never stored or logged.
             *     Printable ASCII or Latin-1 only, as it is sent in an HTTP header.
             * @example ya29.a0AfH6SMB-example
             */
            accessToken: string;
        };
        ImportStartedDto: {
            /** @enum {string} */
            status: "importing";
            /** @example media_abc1234567890abc12345678 */
            mediaId: string;
            /**
             * @description Poll `GET /v1/media/import/{jobId}/status`.
             * @example job_abc1234567890abc12345678
             */
            jobId: string;
        };
        ImportFromDriveDto: {
            /**
             * @description Size hint in bytes.
             * @example 1048576
             */
            sizeBytes?: number;
            /** @example 1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs */
            fileId: string;
            /**
             * @description Display filename (1–255 characters).
             * @example product-demo.mp4
             */
            filename: string;
            /**
             * @description The file's Drive MIME type; Google Docs, Sheets and Slides (`application/vnd.google-apps.*`)
             *     are exported as PDF.
             * @example video/mp4
             */
            mimeType: string;
            /**
             * @description Google OAuth access token with Drive read scope. Used for the download only; never stored or
             *     logged.
             *     Printable ASCII or Latin-1 only, as it is sent in an HTTP header.
             * @example ya29.a0AfH6SMB-example
             */
            accessToken: string;
        };
        DriveImportFileDto: {
            /** @example 1048576 */
            sizeBytes: number;
            /** @example 1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs */
            driveFileId: string;
            /**
             * @description Display filename (1–255 characters).
             * @example product-demo.mp4
             */
            name: string;
            /** @example video/mp4 */
            mimeType: string;
        };
        DriveImportDto: {
            /** @description 1–20 files, imported before the response is sent. */
            files: components["schemas"]["DriveImportFileDto"][];
            /**
             * @description Google OAuth access token with Drive read scope. Used for the downloads only; never stored or
             *     logged.
             *     Printable ASCII or Latin-1 only, as it is sent in an HTTP header.
             * @example ya29.a0AfH6SMB-example
             */
            accessToken: string;
        };
        DriveImportResultDto: {
            /**
             * @description `error`: the download failed (no item is left), or processing failed (`mediaId` names the FAILED item).
             * @enum {string}
             */
            status: "ok" | "error";
            /** @description The Drive file id. */
            fileId: string;
            mediaId?: string;
            /**
             * @description The hosted URL. Processing is awaited (bounded) before answering, so it serves at once in the
             *     common case; a file still processing when the bound passes serves once its item is READY.
             */
            url?: string;
            error?: string;
        };
        DriveImportResponseDto: {
            /** @description One result per requested file, in request order. */
            results: components["schemas"]["DriveImportResultDto"][];
        };
        ImportStatusDto: {
            /**
             * @description `complete` once the imported file is READY (its `url` serves); `failed` with `error` otherwise.
             * @enum {string}
             */
            status: "importing" | "complete" | "failed";
            mediaId: string;
            jobId: string;
            /** @description The hosted URL, once complete. */
            url?: string;
            /** @description The stored type, once complete (images end as `image/jpeg`). */
            contentType?: string;
            /** @description Why the import failed. */
            error?: string;
        };
        TemplateFieldDto: {
            /**
             * @description `text`, `enum`, `date` (YYYY-MM-DD) or `image` (an http(s) URL fetched at render time).
             * @enum {string}
             */
            type: "text" | "enum" | "date" | "image";
            name: string;
            description: string;
            /** @description Used when the field is absent; '' means the element is left out. */
            default?: string;
            maxLength?: number;
            /** @description The allowed values of an `enum` field. */
            values?: string[];
        };
        TemplateSizeDto: {
            /**
             * @description `default` for the template's own size.
             * @enum {string}
             */
            aspectRatio: "default" | "1:1" | "4:5" | "9:16";
            width: number;
            height: number;
        };
        TemplateDto: {
            /** @example tweetImage */
            slug: string;
            description: string;
            fields: components["schemas"]["TemplateFieldDto"][];
            /** @description The sizes it renders at; the first is its own. */
            sizes: components["schemas"]["TemplateSizeDto"][];
            /**
             * @description Where sample renders of it are, in the API's source repository: every size, every theme.
             * @example docs/templates/tweetImage-*.png
             */
            samples: string;
        };
        TemplateCatalogueDto: {
            data: components["schemas"]["TemplateDto"][];
        };
        RenderTemplateDto: {
            /**
             * @description The template's config: the fields `GET /v1/templates` lists for it, each optional (defaults
             *     apply). Unknown fields and wrong types are refused, named as `config.<field>`.
             * @example {
             *       "title": "Designing share images",
             *       "author": "Grace Hopper",
             *       "date": "2025-06-01"
             *     }
             */
            config?: {
                [key: string]: unknown;
            };
            /**
             * @description 1:1 is 1080×1080, 4:5 1080×1350, 9:16 1080×1920; without it the template's own size (1200×630).
             * @enum {string}
             */
            aspectRatio?: "1:1" | "4:5" | "9:16";
            /**
             * @description A template's slug, from `GET /v1/templates`.
             * @example og-blog-post
             */
            templateSlug: string;
        };
        RenderTemplateResponseDto: {
            /** @description The hosted image (a JFIF JPEG once processed, which the response waits for). */
            url: string;
            /**
             * @description The media item holding the image.
             * @example media_abc1234567890abc12345678
             */
            id: string;
        };
        CreateWebhookDto: {
            /** @description The events to receive: `media.uploaded`, `media.rendition.ready`, `media.rendition.failed`. */
            events: ("media.uploaded" | "media.rendition.ready" | "media.rendition.failed")[];
            /**
             * Format: uri
             * @description Where events are POSTed: a public https URL (private, loopback and internal hosts are refused,
             *     now and at every delivery). Redirects are not followed.
             * @example https://example.com/hooks/media
             */
            url: string;
            /**
             * @description A note for yourself (up to 500 characters).
             * @example Publishing pipeline
             */
            description?: string;
        };
        WebhookEndpointWithSecretDto: {
            events: ("media.uploaded" | "media.rendition.ready" | "media.rendition.failed")[];
            /**
             * @description The signing secret (Standard Webhooks). Shown only in this response: store it now.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/ZTVOdHt2eU=
             */
            secret: string;
            /** @example wh_abc1234567890abc12345678 */
            id: string;
            url: string;
            description: string | null;
            /** @description False once disabled, by you or by the service (see `disabledReason`). */
            enabled: boolean;
            /** @description Why the service disabled the endpoint (it answered 410, or failed for 5 days); else null. */
            disabledReason: string | null;
            /**
             * Format: date-time
             * @description While a rotated-out secret still signs (24 h after a rotation), when it stops; else null.
             */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookEndpointDto: {
            events: ("media.uploaded" | "media.rendition.ready" | "media.rendition.failed")[];
            /** @example wh_abc1234567890abc12345678 */
            id: string;
            url: string;
            description: string | null;
            /** @description False once disabled, by you or by the service (see `disabledReason`). */
            enabled: boolean;
            /** @description Why the service disabled the endpoint (it answered 410, or failed for 5 days); else null. */
            disabledReason: string | null;
            /**
             * Format: date-time
             * @description While a rotated-out secret still signs (24 h after a rotation), when it stops; else null.
             */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookEndpointPageDto: {
            data: components["schemas"]["WebhookEndpointDto"][];
            hasMore: boolean;
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        UpdateWebhookDto: {
            events?: ("media.uploaded" | "media.rendition.ready" | "media.rendition.failed")[];
            /**
             * Format: uri
             * @description A new public https URL; pending retries go to it.
             * @example https://example.com/hooks/media-v2
             */
            url?: string;
            /**
             * @description Null clears it.
             * @example Publishing pipeline (staging)
             */
            description?: string | null;
            /**
             * @description `false` stops deliveries, cancelling pending retries; `true` turns an endpoint the service
             *     disabled (410, failing for 5 days) back on, for events from then on.
             */
            enabled?: boolean;
        };
        DeleteWebhookResponseDto: {
            /** @example true */
            success: boolean;
        };
        WebhookAttemptDto: {
            /**
             * @description The event, also sent as `webhook-id`.
             * @example evt_abc1234567890abc12345678
             */
            eventId: string;
            /** @example media.uploaded */
            eventType: string;
            /** @description 1 for the first attempt at this event, 2 for its first retry, … */
            attempt: number;
            /** @description True when the endpoint answered 2xx. */
            succeeded: boolean;
            /** @description The endpoint's HTTP status; null when no response arrived (timeout, refused, blocked). */
            statusCode: number | null;
            /** @description Why the attempt failed; null on success. */
            error: string | null;
            durationMs: number;
            /**
             * Format: date-time
             * @description When this event is tried again; null when it will not be.
             */
            nextRetryAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        WebhookAttemptPageDto: {
            data: components["schemas"]["WebhookAttemptDto"][];
            hasMore: boolean;
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        HealthDto: {
            /**
             * @example ok
             * @enum {string}
             */
            status: "ok";
            /** @description Each dependency checked, all `up` on a 200. */
            checks: {
                [key: string]: string;
            };
        };
        VideoMetadataDto: {
            /** @description Frames per second. */
            fps: number | null;
            /** @description Overall bitrate in bits per second. */
            bitrate: number | null;
            audioCodec: string | null;
            /** @example mp4 */
            container: string;
            /** @description Display rotation in degrees recorded in the stream (0, 90, 180 or 270). */
            rotation: number;
            /** @description Pixel format of the video stream, e.g. `yuv420p`. */
            pixelFormat: string | null;
            /**
             * @description `progressive` or `interlaced`, when the stream says.
             * @enum {string|null}
             */
            scanType: "progressive" | "interlaced" | null;
            /** @description Audio codec profile, e.g. `LC`. */
            audioProfile: string | null;
            audioSampleRateHz: number | null;
            audioChannels: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Capacity of the tightest rate-limit bucket this request drew from */
        "X-RateLimit-Limit": number;
        /** @description Requests left in that bucket right now */
        "X-RateLimit-Remaining": number;
        /** @description Seconds until that bucket is full again */
        "X-RateLimit-Reset": number;
        /**
         * @description Every bucket this request drew from, as IETF draft-ietf-httpapi-ratelimit-headers-11 quota policies: `"workspace";q=100;w=60` is 100 requests per 60 s (the bucket holds q tokens and refills from empty in w seconds). Policies: `workspace` (the key's workspace), `address` (callers without a valid key, per client address), and a route's own limit (`urlUpload`, `templates`, `imports`).
         * @example "workspace";q=100;w=60
         */
        "RateLimit-Policy": string;
        /**
         * @description What is left of each policy in `RateLimit-Policy`: `"workspace";r=42;t=18` is 42 requests left, full again in 18 s
         * @example "workspace";r=42;t=18
         */
        RateLimit: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listMedia: {
        parameters: {
            query?: {
                /** @description Items per page. */
                limit?: number;
                /**
                 * @description Only items in this status. Any letter case is accepted: `ready` and `READY` (the case items
                 *     show their `status` in) are the same filter.
                 */
                status?: "pending" | "processing" | "ready" | "failed" | "all" | "PENDING" | "PROCESSING" | "READY" | "FAILED" | "ALL";
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaPageDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    uploadFromUrl: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadFromUrlDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadFromUrlResponseDto"];
                };
            };
            /** @description Missing, invalid or non-public URL, unsupported detected type, or a file over the limit (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description Unexpected failure (`internal_error`)
             *
             *     The download or the store failed; `message` says why (`internal_error`)
             */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Our storage is full or failing (`insufficient_storage`); nothing was kept, retry later */
            507: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_storage",
                     *       "title": "Insufficient storage",
                     *       "status": 507,
                     *       "code": "insufficient_storage",
                     *       "message": "The server could not store the file: its storage is full or failing. Nothing was kept; retry later",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    deleteMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteMediaResponseDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    registerMedia: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterMediaDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    createUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUploadDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadUrlDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    bulkPresign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkPresignDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkPresignResponseDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    bulkVideoUploadUrls: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkVideoUploadUrlsDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkVideoUploadUrlsResponseDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    refreshPresign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefreshPresignResponseDto"];
                };
            };
            /** @description Malformed `Idempotency-Key`, or a control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The resource state does not allow it (`conflict`); or The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    completeUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteUploadDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The resource state does not allow it (`conflict`); or The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description A dependency is unreachable (`service_unavailable`)
             *
             *     A dependency is unreachable (`service_unavailable`)
             */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Our storage is full or failing (`insufficient_storage`); nothing was kept, retry later */
            507: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_storage",
                     *       "title": "Insufficient storage",
                     *       "status": 507,
                     *       "code": "insufficient_storage",
                     *       "message": "The server could not store the file: its storage is full or failing. Nothing was kept; retry later",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    confirmUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaDto"];
                };
            };
            /** @description Malformed `Idempotency-Key`, or a control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The resource state does not allow it (`conflict`); or The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    receiveStorageEvents: {
        parameters: {
            query?: never;
            header: {
                /** @description The deployment's `STORAGE_EVENTS_SECRET` */
                "x-storage-events-secret": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StorageEventsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageEventsResultDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or wrong `X-Storage-Events-Secret` (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Storage events are not enabled on this deployment (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    receiveUpload: {
        parameters: {
            query: {
                /** @description The content type the URL was signed for */
                contentType: string;
                /** @description The exact byte length signed (single uploads and parts) */
                contentLength?: number;
                /** @description The largest byte length signed, instead of `contentLength` (bulk video URLs planned from `fileSizeMb`) */
                maxContentLength?: number;
                /** @description Unix time (seconds) the URL expires at */
                expires: number;
                /** @description The `checksumSha256` declared for the file */
                sha256?: string;
                /** @description The multipart upload this part belongs to */
                uploadId?: string;
                /** @description The part, from 1 */
                partNumber?: number;
                /** @description HMAC of the key and the terms above */
                signature: string;
            };
            header?: never;
            path: {
                /**
                 * @description The workspace that owns the file
                 * @example ws_abc1234567890abc12345678
                 */
                workspaceId: string;
                /**
                 * @description The media item
                 * @example media_abc1234567890abc12345678
                 */
                mediaId: string;
                /**
                 * @description The sanitised filename, or `-poster.jpg` for a video's poster frame
                 * @example banner.jpg
                 */
                filename: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/gif": string;
                "image/webp": string;
                "image/heic": string;
                "image/heif": string;
                "image/avif": string;
                "video/mp4": string;
                "video/quicktime": string;
                "video/x-msvideo": string;
                "video/webm": string;
                "application/pdf": string;
                "application/x-subrip": string;
                "text/vtt": string;
                "text/plain": string;
            };
        };
        responses: {
            /** @description Stored; processing has started */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The upload ended before all bytes arrived; nothing was stored (`validation_error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The URL is expired or tampered, or the body does not match what was signed (`upload_rejected`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The URL has been used for other bytes, or the item is no longer waiting for an upload (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "conflict",
                     *       "message": "Media media_abc1234567890abc12345678 is READY; only PENDING direct uploads get new upload URLs",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The job queue is unavailable; nothing was stored, retry the same PUT (`service_unavailable`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Our storage is full or failing (`insufficient_storage`); nothing was stored, retry the same PUT later */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_storage",
                     *       "title": "Insufficient storage",
                     *       "status": 507,
                     *       "code": "insufficient_storage",
                     *       "message": "The server could not store the file: its storage is full or failing. Nothing was kept; retry later",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    serveFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description A single byte range, e.g. `bytes=0-1023` */
                Range?: string;
            };
            path: {
                /**
                 * @description The workspace that owns the file
                 * @example ws_abc1234567890abc12345678
                 */
                workspaceId: string;
                /**
                 * @description The media item
                 * @example media_abc1234567890abc12345678
                 */
                mediaId: string;
                /**
                 * @description The sanitised filename, or `-poster.jpg` for a video's poster frame
                 * @example banner.jpg
                 */
                filename: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description The requested range */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified (If-None-Match) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Range header asks for bytes past the end (`range_not_satisfiable`) */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:range_not_satisfiable",
                     *       "title": "Range not satisfiable",
                     *       "status": 416,
                     *       "code": "range_not_satisfiable",
                     *       "message": "The file is 1024 bytes long",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    serveFileRendition: {
        parameters: {
            query?: never;
            header?: {
                /** @description A single byte range, e.g. `bytes=0-1023` */
                Range?: string;
            };
            path: {
                /**
                 * @description The workspace that owns the file
                 * @example ws_abc1234567890abc12345678
                 */
                workspaceId: string;
                /**
                 * @description The media item
                 * @example media_abc1234567890abc12345678
                 */
                mediaId: string;
                /**
                 * @description The rendition id and its extension
                 * @example rnd_abc1234567890abc12345678.jpg
                 */
                renditionFile: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description The requested range */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified (If-None-Match) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Range header asks for bytes past the end (`range_not_satisfiable`) */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:range_not_satisfiable",
                     *       "title": "Range not satisfiable",
                     *       "status": 416,
                     *       "code": "range_not_satisfiable",
                     *       "message": "The file is 1024 bytes long",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    validateMedia: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ValidateMediaDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationQueuedDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    bulkValidate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkValidateDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkValidationQueuedDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getValidationStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationStatusDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listPlatforms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformListDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listRenditions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenditionListDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    createRenditions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRenditionsDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenditionsAcceptedDto"];
                };
            };
            /** @description An unknown platform or fit, or a bad `trim` (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The item failed processing, is a document or caption, or is registered external media (`conflict`); or The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description A dependency is unreachable (`service_unavailable`)
             *
             *     A dependency is unreachable (`service_unavailable`)
             */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    importFromUrl: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportFromUrlDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportStartedDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`): the workspace's tier, or its import limit (30 a minute by default over `import-from-url`, `import-from-drive` and `drive-import` together; a `drive-import` counts one per file); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    importFromDrive: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportFromDriveDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportStartedDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`): the workspace's tier, or its import limit (30 a minute by default over `import-from-url`, `import-from-drive` and `drive-import` together; a `drive-import` counts one per file); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    driveImport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DriveImportDto"];
            };
        };
        responses: {
            /** @description One result per file */
            207: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriveImportResponseDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`): the workspace's tier, or its import limit (30 a minute by default over `import-from-url`, `import-from-drive` and `drive-import` together; a `drive-import` counts one per file); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Our storage is full or failing (`insufficient_storage`); nothing was kept, retry later */
            507: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_storage",
                     *       "title": "Insufficient storage",
                     *       "status": 507,
                     *       "code": "insufficient_storage",
                     *       "message": "The server could not store the file: its storage is full or failing. Nothing was kept; retry later",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    importStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportStatusDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateCatalogueDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    renderTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenderTemplateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderTemplateResponseDto"];
                };
            };
            /** @description Invalid body, or `config` fields unknown to the template or of the wrong type, named as `config.<field>` (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No template with that slug (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Our storage is full or failing (`insufficient_storage`); nothing was kept, retry later */
            507: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_storage",
                     *       "title": "Insufficient storage",
                     *       "status": 507,
                     *       "code": "insufficient_storage",
                     *       "message": "The server could not store the file: its storage is full or failing. Nothing was kept; retry later",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    renderOgImage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenderTemplateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderTemplateResponseDto"];
                };
            };
            /** @description Invalid body, or `config` fields unknown to the template or of the wrong type, named as `config.<field>` (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No template with that slug (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Our storage is full or failing (`insufficient_storage`); nothing was kept, retry later */
            507: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_storage",
                     *       "title": "Insufficient storage",
                     *       "status": 507,
                     *       "code": "insufficient_storage",
                     *       "message": "The server could not store the file: its storage is full or failing. Nothing was kept; retry later",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Items per page. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointPageDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecretDto"];
                };
            };
            /** @description Invalid or non-public URL, or an event that cannot be subscribed to (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The workspace has the most endpoints it may have (`conflict`); or The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteWebhookResponseDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Request body over the limit (`payload_too_large`) */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "code": "payload_too_large",
                     *       "message": "The request body is larger than the limit",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Items per page. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAttemptPageDto"];
                };
            };
            /** @description Invalid request (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: the first response to a key (2xx or 4xx) is kept 24 h and replayed, with `Idempotent-Replayed: true`, to the same request sent again with the key. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecretDto"];
                };
            };
            /** @description Malformed `Idempotency-Key`, or a control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "unauthorized",
                     *       "message": "The API key is not valid",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:insufficient_scope",
                     *       "title": "Insufficient scope",
                     *       "status": 403,
                     *       "code": "insufficient_scope",
                     *       "message": "The API key lacks the scope media:write",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description No such resource in this workspace (`not_found`) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "code": "not_found",
                     *       "message": "No media item with id media_abc1234567890abc12345678 in this workspace",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (`idempotency_conflict`), or its first request is still running (`idempotency_in_progress`, with `Retry-After`) */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description With `idempotency_in_progress`: seconds before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limit hit (`rate_limit_exceeded`); see `Retry-After` */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /** @description Seconds until the request may be sent again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:rate_limit_exceeded",
                     *       "title": "Rate limit exceeded",
                     *       "status": 429,
                     *       "code": "rate_limit_exceeded",
                     *       "message": "Rate limit exceeded; retry in 2 s",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:internal_error",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "code": "internal_error",
                     *       "message": "An unexpected error occurred",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    checkLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    checkReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description A control character or malformed percent-encoding in the URL (`validation_error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:validation_error",
                     *       "title": "Invalid request",
                     *       "status": 400,
                     *       "code": "validation_error",
                     *       "message": "sizeBytes must not be greater than 524288000",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:media-api:problem:service_unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "code": "service_unavailable",
                     *       "message": "A backing service is unavailable; retry shortly",
                     *       "requestId": "req_5f0c6a62-3a4b-4c1e-9d7e-2b8f1a6c0d13"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
}
