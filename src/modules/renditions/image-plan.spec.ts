import {
  evaluateMedia,
  type ImageFacts,
} from '../validation/evaluate-media.js';
import { PLATFORM_RULES } from '../validation/platform-rules.js';
import { PLATFORMS, type Platform } from '../validation/platforms.js';
import {
  changesAfterRender,
  planImageRendition,
  type ImagePlan,
} from './image-plan.js';

const image = (
  width: number | null,
  height: number | null,
  format = 'jpeg',
  sizeBytes: number | null = 2_000_000,
): ImageFacts => ({ kind: 'image', format, sizeBytes, width, height });

function rendered(plan: ImagePlan) {
  if (plan.kind !== 'render') {
    throw new Error(`expected a render plan, got: ${plan.reason}`);
  }
  return plan;
}

describe('planImageRendition', () => {
  it('pads a 3:1 PNG into Instagram with white bars, then scales it to 1440 wide', () => {
    expect(
      planImageRendition(image(3000, 1000, 'png'), 'INSTAGRAM', 'pad'),
    ).toEqual({
      kind: 'render',
      changes: [
        'converted png → jpeg',
        'padded 3:1 → 1.91:1',
        'scaled 3000×1571 → 1440×754',
      ],
      width: 1440,
      height: 754,
      fit: 'pad',
      format: 'jpeg',
      maxBytes: 8_000_000,
    });
  });

  it('crops a 3:1 image into Instagram, keeping its centre', () => {
    expect(
      planImageRendition(image(3000, 1000), 'INSTAGRAM', 'crop'),
    ).toMatchObject({
      changes: ['cropped 3:1 → 1.91:1', 'scaled 1910×1000 → 1440×754'],
      width: 1440,
      height: 754,
      fit: 'crop',
    });
  });

  it.each([
    ['pad', ['padded 1:3 → 4:5', 'scaled 2400×3000 → 1440×1800'], 1440, 1800],
    ['crop', ['cropped 1:3 → 4:5'], 1000, 1250],
  ] as const)(
    'brings a 1:3 image to Instagram’s tallest, 4:5, by %s',
    (fit, changes, width, height) => {
      expect(
        planImageRendition(image(1000, 3000), 'INSTAGRAM', fit),
      ).toMatchObject({ changes, width, height, fit });
    },
  );

  it('names a ratio just over the bound precisely enough to differ from it', () => {
    expect(
      planImageRendition(image(1441, 754), 'INSTAGRAM', 'pad'),
    ).toMatchObject({
      changes: ['padded 1.9111:1 → 1.91:1', 'scaled 1441×755 → 1440×754'],
    });
  });

  it('keeps the aspect ratio when it is within range: only scales', () => {
    expect(
      planImageRendition(image(4000, 3000), 'INSTAGRAM', 'pad'),
    ).toMatchObject({
      changes: ['scaled 4000×3000 → 1440×1080'],
      width: 1440,
      height: 1080,
      fit: 'none',
    });
  });

  it('upscales an image narrower than Instagram’s 320 px', () => {
    expect(
      planImageRendition(image(200, 200), 'INSTAGRAM', 'pad'),
    ).toMatchObject({
      changes: ['scaled 200×200 → 320×320'],
      width: 320,
      height: 320,
    });
  });

  it.each([
    [4000, 3000, 1440, 1080],
    [3000, 4000, 1080, 1440],
    [1920, 1080, 1920, 1080],
    [8000, 1000, 1920, 240],
  ])(
    'fits %i×%i into TikTok’s 1080p as %i×%i',
    (width, height, expectedWidth, expectedHeight) => {
      expect(
        planImageRendition(image(width, height), 'TIKTOK', 'pad'),
      ).toMatchObject({
        width: expectedWidth,
        height: expectedHeight,
        fit: 'none',
        maxBytes: 20_000_000,
      });
    },
  );

  it('keeps LinkedIn’s pixel count strictly below its limit', () => {
    const plan = rendered(
      planImageRendition(image(8000, 6000), 'LINKEDIN', 'pad'),
    );
    expect(plan.width * plan.height).toBeLessThan(36_152_320);
    expect(plan.width * plan.height).toBeGreaterThan(36_000_000);
    expect(plan.maxBytes).toBeNull();
  });

  it('re-encodes within the byte cap alone when the frame is fine (Bluesky: 1,000,000 bytes)', () => {
    expect(
      planImageRendition(
        image(4000, 3000, 'jpeg', 3_000_000),
        'BLUESKY',
        'pad',
      ),
    ).toEqual({
      kind: 'render',
      changes: [],
      width: 4000,
      height: 3000,
      fit: 'none',
      format: 'jpeg',
      maxBytes: 1_000_000,
    });
  });

  it('uses the JPEG size limit where a platform has one per format (X: 5 MB, GIF 15 MB)', () => {
    expect(
      rendered(planImageRendition(image(4000, 3000), 'X', 'pad')).maxBytes,
    ).toBe(5_000_000);
  });

  it('turns a GIF into a JPEG of its first frame for a platform that takes no GIF', () => {
    expect(
      planImageRendition(image(640, 480, 'gif'), 'INSTAGRAM', 'crop'),
    ).toMatchObject({
      kind: 'render',
      changes: ['converted gif → jpeg (first frame)'],
      width: 640,
      height: 480,
    });
  });

  it.each(['X', 'LINKEDIN', 'FACEBOOK', 'BLUESKY'] as const)(
    'makes no JPEG of a GIF for %s, which takes GIFs: its animation would be lost',
    (platform) => {
      expect(
        planImageRendition(image(640, 480, 'gif', 30_000_000), platform, 'pad'),
      ).toEqual({
        kind: 'unfixable',
        reason: expect.stringContaining('would lose any animation'),
      });
    },
  );

  it.each(['INSTAGRAM_STORY', 'YOUTUBE', 'YOUTUBE_SHORTS'] as const)(
    'refuses %s, which publishes no images, naming it',
    (platform) => {
      expect(planImageRendition(image(1000, 1000), platform, 'pad')).toEqual({
        kind: 'unfixable',
        reason: `${platform} does not publish images; only video can be posted there`,
      });
    },
  );

  it('cannot plan an image whose dimensions are unknown (an external image)', () => {
    expect(
      planImageRendition(image(null, null), 'INSTAGRAM', 'pad'),
    ).toMatchObject({ kind: 'unfixable' });
  });

  it('refuses a platform that takes no JPEG', () => {
    expect(
      planImageRendition(image(1000, 1000), 'INSTAGRAM', 'pad', {
        formats: ['png'],
      }),
    ).toEqual({
      kind: 'unfixable',
      reason: 'INSTAGRAM takes no JPEG, the only format renditions are made in',
    });
  });

  it('refuses limits no size can meet at once', () => {
    expect(
      planImageRendition(image(1000, 1000), 'INSTAGRAM', 'pad', {
        width: { min: 500 },
        resolution: { max: [400, 400], label: 'tiny' },
      }),
    ).toMatchObject({ kind: 'unfixable' });
  });

  describe('every plan passes the platform’s frame rules (evaluateMedia on the planned facts)', () => {
    const sizes: Array<[number, number]> = [
      [3000, 1000],
      [1000, 3000],
      [10_000, 10],
      [10, 10_000],
      [4000, 3000],
      [3024, 4032],
      [12_345, 6_789],
      [7_000, 7_000],
      [200, 150],
      [1, 1],
      [1441, 754],
    ];
    const platforms = PLATFORMS.filter(
      (platform) => PLATFORM_RULES[platform].image !== null,
    );

    it.each(
      platforms.flatMap((platform) =>
        (['pad', 'crop'] as const).flatMap((fit) =>
          sizes.map(([w, h]) => [platform, fit, w, h] as const),
        ),
      ),
    )('%s %s %i×%i', (platform: Platform, fit, width, height) => {
      const plan = rendered(
        planImageRendition(image(width, height), platform, fit),
      );
      const verdict = evaluateMedia(
        image(plan.width, plan.height, 'jpeg', null),
        platform,
      );
      expect(verdict.errors).toEqual([]);
      // Instagram's width range is a warning only (it rescales); renditions meet it anyway.
      expect(verdict.warnings.filter((w) => w.startsWith('Width'))).toEqual([]);
    });
  });
});

