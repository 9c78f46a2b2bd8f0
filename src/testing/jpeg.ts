/** A JPEG's segment markers before its first scan, e.g. [0xe0 (APP0), 0xdb (DQT), …, 0xda (SOS)]. */
export function jpegHeaderMarkers(jpeg: Buffer): number[] {
  const markers: number[] = [];
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1];
    markers.push(marker);
    if (marker === 0xda) break;
    offset += 2 + jpeg.readUInt16BE(offset + 2);
  }
  return markers;
}
