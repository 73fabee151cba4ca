// A loopback HLS origin for the live-stream player's browser tests (issue 19.1): real segments made
// by ffmpeg (H.264 Constrained Baseline + AAC, 1 s each, 160×90 test pattern and a 440 Hz tone), once
// in fragmented MP4 and once in MPEG-TS (Chromium's native HLS could not parse the fMP4 ones), and WebVTT captions, served as a LIVE stream with a sliding window that grows one
// segment a second. Each stream id (the first path part) is its own stream with its own clock, and a
// test switches it between modes over HTTP:
//   POST /<id>/mode/live    the playlist advances (default)
//   POST /<id>/mode/down    the playlists answer 404 (HLS not ready yet, or the origin dropped)
//   POST /<id>/mode/ended   the media playlist gains #EXT-X-ENDLIST (the broadcast ended)
// GET /<id>/master.m3u8 (fMP4 video + a subtitles rendition) · /<id>/master-ts.m3u8 (the same in
// MPEG-TS) · /<id>/live.m3u8 · /<id>/live-ts.m3u8 · /<id>/subs.m3u8 · /<id>/init.mp4 ·
// /<id>/seg<N>.m4s · /<id>/seg<N>.ts · /<id>/sub<N>.vtt. CORS is open: the page runs on another port.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Segments generated (seconds of media); a test never runs longer than this on one stream id. */
const SEGMENTS = 90;
/** Segments in the live window. */
const WINDOW = 20;
/** Segments available the moment a stream id is first asked for (a player can start at once). */
const HEAD_START = 6;
export const HLS_CODECS = 'avc1.42c00b,mp4a.40.2';

export type HlsMode = 'live' | 'down' | 'ended';

export interface HlsServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  close(): Promise<void>;
}

/** Makes the segments with ffmpeg into a temporary folder; throws a clear error when ffmpeg is missing. */
function generate(dir: string, type: 'fmp4' | 'mpegts'): void {
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x90:rate=10',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=48000',
    '-t',
    String(SEGMENTS),
    '-c:v',
    'libx264',
    '-profile:v',
    'baseline',
    '-pix_fmt',
    'yuv420p',
    '-g',
    '10',
    '-keyint_min',
    '10',
    '-sc_threshold',
    '0',
    '-b:v',
    '60k',
    '-c:a',
    'aac',
    '-b:a',
    '32k',
    '-ac',
    '1',
    '-f',
    'hls',
    '-hls_time',
    '1',
    '-hls_list_size',
    '0',
    '-hls_segment_type',
    type,
    ...(type === 'fmp4' ? ['-hls_fmp4_init_filename', 'init.mp4'] : []),
    '-hls_segment_filename',
    join(dir, type === 'fmp4' ? 'seg%d.m4s' : 'seg%d.ts'),
    join(dir, `index-${type}.m3u8`),
  ];
  const result = spawnSync('ffmpeg', args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(
      `The HLS test stream needs ffmpeg (Debian: apt-get install -y ffmpeg): ${result.error?.message ?? result.stderr}`,
    );
  }
}

interface Stream {
  readonly firstAskedAt: number;
  mode: HlsMode;
  /** The last segment published when the stream ended (the list stops growing). */
  endedAt: number | undefined;
}

function vtt(index: number): string {
  const t = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  // X-TIMESTAMP-MAP ties cue times to the media's own timestamps (fMP4 from ffmpeg starts at 0).
  return `WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n${t(index)} --> ${t(index + 1)}\nCaption ${index}\n`;
}

