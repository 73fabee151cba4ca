import { forwardRef, useId, useRef, useState, type FormEvent, type HTMLAttributes } from 'react';
import { liveStreamDestinationsLabels, liveStreamButtonLabels } from '../core/labels.js';
import { LIVE_STREAM_PLATFORMS, type LiveStreamDestinationProblem, type LiveStreamPlatform } from '../core/liveStreamDestinations.js';
import type { OnAirComponentProps } from '../hooks/OnAirComponentProps.js';
import { useLiveStreamDestinations, type LiveStreamServerDestination } from '../hooks/useLiveStreamDestinations.js';
import { useRootProps } from '../hooks/useRootProps.js';

const DESTINATIONS_LABELS = { ...liveStreamDestinationsLabels, endLiveStream: liveStreamButtonLabels.endLiveStream };

/**
 * Props of {@link LiveStreamDestinations}; native `<section>` attributes go to the root.
 *
 * @public
 */
export type LiveStreamDestinationsProps = Omit<HTMLAttributes<HTMLElement>, 'children'> &
  OnAirComponentProps & {
    /**
     * Destinations configured on the server (OpenTalk stream targets, Daily `streaming_endpoints`, a
     * route's `destinations`): listed with their status and started by id; no key form, since their
     * keys never reach the browser. Without it, the person enters server and key here (Daily).
     */
    readonly destinations?: readonly LiveStreamServerDestination[] | undefined;
    /**
     * The stream the destinations go out on, where the provider runs several side by side (VideoSDK's
     * RTMP out, `"rtmp"`, beside its HLS): rows, Go live and End follow that stream only.
     */
    readonly instanceId?: string | undefined;
  };

/**
 * A destinations manager for going live to several platforms at once: a platform preset fills the
 * "Server URL" in, the "Stream key" is a separate masked field (with a show/hide toggle), checked
 * per platform with a readable message that never contains the key; after "Add destination" the
 * key leaves the DOM (the field is emptied, the list shows the platform and server only). Each
 * destination shows its status (ready, connecting, live, dropped with the reason, stopped) and can be
 * removed — while live where the provider can (`can.editEndpoints`). A refused start (a wrong key)
 * shows the provider's reason, keys masked, and leaves the form as it was. With `destinations`, the
 * keys stay on the server and the list shows those destinations by name.
 *
 * @example
 * ```tsx
 * import { LiveStreamDestinations, LiveStreamBadge } from 'onair-react';
 *
 * <LiveStreamDestinations />
 * <LiveStreamBadge />
 *
 * // OpenTalk: the targets configured on the server.
 * <LiveStreamDestinations destinations={[{ id: 'target-youtube', name: 'YouTube', platform: 'youtube' }]} />
 *
 * // VideoSDK: the destinations your route holds (`listed = await client.listLiveStreamDestinations()`), on the RTMP stream.
 * <LiveStreamDestinations instanceId={VIDEOSDK_RTMP_INSTANCE} destinations={listed} />
 * ```
 *
 * @public
 */
