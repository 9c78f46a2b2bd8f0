export interface paths {
    "/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the calling workspace and key */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
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
        /** Liveness probe */
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
        /** Readiness probe */
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
            code: "validation_error" | "unauthorized" | "forbidden" | "insufficient_scope" | "not_found" | "idempotency_conflict" | "idempotency_in_progress" | "conflict" | "upload_rejected" | "payload_too_large" | "rate_limit_exceeded" | "internal_error" | "service_unavailable";
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
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
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
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceDto"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Subscription not trialing/active (`forbidden`) or key lacks the scope (`insufficient_scope`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unexpected failure (`internal_error`) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description A dependency is unreachable (`service_unavailable`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
}
