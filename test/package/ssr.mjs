// Server render of the installed onair-react (run with Node inside a consumer app folder):
// every component inside OnAirProvider on the simulator's Daily call, one by one and all together.
// Fails on a throw and on any console.error / console.warn during render. Prints one JSON line.
// Usage: node ssr.mjs '[{"name":"RecordButton","props":{}}, …]' (next to it: recordings.mjs, the
// in-memory recordings source the consumer app uses, written by test/package/consumer.mjs).
import { QueryClient } from '@tanstack/react-query';
import { createElement as h, version } from 'react';
import { renderToString } from 'react-dom/server';
import * as kit from 'onair-react';
import { createDailyAdapter } from 'onair-react/daily';
import { createSimulator } from 'onair-react/simulator';
import recordings from './recordings.mjs';

/** @type {{ name: string, props: Record<string, unknown> }[]} */
const components = JSON.parse(process.argv[2] ?? '[]');
const names = components.map((c) => c.name);
const problems = [];
const logged = [];
for (const level of ['error', 'warn']) {
  console[level] = (...args) => logged.push(`console.${level}: ${args.map(String).join(' ').slice(0, 300)}`);
}

function render(label, children) {
  const simulator = createSimulator();
  const before = logged.length;
  try {
    const adapter = createDailyAdapter(simulator.daily);
    const html = renderToString(h(kit.OnAirProvider, { adapter, recordings, queryClient: new QueryClient() }, ...children));
    for (const line of logged.slice(before)) problems.push(`${label}: ${line}`);
    return html;
  } catch (error) {
    problems.push(`${label}: threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return '';
  } finally {
    simulator.dispose();
  }
}

const present = components.filter(({ name }) => {
  if (name in kit) return true;
  problems.push(`${name}: not exported by onair-react`);
  return false;
});
for (const { name, props } of present) render(name, [h(kit[name], props)]);
const before = problems.length;
const all = render('all components', present.map(({ name, props }) => h(kit[name], { ...props, key: name })));
if (problems.length === before && names.includes('RecordButton') && !/<button\b/.test(all)) problems.push('RecordButton rendered no <button>');

process.stdout.write(`${JSON.stringify({ react: version, components: names.length, bytes: all.length, problems })}\n`);
process.exit(0);