/** Starts the HLS origin on 127.0.0.1 (`port` 0: any free port). */
export async function startHlsServer(port = 0): Promise<HlsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'onair-hls-'));
  generate(dir, 'fmp4');
  generate(dir, 'mpegts');
  const init = readFileSync(join(dir, 'init.mp4'));
  const segments = Array.from({ length: SEGMENTS }, (_, i) => readFileSync(join(dir, `seg${i}.m4s`)));
  const tsSegments = Array.from({ length: SEGMENTS }, (_, i) => readFileSync(join(dir, `seg${i}.ts`)));
  const streams = new Map<string, Stream>();

  const streamOf = (id: string): Stream => {
    let stream = streams.get(id);
    if (!stream) {
      stream = { firstAskedAt: Date.now(), mode: 'live', endedAt: undefined };
      streams.set(id, stream);
    }
    return stream;
  };
  /** Index of the newest published segment. */
  const newest = (stream: Stream): number =>
    stream.endedAt ?? Math.min(SEGMENTS - 1, HEAD_START - 1 + Math.floor((Date.now() - stream.firstAskedAt) / 1000));

  const playlist = (stream: Stream, uri: (i: number) => string, map: boolean): string => {
    const last = newest(stream);
    const first = Math.max(0, last - WINDOW + 1);
    const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-TARGETDURATION:1', `#EXT-X-MEDIA-SEQUENCE:${first}`];
    if (map) lines.push('#EXT-X-MAP:URI="init.mp4"');
    for (let i = first; i <= last; i += 1) lines.push('#EXTINF:1.000000,', uri(i));
    if (stream.mode === 'ended') lines.push('#EXT-X-ENDLIST');
    return `${lines.join('\n')}\n`;
  };

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer): void => {
    res.writeHead(status, {
      'content-type': type,
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, id = '', ...rest] = url.pathname.split('/');
    const file = rest.join('/');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': '*' });
      res.end();
      return;
    }
    const stream = streamOf(id);
    const mode = /^mode\/(live|down|ended)$/.exec(file)?.[1] as HlsMode | undefined;
    if (req.method === 'POST' && mode) {
      if (mode === 'ended') stream.endedAt = newest(stream);
      stream.mode = mode;
      send(res, 200, 'application/json', JSON.stringify({ mode, newest: newest(stream) }));
      return;
    }
    const playlists = file.endsWith('.m3u8');
    if (playlists && stream.mode === 'down') {
      send(res, 404, 'text/plain', 'not ready');
      return;
    }
    if (file === 'master.m3u8' || file === 'master-ts.m3u8') {
      send(
        res,
        200,
        'application/vnd.apple.mpegurl',
        [
          '#EXTM3U',
          '#EXT-X-VERSION:7',
          '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,URI="subs.m3u8"',
          `#EXT-X-STREAM-INF:BANDWIDTH=150000,CODECS="${HLS_CODECS}",RESOLUTION=160x90,SUBTITLES="subs"`,
          file === 'master.m3u8' ? 'live.m3u8' : 'live-ts.m3u8',
          '',
        ].join('\n'),
      );
      return;
    }
    if (file === 'live.m3u8') return send(res, 200, 'application/vnd.apple.mpegurl', playlist(stream, (i) => `seg${i}.m4s`, true));
    if (file === 'live-ts.m3u8') return send(res, 200, 'application/vnd.apple.mpegurl', playlist(stream, (i) => `seg${i}.ts`, false));
    if (file === 'subs.m3u8') return send(res, 200, 'application/vnd.apple.mpegurl', playlist(stream, (i) => `sub${i}.vtt`, false));
    if (file === 'init.mp4') return send(res, 200, 'video/mp4', init);
    const segment = /^seg(\d+)\.m4s$/.exec(file);
    if (segment) {
      const body = segments[Number(segment[1])];
      return body ? send(res, 200, 'video/iso.segment', body) : send(res, 404, 'text/plain', 'no segment');
    }
    const ts = /^seg(\d+)\.ts$/.exec(file);
    if (ts) {
      const body = tsSegments[Number(ts[1])];
      return body ? send(res, 200, 'video/mp2t', body) : send(res, 404, 'text/plain', 'no segment');
    }
    const cue = /^sub(\d+)\.vtt$/.exec(file);
    if (cue) return send(res, 200, 'text/vtt', vtt(Number(cue[1])));
    send(res, 404, 'text/plain', 'not found');
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
