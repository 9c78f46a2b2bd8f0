/** Types for build-if-stale.mjs, which stays plain JavaScript so the CLI launcher starts fast. */

export declare class BuildFailedError extends Error {
  constructor(output: string);
}

export declare function isBuildCurrent(): boolean;

export declare function ensureBuilt(options?: {
  log?: (line: string) => void;
}): Promise<void>;