export const LiveStreamDestinations = forwardRef<HTMLElement, LiveStreamDestinationsProps>(function LiveStreamDestinations(props, ref) {
  const { destinations: configured, instanceId, ...rest } = props;
  const { labels, root } = useRootProps(rest, { className: 'onair-dest', labels: DESTINATIONS_LABELS, ref });
  const d = useLiveStreamDestinations({ destinations: configured, instanceId });
  const keyRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<LiveStreamDestinationProblem | undefined>(undefined);
  const ids = { title: useId(), platform: useId(), server: useId(), key: useId(), problem: useId(), held: useId() };
  const platformName = LIVE_STREAM_PLATFORMS.find((p) => p.platform === d.draft.platform)?.name ?? '';
  const editable = !d.heldByServer && (!d.isLive || d.canEditWhileLive);
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
    <section
      {...root(
        { state: d.isLive ? 'live' : 'idle' },
        // The consumer's own name (two managers on one page) replaces the heading's.
        { 'aria-labelledby': rest['aria-label'] === undefined && rest['aria-labelledby'] === undefined ? ids.title : undefined, 'aria-describedby': d.heldByServer ? ids.held : undefined },
      )}
    >
      <h2 id={ids.title} className="onair-dest-title">
        {labels.destinationsTitle}
      </h2>
      {d.heldByServer ? (
        <p id={ids.held} className="onair-hint">
          {labels.destinationsHeldByServer}
        </p>
      ) : null}
      {d.destinations.length > 0 ? (
        <ul className="onair-dest-list">
          {d.destinations.map((entry) => (
            <li key={entry.id} className="onair-dest-item" data-onair-state={entry.status} data-onair-platform={entry.platform}>
              <span className="onair-dest-mark" aria-hidden="true" />
              <span className="onair-dest-main">
                <span className="onair-dest-name">{entry.name}</span>
                {entry.server ? <span className="onair-dest-server">{entry.server}</span> : null}
              </span>
              <span className="onair-dest-status" data-onair-state={entry.status}>
                {entry.status === 'live' || entry.status === 'connecting' ? <span className="onair-dest-dot" aria-hidden="true" /> : null}
                {labels.destinationStatus(entry.status, undefined)}
              </span>
              {editable ? (
                <button type="button" className="onair-button onair-dest-remove" onClick={() => void d.remove(entry.id)}>
                  {labels.destinationRemove(entry.name)}
                </button>
              ) : null}
              {entry.reason ? <span className="onair-dest-reason">{entry.reason}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <form className="onair-dest-form" onSubmit={submit} noValidate>
          <div className="onair-dest-field">
            <label className="onair-field-label" htmlFor={ids.platform}>
              {labels.destinationPlatform}
            </label>
            <select
              id={ids.platform}
              className="onair-input onair-select"
              value={d.draft.platform}
              onChange={(event) => d.setPlatform(event.target.value as LiveStreamPlatform)}
            >
              {LIVE_STREAM_PLATFORMS.map((preset) => (
                <option key={preset.platform} value={preset.platform}>
                  {preset.name}
                </option>
              ))}
            </select>
          </div>
          <div className="onair-dest-field onair-dest-field-wide">
            <label className="onair-field-label" htmlFor={ids.server}>
              {labels.destinationServerUrl}
            </label>
            <input
              id={ids.server}
              className="onair-input"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={d.draft.server}
              onChange={(event) => d.setServer(event.target.value)}
              aria-invalid={problem !== undefined && !keyProblem ? true : undefined}
              aria-describedby={problem !== undefined && !keyProblem ? ids.problem : undefined}
            />
          </div>
          <div className="onair-dest-field onair-dest-field-wide">
            <label className="onair-field-label" htmlFor={ids.key}>
              {labels.destinationStreamKey}
            </label>
            <div className="onair-dest-key">
              <input
                id={ids.key}
                ref={keyRef}
                className="onair-input"
                type={d.draft.showKey ? 'text' : 'password'}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={keyProblem ? true : undefined}
                aria-describedby={keyProblem ? ids.problem : undefined}
              />
              <button type="button" className="onair-button onair-dest-show" aria-pressed={d.draft.showKey} aria-controls={ids.key} onClick={d.toggleShowKey}>
                {labels.destinationShowKey}
              </button>
            </div>
          </div>
          {problem ? (
            <p id={ids.problem} className="onair-invalid onair-dest-problem" role="alert">
              {labels.destinationProblem(problem, platformName)}
            </p>
          ) : null}
          <div className="onair-dest-add">
            <button type="submit" className="onair-button">
              {labels.destinationAdd}
            </button>
          </div>
        </form>
      ) : null}
      {d.startError ? (
        <p className="onair-dest-failed" role="alert">
          {labels.destinationsStartFailed(d.startError)}
        </p>
      ) : null}
      {d.canStart || d.canStop ? (
        <div className="onair-dest-actions">
          {d.canStart ? (
            <button type="button" className="onair-button onair-dest-golive" onClick={() => void d.start().catch(() => undefined)}>
              {labels.destinationsGoLive}
            </button>
          ) : (
            <button type="button" className="onair-button onair-dest-end" onClick={() => void d.stop().catch(() => undefined)}>
              {labels.endLiveStream}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
});
