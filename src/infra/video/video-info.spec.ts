import {
  containerName,
  displayRotation,
  parseFrameRate,
  scanType,
  toVideoInfo,
  trustedDuration,
  trustedFrameRate,
  type FfprobeOutput,
  type FfprobeStream,
} from './video-info.js';
import { VideoProbeError } from './video-probe.error.js';

const H264_LANDSCAPE: FfprobeStream = {
  codec_type: 'video',
  codec_name: 'h264',
  width: 1920,
  height: 1080,
  avg_frame_rate: '30000/1001',
  r_frame_rate: '30000/1001',
  bit_rate: '8000000',
  duration: '12.345000',
  pix_fmt: 'yuv420p',
  field_order: 'progressive',
};
const AAC: FfprobeStream = {
  codec_type: 'audio',
  codec_name: 'aac',
  profile: 'LC',
  sample_rate: '48000',
  channels: 2,
};

function mp4(
  video: FfprobeStream,
  format: FfprobeOutput['format'] = {},
): FfprobeOutput {
  return {
    streams: [video, AAC],
    format: {
      format_name: 'mov,mp4,m4a,3gp,3g2,mj2',
      duration: '12.345000',
      bit_rate: '8200000',
      size: '12650000',
      tags: { major_brand: 'isom' },
      ...format,
    },
  };
}

function thrownFailure(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof VideoProbeError ? error.failure : 'other error';
  }
  return undefined;
}

describe('toVideoInfo', () => {
  it('maps a landscape H.264 + AAC mp4', () => {
    expect(toVideoInfo(mp4(H264_LANDSCAPE))).toEqual({
      durationSeconds: 12.345,
      codec: 'h264',
      width: 1920,
      height: 1080,
      fps: 29.97,
      bitrate: 8_000_000,
      pixelFormat: 'yuv420p',
      scanType: 'progressive',
      audioCodec: 'aac',
      audioProfile: 'LC',
      audioSampleRateHz: 48_000,
      audioChannels: 2,
      sizeBytes: 12_650_000,
      container: 'mp4',
      rotation: 0,
    });
  });

  it('reads interlaced 4:2:2 video with 5.1 audio at 44.1 kHz', () => {
    const info = toVideoInfo({
      streams: [
        { ...H264_LANDSCAPE, pix_fmt: 'yuv422p10le', field_order: 'tt' },
        {
          codec_type: 'audio',
          codec_name: 'ac3',
          sample_rate: '44100',
          channels: 6,
        },
      ],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2' },
    });
    expect(info).toMatchObject({
      pixelFormat: 'yuv422p10le',
      scanType: 'interlaced',
      audioCodec: 'ac3',
      audioProfile: null,
      audioSampleRateHz: 44_100,
      audioChannels: 6,
      sizeBytes: null,
    });
  });

  it('swaps width and height for a phone portrait recording (display matrix -90)', () => {
    const info = toVideoInfo(
      mp4({
        ...H264_LANDSCAPE,
        side_data_list: [
          {
            side_data_type: 'Display Matrix',
            rotation: -90,
          },
        ],
      }),
    );
    expect(info).toMatchObject({ width: 1080, height: 1920, rotation: 90 });
  });

  it('swaps width and height for the legacy rotate tag', () => {
    const info = toVideoInfo(
      mp4({ ...H264_LANDSCAPE, tags: { rotate: '90' } }),
    );
    expect(info).toMatchObject({ width: 1080, height: 1920, rotation: 90 });
  });

  it('keeps width and height for an upside-down video', () => {
    const info = toVideoInfo(
      mp4({
        ...H264_LANDSCAPE,
        side_data_list: [{ side_data_type: 'Display Matrix', rotation: 180 }],
      }),
    );
    expect(info).toMatchObject({ width: 1920, height: 1080, rotation: 180 });
  });

  it('takes no audio codec and no rotation when there is neither', () => {
    const info = toVideoInfo({
      streams: [H264_LANDSCAPE],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2' },
    });
    expect(info).toMatchObject({
      audioCodec: null,
      audioProfile: null,
      audioSampleRateHz: null,
      audioChannels: null,
      rotation: 0,
    });
  });

  it('falls back to the stream duration, the nominal frame rate and the file bitrate', () => {
    const info = toVideoInfo({
      streams: [
        {
          ...H264_LANDSCAPE,
          avg_frame_rate: '0/0',
          r_frame_rate: '25/1',
          bit_rate: undefined,
          duration: '3.5',
        },
      ],
      format: { format_name: 'matroska,webm', bit_rate: '640000' },
    });
    expect(info).toMatchObject({
      durationSeconds: 3.5,
      fps: 25,
      bitrate: 640_000,
      container: 'webm',
    });
  });

  it('reports unknown duration, frame rate and bitrate as null', () => {
    const info = toVideoInfo({
      streams: [
        {
          codec_type: 'video',
          codec_name: 'vp9',
          width: 640,
          height: 360,
          avg_frame_rate: '0/0',
          r_frame_rate: '0/0',
          duration: 'N/A',
        },
      ],
      format: { format_name: 'matroska,webm', duration: 'N/A' },
    });
    expect(info).toMatchObject({
      durationSeconds: null,
      fps: null,
      bitrate: null,
    });
  });

  it('ignores cover art and picks the real video stream', () => {
    const coverArt: FfprobeStream = {
      codec_type: 'video',
      codec_name: 'mjpeg',
      width: 600,
      height: 600,
      disposition: { attached_pic: 1 },
    };
    const info = toVideoInfo({
      streams: [coverArt, H264_LANDSCAPE],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2' },
    });
    expect(info).toMatchObject({ codec: 'h264', width: 1920 });
  });

  it('rejects audio-only input and input whose only picture is cover art', () => {
    expect(
      thrownFailure(() => toVideoInfo({ streams: [AAC], format: {} })),
    ).toBe('no_video_stream');
    expect(
      thrownFailure(() =>
        toVideoInfo({
          streams: [
            AAC,
            {
              codec_type: 'video',
              codec_name: 'png',
              width: 1,
              height: 1,
              disposition: { attached_pic: 1 },
            },
          ],
        }),
      ),
    ).toBe('no_video_stream');
    expect(thrownFailure(() => toVideoInfo({}))).toBe('no_video_stream');
  });

  it('says so in words when there is no video stream', () => {
    expect(() => toVideoInfo({ streams: [AAC] })).toThrow(
      'the file has no video stream',
    );
  });

  it('rejects a video stream without a frame size', () => {
    expect(
      thrownFailure(() =>
        toVideoInfo({ streams: [{ codec_type: 'video', codec_name: 'h264' }] }),
      ),
    ).toBe('unreadable');
  });
});

