import { useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import tokensCss from '../../src/components/tokens.css?raw';
import type { OnAirTheme } from '../../src/core/theme.js';
import { OnAirProvider } from '../../src/provider/OnAirProvider.js';
import { customTheme } from './customTheme.js';

/** Every `--onair-*` token the stylesheet defines, in the order it defines them. */
export const onAirTokens: readonly string[] = [...new Set([...tokensCss.matchAll(/(--onair-[a-z-]+)\s*:/g)].map((m) => m[1]!))];

const isColour = (value: string) => /^(#|rgb|hsl|oklch|color)/.test(value.trim());

function Swatches(): ReactElement {
  const ref = useRef<HTMLTableElement | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  useLayoutEffect(() => {
    const node = ref.current;
    if (!node) return;
    const style = getComputedStyle(node);
    setValues(Object.fromEntries(onAirTokens.map((token) => [token, style.getPropertyValue(token).trim()])));
  }, []);
  return (
    <table ref={ref} style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
      <thead>
        <tr>
          <th style={{ textAlign: 'left', padding: '4px 8px' }}>Token</th>
          <th style={{ textAlign: 'left', padding: '4px 8px' }}>Value</th>
          <th style={{ textAlign: 'left', padding: '4px 8px' }}>Swatch</th>
        </tr>
      </thead>
      <tbody>
        {onAirTokens.map((token) => {
          const value = values[token] ?? '';
          return (
            <tr key={token} style={{ borderTop: '1px solid var(--onair-border)', background: 'var(--onair-surface)', color: 'var(--onair-text)' }}>
              <td style={{ padding: '4px 8px' }}>
                <code>{token}</code>
              </td>
              <td style={{ padding: '4px 8px' }}>
                <code>{value}</code>
              </td>
              <td style={{ padding: '4px 8px' }}>
                {isColour(value) ? (
                  <span
                    aria-hidden="true"
                    style={{ display: 'inline-block', width: 48, height: 20, borderRadius: 4, border: '1px solid var(--onair-border)', background: `var(${token})` }}
                  />
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The tokens under one theme, computed live from the stylesheet (light, dark or a custom `theme`). */
export function TokenSwatches(props: { readonly scheme: 'light' | 'dark'; readonly theme?: OnAirTheme | undefined; readonly title: string }): ReactElement {
  return (
    <OnAirProvider colorScheme={props.scheme} theme={props.theme}>
      <section
        aria-label={props.title}
        style={{ padding: 12, borderRadius: 8, background: 'var(--onair-surface)', color: 'var(--onair-text)', fontFamily: 'var(--onair-font-family)', marginBottom: 16 }}
      >
        <h3 style={{ margin: '0 0 8px', color: 'inherit' }}>{props.title}</h3>
        <Swatches />
      </section>
    </OnAirProvider>
  );
}

/** Light, dark and the toolbar's custom theme side by side. */
export function AllTokenSwatches(): ReactElement {
  return (
    <div>
      <TokenSwatches scheme="light" title="Light" />
      <TokenSwatches scheme="dark" title="Dark" />
      <TokenSwatches scheme="light" theme={customTheme} title="Custom (the toolbar’s “Custom tokens”)" />
    </div>
  );
}
