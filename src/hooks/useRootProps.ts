import { useMemo, type CSSProperties, type HTMLAttributes, type Ref } from 'react';
import type { OnAirLabels } from '../core/labels.js';
import { themeToStyle, type OnAirTheme } from '../core/theme.js';
import { composeEventHandlers, cx } from './mergeProps.js';
import { useMaybeOnAirContext } from './OnAirContext.js';
import type { OnAirComponentProps } from './OnAirComponentProps.js';

type DataAttributes = { readonly [key: `data-${string}`]: string | undefined };

/** @internal What {@link useRootProps} reads from a component's props (the rest goes to the root element). */
export interface RootPropsInput<E extends Element> extends Omit<OnAirComponentProps, 'variant'>, Omit<HTMLAttributes<E>, 'children'> {
  /** `OnAirVariant`, or a component's own (the consent banner's `prejoin`). Default `solid`. */
  readonly variant?: string | undefined;
  readonly className?: string | undefined;
  readonly style?: CSSProperties | undefined;
}

/** @internal The props of a component's root element, ready to spread. */
export type RootElementProps<E extends Element> = HTMLAttributes<E> & DataAttributes & { ref?: Ref<E> | undefined };

/**
 * @internal Builds the root's props once the component knows its state (it may be called after an
 * early `return null`, it is not a hook).
 *
 * - `attributes`: the kit's own attributes; they win over the consumer's, except that event
 *   handlers are chained (the consumer's first; its `preventDefault()` skips the kit's).
 * - `defaults`: attributes the consumer may replace (an `aria-labelledby` the consumer's own
 *   `aria-label` should replace, say).
 */
export type RootPropsBuilder<E extends Element> = (
  attributes?: HTMLAttributes<E> & DataAttributes & { readonly state?: string | undefined },
  defaults?: HTMLAttributes<E> & DataAttributes,
) => RootElementProps<E>;

/** @internal What {@link useRootProps} returns. */
export interface RootProps<E extends Element, D> {
  /** The component's labels: its English defaults, then the provider's, then the `labels` prop. */
  readonly labels: D;
  /** The root's props (see {@link RootPropsBuilder}). */
  readonly root: RootPropsBuilder<E>;
}

/**
 * One component's labels: its own English `defaults` (a part such as `recordButtonLabels`), then the
 * provider's `labels`, then the component's `labels` prop. Only the part a component imports ends
 * up in an app's bundle.
 */
function useLabels<D extends Partial<OnAirLabels>>(defaults: D, overrides: Partial<OnAirLabels> | undefined): D {
  const base = useMaybeOnAirContext()?.labels;
  return useMemo(() => (base || overrides ? { ...defaults, ...base, ...overrides } : defaults), [defaults, base, overrides]);
}

/** Root `style` of a component: its `theme` tokens as `--onair-*` variables, then the consumer's `style`. */
function useRootStyle(theme: OnAirTheme | undefined, style: CSSProperties | undefined): CSSProperties | undefined {
  return useMemo(() => {
    if (!theme && !style) return undefined;
    return { ...(themeToStyle(theme) as CSSProperties), ...style };
  }, [theme, style]);
}

/**
 * @internal The opening every OnAir component shares, in one place: the consumer's `className`
 * joined after the kit's, `theme` tokens as `--onair-*` custom properties under the consumer's
 * `style`, `data-onair-size` / `data-onair-variant` (default `md` / `solid`), `data-onair-state`,
 * the forwarded `ref`, the consumer's other attributes passed through with their handlers chained
 * before the kit's, and the component's labels merged over the provider's.
 *
 * @example
 * ```tsx
 * const Badge = forwardRef<HTMLDivElement, BadgeProps>(function Badge({ instanceId, ...props }, ref) {
 *   const { labels, root } = useRootProps(props, { className: 'onair-badge', labels: liveStreamBadgeLabels, ref });
 *   return <div {...root({ state: 'live' })}>{labels.liveMark}</div>;
 * });
 * ```
 */
export function useRootProps<E extends Element, D extends Partial<OnAirLabels> = Partial<OnAirLabels>>(
  props: RootPropsInput<E>,
  options: { readonly className: string; readonly labels?: D | undefined; readonly ref?: Ref<E> | undefined },
): RootProps<E, D> {
  const { labels: overrides, theme, size = 'md', variant = 'solid', className, style, ...rest } = props;
  const labels = useLabels((options.labels ?? {}) as D, overrides);
  const rootStyle = useRootStyle(theme, style);
  const root: RootPropsBuilder<E> = (attributes = {}, defaults) => {
    const { state, ...kit } = attributes;
    const merged: Record<string, unknown> = { ...defaults, ...rest, ...kit };
    for (const [key, ours] of Object.entries(kit)) {
      const theirs = (rest as Record<string, unknown>)[key];
      if (/^on[A-Z]/.test(key) && typeof ours === 'function' && typeof theirs === 'function') {
        merged[key] = composeEventHandlers(theirs as (event: never) => void, ours as (event: never) => void);
      }
    }
    return {
      ...(merged as HTMLAttributes<E>),
      ...(options.ref === undefined ? {} : { ref: options.ref }),
      className: cx(options.className, className),
      style: rootStyle,
      'data-onair-state': state,
      'data-onair-size': size,
      'data-onair-variant': variant,
    };
  };
  return { labels, root };
}
