import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
const root = process.cwd();
const which = process.argv[2] ?? 'daily';
const contents = which === 'daily' ? [`export { OnAirProvider, useRecording, useLiveStream, RecordButton, LiveStreamBadge } from './src/index.ts';`,`export { createDailyAdapter } from './src/adapters/daily/index.ts';`].join('\n')
 : [`export { OnAirProvider, useRecording, useConsent, RecordButton, ConsentBanner, RecordingIndicator } from './src/index.ts';`,`export { createOpenTalkAdapter } from './src/adapters/opentalk/index.ts';`].join('\n');
const r = await esbuild.build({ stdin:{contents, resolveDir:root, loader:'js'}, bundle:true, minify:true, format:'esm', platform:'browser', target:'es2022', external:['react','react/*','react-dom','react-dom/*','@tanstack/react-query','hls.js'], write:false, metafile:true, logLevel:'silent', define:{'process.env.NODE_ENV':'"production"'}});
const code = r.outputFiles[0].contents;
console.log(which, 'min', code.byteLength, 'gzip', gzipSync(code,{level:9}).byteLength);
const inputs = Object.values(r.metafile.outputs)[0].inputs;
if (process.argv[3]) for (const [f,{bytesInOutput}] of Object.entries(inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,40)) console.log(bytesInOutput, f);
