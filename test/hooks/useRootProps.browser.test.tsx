import { createRef, forwardRef, type HTMLAttributes } from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import type { OnAirComponentProps } from '../../src/hooks/OnAirComponentProps.js';
import { useRootProps } from '../../src/hooks/useRootProps.js';

type ProbeProps = HTMLAttributes<HTMLDivElement> & OnAirComponentProps & { readonly onKitClick: () => void };

/** A component built the way every OnAir component opens: its root comes from useRootProps. */
const Probe = forwardRef<HTMLDivElement, ProbeProps>(function Probe({ onKitClick, ...props }, ref) {
  const { labels, root } = useRootProps(props, { className: 'onair-probe', labels: { recMark: 'REC' }, ref });
  return (
    <div {...root({ state: 'recording', role: 'group', onClick: onKitClick }, { 'aria-label': 'Kit default name', title: 'kit title' })}>
      {labels.recMark}
    </div>
  );
});

describe('useRootProps (the root opening of every component)', () => {
  it('merges class, theme tokens under style, size/variant/state, ref, labels and the consumer’s attributes', async () => {
    const ref = createRef<HTMLDivElement>();
    const calls: string[] = [];
    const screen = await render(
      <Probe
        ref={ref}
        className="mine"
        theme={{ recording: 'crimson', radius: '2px' }}
        style={{ ['--onair-radius' as string]: '9px', margin: '3px' }}
        labels={{ recMark: 'AUFN' }}
        data-testid="probe"
        aria-label="Consumer name"
        role="region"
        onClick={() => calls.push('consumer')}
        onKitClick={() => calls.push('kit')}
      />,
    );
    const root = screen.getByTestId('probe');
    await expect.element(root).toHaveTextContent('AUFN');
    const element = root.element() as HTMLDivElement;
    expect(ref.current).toBe(element);
    expect(element.className).toBe('onair-probe mine');
    expect(element.style.getPropertyValue('--onair-recording')).toBe('crimson');
    // The consumer's style is applied after the theme tokens.
    expect(element.style.getPropertyValue('--onair-radius')).toBe('9px');
    expect(element.style.margin).toBe('3px');
    expect(element.dataset).toMatchObject({ onairState: 'recording', onairSize: 'md', onairVariant: 'solid' });
    // Kit attributes win over the consumer's; defaults give way to them.
    expect(element.getAttribute('role')).toBe('group');
    expect(element.getAttribute('aria-label')).toBe('Consumer name');
    expect(element.getAttribute('title')).toBe('kit title');
    await root.click();
    expect(calls).toEqual(['consumer', 'kit']);
  });

  it('skips the kit’s handler when the consumer’s calls preventDefault()', async () => {
    const calls: string[] = [];
    const screen = await render(
      <Probe
        data-testid="probe"
        size="lg"
        variant="ghost"
        onClick={(event) => {
          calls.push('consumer');
          event.preventDefault();
        }}
        onKitClick={() => calls.push('kit')}
      />,
    );
    const root = screen.getByTestId('probe');
    await expect.element(root).toHaveAttribute('data-onair-size', 'lg');
    await expect.element(root).toHaveAttribute('data-onair-variant', 'ghost');
    await expect.element(root).toHaveTextContent('REC');
    await root.click();
    expect(calls).toEqual(['consumer']);
  });
});
