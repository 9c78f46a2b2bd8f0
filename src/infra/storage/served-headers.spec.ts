import { contentDisposition, servedFilename } from './served-headers.js';

describe('servedFilename', () => {
  it.each([
    ['banner.png', 'image/jpeg', 'banner.jpg'],
    ['tweetImage.png', 'image/jpeg', 'tweetImage.jpg'],
    ['IMG_0001.HEIC', 'image/jpeg', 'IMG_0001.jpg'],
    ['photo.webp', 'image/jpeg', 'photo.jpg'],
    ['photo.JPEG', 'image/jpeg', 'photo.JPEG'],
    ['photo.jpg', 'image/jpeg', 'photo.jpg'],
    ['-poster.jpg', 'image/jpeg', '-poster.jpg'],
    ['banner', 'image/jpeg', 'banner.jpg'],
    ['release-v1.2', 'image/jpeg', 'release-v1.2.jpg'],
    ['animation.gif', 'image/gif', 'animation.gif'],
    ['clip.mov', 'video/quicktime', 'clip.mov'],
    ['clip.mp4', 'video/quicktime', 'clip.mov'],
    ['Quarterly-report.pdf', 'application/pdf', 'Quarterly-report.pdf'],
    ['Quarterly-report.png', 'application/pdf', 'Quarterly-report.pdf'],
    ['subtitles.srt', 'text/plain; charset=utf-8', 'subtitles.srt'],
    ['subtitles.vtt', 'text/vtt', 'subtitles.vtt'],
    ['notes.png', 'text/plain', 'notes.txt'],
    ['data.bin', 'application/octet-stream', 'data.bin'],
  ])('serves %s as %s under %s', (name, contentType, expected) => {
    expect(servedFilename(name, contentType)).toBe(expected);
  });
});

describe('contentDisposition', () => {
  it('names a normalised image by the type it is served as, in both parameters', () => {
    expect(
      contentDisposition('ws_1/media_1/Café-logo-final.png', 'image/jpeg'),
    ).toBe(
      `inline; filename="Caf_-logo-final.jpg"; filename*=UTF-8''Caf%C3%A9-logo-final.jpg`,
    );
  });

  it('sends documents as attachments', () => {
    expect(
      contentDisposition('ws_1/media_1/report.pdf', 'application/pdf'),
    ).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
  });
});
