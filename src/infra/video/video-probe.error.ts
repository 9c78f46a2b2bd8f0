export type VideoProbeFailure =
  /** ffprobe ran but could not make sense of the input: not a media file, truncated, unreachable URL. */
  | 'unreadable'
  /** The input is a media file, but carries no video (audio only, or only cover art). */
  | 'no_video_stream'
  | 'timeout'
  /** No ffprobe binary could be started: a deployment problem, not a problem with the file. */
  | 'ffprobe_unavailable';

/** Why a video could not be probed, with a message fit to show to the user who uploaded it. */
export class VideoProbeError extends Error {
  constructor(
    readonly failure: VideoProbeFailure,
    message: string,
  ) {
    super(message);
    this.name = 'VideoProbeError';
  }
}
