import { Profiler, type ComponentProps, type ProfilerOnRenderCallback } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { RecordButton } from '../../src/components/RecordButton.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { createScriptedAdapter } from '../../stories/support/scriptedAdapter.js';
import { scripts } from '../../stories/support/scripts.js';

/** Counts calls of RecordButton's render function (a forwardRef object's `render`). */
const forwardRefType = RecordButton as unknown as { render: (props: ComponentProps<typeof RecordButton>, ref: unknown) => unknown };
const originalRender = forwardRefType.render;
let buttonRenders = 0;
forwardRefType.render = (props, ref) => {
  buttonRenders += 1;
  return originalRender(props, ref);
};

afterEach(() => {
  buttonRenders = 0;
});

describe('renders', () => {
  it('does not re-render RecordButton while 1,000 live-stream updates arrive', async () => {
    const adapter = createScriptedAdapter({ script: scripts.live });
    let commits = 0;
    const onRender: ProfilerOnRenderCallback = () => {
      commits += 1;
    };
    await render(
      <OnAirProvider adapter={adapter} announce={false}>
        <Profiler id="record-button" onRender={onRender}>
          <RecordButton />
        </Profiler>
      </OnAirProvider>,
    );
    await expect.element(page.getByRole('button', { name: 'Start recording' })).toBeVisible();
    commits = 0;
    buttonRenders = 0;
    for (let i = 0; i < 1000; i += 1) {
      adapter.emit({ type: 'live-stream-updated', at: Date.now(), state: i % 2 ? 'connected' : 'interrupted', endpoint: `e${i % 3}` });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(commits).toBe(0);
    expect(buttonRenders).toBe(0);
  });

  it('re-renders only the clock on a tick', async () => {
    const adapter = createScriptedAdapter({ script: scripts.recording });
    let commits = 0;
    await render(
      <OnAirProvider adapter={adapter} announce={false}>
        <Profiler id="controls" onRender={() => (commits += 1)}>
          <RecordButton />
        </Profiler>
      </OnAirProvider>,
    );
    await expect.element(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 50));
    commits = 0;
    buttonRenders = 0;
    const before = document.querySelector('time')?.textContent;
    // Two ticks committed (counted until they happen: a loaded machine's ticks come late) …
    await expect.poll(() => commits, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(document.querySelector('time')?.textContent).not.toBe(before);
    // … but RecordButton itself never rendered: only ElapsedTime did.
    expect(buttonRenders).toBe(0);
  });
});