describe('displayRotation', () => {
  const withMatrix = (rotation: number | string): FfprobeStream => ({
    side_data_list: [{ side_data_type: 'Display Matrix', rotation }],
  });

  it.each([
    [-90, 90],
    [90, 270],
    [180, 180],
    [-180, 180],
    [270, 90],
    [-270, 270],
    [0, 0],
    ['-90.00', 90],
    [-89.7, 90],
  ])('display matrix rotation %s is %i° clockwise', (matrix, expected) => {
    expect(displayRotation(withMatrix(matrix))).toBe(expected);
  });

  it.each([
    ['90', 90],
    ['180', 180],
    ['270', 270],
    ['-90', 270],
    ['0', 0],
  ])('rotate tag %s is %i° clockwise', (tag, expected) => {
    expect(displayRotation({ tags: { rotate: tag } })).toBe(expected);
  });

  it('prefers the display matrix over the legacy tag', () => {
    expect(
      displayRotation({
        tags: { rotate: '180' },
        side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }],
      }),
    ).toBe(90);
  });

  it('ignores side data that is not a display matrix and tags that are not numbers', () => {
    expect(
      displayRotation({
        side_data_list: [{ side_data_type: 'Stereo 3D' }],
        tags: { rotate: 'sideways' },
      }),
    ).toBe(0);
  });
});

describe('scanType', () => {
  it.each([
    ['progressive', 'progressive'],
    ['tt', 'interlaced'],
    ['bb', 'interlaced'],
    ['tb', 'interlaced'],
    ['bt', 'interlaced'],
    ['unknown', null],
    [undefined, null],
  ])('field order %s is %s', (fieldOrder, expected) => {
    expect(scanType(fieldOrder)).toBe(expected);
  });
});

