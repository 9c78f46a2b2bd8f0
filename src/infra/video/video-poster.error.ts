export type VideoPosterFailure =
  /** ffmpeg ran but produced no picture: undecodable stream, unreachable URL, … */
  | 'unreadable'
  | 'timeout'
  /** No ffmpeg binary could be started: a deployment problem, not a problem with the file. */
  | 'ffmpeg_unavailable';

/** Why no poster frame could be taken from a video; the video itself may still be fine. */
export class VideoPosterError extends Error {
  constructor(
    readonly failure: VideoPosterFailure,
    message: string,
  ) {
    super(message);
    this.name = 'VideoPosterError';
  }
}
