import { forwardRef, useId, useRef, useState, type FormEvent, type HTMLAttributes } from 'react';
import { liveStreamDestinationsLabels } from '../core/labels.js';
import { LIVE_STREAM_PLATFORMS, type LiveStreamDestinationProblem, type LiveStreamPlatform } from '../core/liveStreamDestinations.js';
import type { OnAirComponentProps } from '../hooks/OnAirComponentProps.js';
import { useLiveStreamDestinations } from '../hooks/useLiveStreamDestinations.js';
import { useRootProps } from '../hooks/useRootProps.js';

/**
 * Props of {@link LiveStreamDestinations}; native `<section>` attributes go to the root.
 *
 * @public
 */
export type LiveStreamDestinationsProps = Omit<HTMLAttributes<HTMLElement>, 'children'> & OnAirComponentProps;

/**
 * A destinations manager for going live to several platforms at once: a platform preset fills the
 * "Server URL" in, the "Stream key" is a separate masked field (with a show/hide toggle), checked
 * per platform with a readable message that never contains the key; after "Add destination" the
 * key leaves the DOM (the field is emptied, the list shows the platform and server only). Each
 * destination shows its status (ready, connecting, live, dropped with the reason, stopped) and can be
 * removed — while live where the provider can (`can.editEndpoints`).
 *
 * @example
 * ```tsx
 * import { LiveStreamDestinations, LiveStreamBadge } from 'onair-react';
 *
 * <LiveStreamDestinations />
 * <LiveStreamBadge />
 * ```
 *
 * @public
 */
export const LiveStreamDestinations = forwardRef<HTMLElement, LiveStreamDestinationsProps>(function LiveStreamDestinations(props, ref) {
  const { labels, root } = useRootProps(props, { className: 'onair-dest', labels: liveStreamDestinationsLabels, ref });
  const d = useLiveStreamDestinations();
  const keyRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<LiveStreamDestinationProblem | undefined>(undefined);
  const ids = { title: useId(), platform: useId(), server: useId(), key: useId(), problem: useId() };
  const platformName = LIVE_STREAM_PLATFORMS.find((p) => p.platform === d.draft.platform)?.name ?? '';
  const editable = !d.isLive || d.canEditWhileLive;
  const keyProblem = problem === 'key-missing' || problem === 'key-invalid';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = keyRef.current;
    const key = input?.value ?? '';
    void d.add(key).then((found) => {
      setProblem(found);
      // Added: the key leaves the DOM at once.
      if (!found && input) input.value = '';
    });
  };

  return (
    <section {...root({ state: d.isLive ? 'live' : 'idle' }, { 'aria-labelledby': ids.title })}>
      <h2 id={ids.title} className="onair-dest-title">
        {labels.destinationsTitle}
      </h2>
      {d.destinations.length > 0 ? (
        <ul className="onair-dest-list">
          {d.destinations.map((entry) => (
            <li key={entry.id} className="onair-dest-item" data-onair-state={entry.status}>
              <span className="onair-dest-name">{entry.name}</span>
              <span className="onair-dest-server">{entry.server}</span>
              <span className="onair-dest-status">{labels.destinationStatus(entry.status, entry.reason)}</span>
              {editable ? (
                <button type="button" className="onair-rl-button" onClick={() => void d.remove(entry.id)}>
                  {labels.destinationRemove(entry.name)}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <form className="onair-dest-form" onSubmit={submit} noValidate>
          <label htmlFor={ids.platform}>{labels.destinationPlatform}</label>
          <select id={ids.platform} value={d.draft.platform} onChange={(event) => d.setPlatform(event.target.value as LiveStreamPlatform)}>
            {LIVE_STREAM_PLATFORMS.map((preset) => (
              <option key={preset.platform} value={preset.platform}>
                {preset.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.server}>{labels.destinationServerUrl}</label>
          <input
            id={ids.server}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={d.draft.server}
            onChange={(event) => d.setServer(event.target.value)}
            aria-invalid={problem !== undefined && !keyProblem ? true : undefined}
            aria-describedby={problem !== undefined && !keyProblem ? ids.problem : undefined}
          />
          <label htmlFor={ids.key}>{labels.destinationStreamKey}</label>
          <div className="onair-row">
            <input
              id={ids.key}
              ref={keyRef}
              type={d.draft.showKey ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={keyProblem ? true : undefined}
              aria-describedby={keyProblem ? ids.problem : undefined}
            />
            <button type="button" className="onair-rl-button" aria-pressed={d.draft.showKey} aria-controls={ids.key} onClick={d.toggleShowKey}>
              {labels.destinationShowKey}
            </button>
          </div>
          {problem ? (
            <p id={ids.problem} className="onair-invalid" role="alert">
              {labels.destinationProblem(problem, platformName)}
            </p>
          ) : null}
          <button type="submit" className="onair-rl-button">
            {labels.destinationAdd}
          </button>
        </form>
      ) : null}
      {d.canStart ? (
        <button type="button" className="onair-rl-button onair-dest-golive" onClick={() => void d.start().catch(() => undefined)}>
          {labels.destinationsGoLive}
        </button>
      ) : null}
    </section>
  );
});
