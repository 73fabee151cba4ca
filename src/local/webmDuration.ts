/**
 * Writes a duration into a WebM file made by `MediaRecorder`, which leaves `Segment › Info ›
 * Duration` out (the recorder does not know the length when it writes the header). Without it a
 * player shows no length and cannot seek. Only the first bytes are read and rewritten: the rest of
 * the file stays the blob it was (on disk when it came from IndexedDB).
 *
 * Our own EBML patch (about 1 kB minified) rather than a library: `fix-webm-duration` does the same
 * with its own reader, and `ts-ebml` parses the whole file into memory.
 *
 * @packageDocumentation
 */

const EBML_ID = 0x1a45dfa3;
const SEGMENT_ID = 0x18538067;
const INFO_ID = 0x1549a966;
const TIMECODE_SCALE_ID = 0x2ad7b1;
const DURATION_ID = 0x4489;
/** How much of the file the patch reads: Chrome and Firefox write Info in the first few hundred bytes. */
const HEAD_BYTES = 64 * 1024;

interface Vint {
  readonly value: number;
  readonly width: number;
  /** All value bits set: size unknown (a live stream's Segment and Clusters). */
  readonly unknown: boolean;
}

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): Vint | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  let width = 1;
  while (width <= 8 && !(first & (0x80 >> (width - 1)))) width += 1;
  if (width > 8 || at + width > bytes.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> width);
  let allOnes = (first & (0xff >> width)) === 0xff >> width;
  for (let i = 1; i < width; i += 1) {
    const byte = bytes[at + i]!;
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { value, width, unknown: !keepMarker && allOnes };
}

function sizeVint(value: number, width: number): Uint8Array {
  const out = new Uint8Array(width);
  let rest = value;
  for (let i = width - 1; i >= 0; i -= 1) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0]! |= 0x80 >> (width - 1);
  return out;
}

function readUint(bytes: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i += 1) value = value * 256 + bytes[at + i]!;
  return value;
}

/**
 * The WebM head with `durationMs` written into `Segment › Info › Duration`, and how many bytes of
 * the original head it replaces; `undefined` when the bytes are not a WebM head this patch knows.
 *
 * @internal
 */
export function patchWebmHead(head: Uint8Array, durationMs: number): { bytes: Uint8Array; replaced: number } | undefined {
  const ebml = readVint(head, 0, true);
  if (!ebml || ebml.value !== EBML_ID) return undefined;
  const ebmlSize = readVint(head, ebml.width, false);
  if (!ebmlSize || ebmlSize.unknown) return undefined;
  let at = ebml.width + ebmlSize.width + ebmlSize.value;
  const segment = readVint(head, at, true);
  if (!segment || segment.value !== SEGMENT_ID) return undefined;
  const segmentSize = readVint(head, at + segment.width, false);
  if (!segmentSize) return undefined;
  at += segment.width + segmentSize.width;
  // Children of the Segment, up to Info (SeekHead or Void may come first).
  for (;;) {
    const id = readVint(head, at, true);
    const size = id && readVint(head, at + id.width, false);
    if (!id || !size || size.unknown) return undefined;
    const bodyAt = at + id.width + size.width;
    if (id.value !== INFO_ID) {
      at = bodyAt + size.value;
      if (at >= head.length) return undefined;
      continue;
    }
    const bodyEnd = bodyAt + size.value;
    if (bodyEnd > head.length) return undefined;
    let scale = 1_000_000;
    let durationAt = -1;
    let durationWidth = 0;
    for (let child = bodyAt; child < bodyEnd; ) {
      const childId = readVint(head, child, true);
      const childSize = childId && readVint(head, child + childId.width, false);
      if (!childId || !childSize || childSize.unknown) return undefined;
      const childBody = child + childId.width + childSize.width;
      if (childId.value === TIMECODE_SCALE_ID) scale = readUint(head, childBody, childSize.value) || scale;
      if (childId.value === DURATION_ID && (childSize.value === 4 || childSize.value === 8)) {
        durationAt = childBody;
        durationWidth = childSize.value;
      }
      child = childBody + childSize.value;
    }
    const ticks = (durationMs * 1_000_000) / scale;
    if (durationAt >= 0) {
      // A Duration is there already (a zero, or another muxer's): overwrite it in place.
      const bytes = head.slice(0, bodyEnd);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (durationWidth === 8) view.setFloat64(durationAt, ticks);
      else view.setFloat32(durationAt, ticks);
      return { bytes, replaced: bodyEnd };
    }
    const duration = new Uint8Array(11);
    duration.set([0x44, 0x89, 0x88]);
    new DataView(duration.buffer).setFloat64(3, ticks);
    const newSize = size.value + duration.length;
    const width = newSize < 2 ** (7 * size.width) - 1 ? size.width : 8;
    const sizeBytes = sizeVint(newSize, width);
    const out = new Uint8Array(at + id.width + width + newSize);
    out.set(head.subarray(0, at + id.width), 0);
    out.set(sizeBytes, at + id.width);
    out.set(head.subarray(bodyAt, bodyEnd), at + id.width + width);
    out.set(duration, at + id.width + width + size.value);
    return { bytes: out, replaced: bodyEnd };
  }
}

/**
 * `blob` with its duration written, so players show the length and can seek. Returns `blob` as it
 * is when it is not a WebM file this patch knows (an MP4 from Safari carries its own duration).
 *
 * @example
 * ```ts
 * import { withWebmDuration } from 'onair-react/local';
 *
 * const file = await withWebmDuration(new Blob(chunks, { type: 'video/webm' }), recordedMs);
 * ```
 *
 * @public
 */
export async function withWebmDuration(blob: Blob, durationMs: number): Promise<Blob> {
  if (!(durationMs > 0) || !Number.isFinite(durationMs)) return blob;
  const head = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  const patched = patchWebmHead(head, durationMs);
  if (!patched) return blob;
  return new Blob([patched.bytes as BlobPart, blob.slice(patched.replaced)], { type: blob.type });
}
