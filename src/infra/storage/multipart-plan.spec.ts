import { partSizeFor, planParts } from './multipart-plan.js';

const MB = 1024 * 1024;

describe('partSizeFor', () => {
  it('keeps the minimum until a file would need more than 10,000 parts', () => {
    expect(partSizeFor(500 * MB, 8 * MB)).toBe(8 * MB);
    expect(partSizeFor(10_000 * 8 * MB, 8 * MB)).toBe(8 * MB);
    expect(partSizeFor(10_000 * 8 * MB + 1, 8 * MB)).toBe(8 * MB + 1);
  });
});

describe('planParts', () => {
  it('splits an exact length into full parts and a remainder', () => {
    expect(planParts({ kind: 'exact', bytes: 12 * MB }, 5 * MB)).toEqual([
      { partNumber: 1, sizeBytes: 5 * MB },
      { partNumber: 2, sizeBytes: 5 * MB },
      { partNumber: 3, sizeBytes: 2 * MB },
    ]);
  });

  it('has no empty last part when the length is a multiple of the part size', () => {
    expect(
      planParts({ kind: 'max', bytes: 10 * MB }, 5 * MB).map(
        (part) => part.sizeBytes,
      ),
    ).toEqual([5 * MB, 5 * MB]);
  });
});