describe('parseFrameRate', () => {
  it.each([
    ['30/1', 30],
    ['30000/1001', 29.97],
    ['24000/1001', 23.976],
    ['60', 60],
    ['0/0', null],
    ['25/0', null],
    ['', null],
    [undefined, null],
    ['N/A', null],
  ])('%s → %s', (rate, expected) => {
    expect(parseFrameRate(rate)).toBe(expected);
  });
});

describe('containerName', () => {
  const ISO_BMFF = 'mov,mp4,m4a,3gp,3g2,mj2';

  it.each([
    [ISO_BMFF, 'isom', 'mp4'],
    [ISO_BMFF, 'mp42', 'mp4'],
    [ISO_BMFF, 'avc1', 'mp4'],
    [ISO_BMFF, 'M4V ', 'mp4'],
    [ISO_BMFF, 'qt  ', 'mov'],
    [ISO_BMFF, undefined, 'mov'],
    [ISO_BMFF, '3gp5', '3gp'],
    [ISO_BMFF, '3g2a', '3g2'],
    ['matroska,webm', undefined, 'webm'],
    ['avi', undefined, 'avi'],
    ['mpegts', undefined, 'mpegts'],
    [undefined, undefined, 'unknown'],
  ])('%s with brand %j is %s', (formatName, brand, expected) => {
    expect(containerName(formatName, brand)).toBe(expected);
  });
});

describe('duration and frame rate a file cannot lie about', () => {
  /** What ffprobe 5.1 prints for a 2 s, 25 fps MP4 whose `mvhd` was patched to claim 10 hours. */
  const INFLATED_MVHD: FfprobeOutput = {
    streams: [
      {
        codec_type: 'video',
        codec_name: 'h264',
        width: 320,
        height: 180,
        r_frame_rate: '25/1',
        avg_frame_rate: '25/1',
        duration: '2.000000',
        nb_frames: '50',
      },
      {
        codec_type: 'audio',
        codec_name: 'aac',
        duration: '2.000000',
        nb_frames: '95',
      },
    ],
    format: {
      format_name: 'mov,mp4,m4a,3gp,3g2,mj2',
      duration: '36000.000000',
    },
  };

  it("takes the streams' duration when the container claims 10 hours", () => {
    expect(toVideoInfo(INFLATED_MVHD)).toMatchObject({
      durationSeconds: 2,
      fps: 25,
    });
  });

  it('counts the frame rate when the sample durations claim 0.0007 fps', () => {
    // The same file with its `stts` deltas multiplied as well.
    const [video, audio] = INFLATED_MVHD.streams!;
    const info = toVideoInfo({
      ...INFLATED_MVHD,
      streams: [
        { ...video, r_frame_rate: '1/1440', avg_frame_rate: '1/1440' },
        audio,
      ],
    });
    expect(info).toMatchObject({ durationSeconds: 2, fps: 25 });
  });

  it("keeps the container's duration when the longest stream agrees with it", () => {
    const streams: FfprobeStream[] = [
      { codec_type: 'video', duration: '10.000000' },
      { codec_type: 'audio', duration: '12.020000' },
    ];
    // A soundtrack outlasting the picture is the file's real length.
    expect(trustedDuration('12.040000', streams)).toBe(12.04);
    expect(trustedDuration('36000', streams)).toBe(12.02);
    // A container that understates its streams is overruled too.
    expect(trustedDuration('1', streams)).toBe(12.02);
  });

  it("has only the container's word when the streams carry no duration (WebM)", () => {
    expect(
      trustedDuration('3.5', [{ codec_type: 'video', duration: 'N/A' }]),
    ).toBe(3.5);
    expect(trustedDuration(undefined, [{ codec_type: 'video' }])).toBeNull();
  });

  it('keeps the stated frame rate when the frame count agrees, or is unknown', () => {
    expect(
      trustedFrameRate({
        avg_frame_rate: '30000/1001',
        duration: '10.010000',
        nb_frames: '300',
      }),
    ).toBe(29.97);
    expect(trustedFrameRate({ avg_frame_rate: '24/1' })).toBe(24);
    expect(
      trustedFrameRate({
        avg_frame_rate: '0/0',
        r_frame_rate: '0/0',
        duration: '4',
        nb_frames: '100',
      }),
    ).toBe(25);
  });
});