describe('changesAfterRender', () => {
  const plan = rendered(
    planImageRendition(image(4000, 3000, 'png', 9_000_000), 'BLUESKY', 'pad'),
  );
  const withPlanChanges = { ...plan, changes: ['converted png → jpeg'] };

  it('adds nothing when the default quality fitted', () => {
    expect(
      changesAfterRender(withPlanChanges, {
        width: 4000,
        height: 3000,
        quality: 90,
        downscaledFrom: null,
      }),
    ).toEqual(['converted png → jpeg']);
  });

  it('says the quality was lowered to fit the byte cap', () => {
    expect(
      changesAfterRender(withPlanChanges, {
        width: 4000,
        height: 3000,
        quality: 65,
        downscaledFrom: null,
      }),
    ).toEqual([
      'converted png → jpeg',
      'quality lowered to fit 1,000,000 bytes',
    ]);
  });

  it('says when the frame itself had to shrink', () => {
    expect(
      changesAfterRender(withPlanChanges, {
        width: 1224,
        height: 918,
        quality: 90,
        downscaledFrom: { width: 4000, height: 3000 },
      }),
    ).toEqual([
      'converted png → jpeg',
      'scaled 4000×3000 → 1224×918 to fit 1,000,000 bytes',
    ]);
  });
});
