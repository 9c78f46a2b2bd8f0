export type VideoTranscodeFailure =
  /** Stopped at the request's time limit. */
  | 'timeout'
  /** Stopped because the request's signal was aborted. */
  | 'cancelled'
  /** ffmpeg ran and could not make the rendition: an undecodable input, a limit reached, … */
  | 'failed'
  /** No ffmpeg binary could be started: a deployment problem, not a problem with the video. */
  | 'unavailable';

/** Why no rendition was written; the partial output has been removed. */
export class VideoTranscodeError extends Error {
  constructor(
    readonly reason: VideoTranscodeFailure,
    message: string,
  ) {
    super(message);
    this.name = 'VideoTranscodeError';
  }
}
