import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import type { AdapterCapabilities, CommandTiming, OnAirAdapter } from '../../src/core/adapter.js';
import type { OnAirLabels } from '../../src/core/labels.js';
import type { RecordingsSource } from '../../src/core/recordings.js';
import type { ParticipantRole } from '../../src/core/model.js';
import type { OnAirTheme } from '../../src/core/theme.js';
import { OnAirProvider, type RecordingLimits } from '../../src/provider/OnAirProvider.js';
import type { ConsentLedgerClientOptions } from '../../src/store/createConsentOutbox.js';
import { createScriptedAdapter, type Script } from './scriptedAdapter.js';

/**
 * What a story's meeting factory returns: the adapter, and optionally a handle (the simulator)
 * the story reads with {@link useStoryMeeting} and a `dispose` run on unmount.
 */
export interface StoryMeeting {
  readonly adapter: OnAirAdapter;
  /** A recordings source for `RecordingList` (e.g. {@link sessionRecordings}). */
  readonly recordings?: RecordingsSource | undefined;
  readonly handle?: unknown;
  readonly dispose?: (() => void) | undefined;
}

/**
 * `parameters.onair` of a story: how the decorator builds the meeting behind it. Without
 * `meeting`, a scripted adapter emits `script` on connect (deterministic states).
 */
export interface OnAirStoryParameters {
  readonly role?: ParticipantRole | undefined;
  readonly capabilities?: Partial<AdapterCapabilities> | undefined;
  /** Events for the scripted adapter. */
  readonly script?: Script | undefined;
  /** Scripted adapter: command delay (ms) and whether commands never answer. */
  readonly delayMs?: number | undefined;
  readonly hang?: boolean | undefined;
  /** Build the meeting yourself (e.g. simulator + Daily adapter); called once per mount. */
  readonly meeting?: (() => StoryMeeting) | undefined;
  readonly labels?: Partial<OnAirLabels> | undefined;
  /** No padding around the story (full-screen layouts). */
  readonly bare?: boolean | undefined;
  /** `OnAirProvider consentLedger` (answers posted to a consent route, served by MSW in stories). */
  readonly consentLedger?: ConsentLedgerClientOptions | undefined;
  /** `OnAirProvider commandTiming` ("Still starting…" after `slowAfterMs`). */
  readonly commandTiming?: CommandTiming | undefined;
  /** `OnAirProvider recordingLimits` (the provider's maximum length). */
  readonly recordingLimits?: RecordingLimits | undefined;
}

/** Theme globals the preview passes down. */
export interface StoryTheme {
  readonly colorScheme: 'light' | 'dark';
  readonly theme: OnAirTheme | undefined;
}

const MeetingContext = createContext<unknown>(undefined);
const StoryThemeContext = createContext<StoryTheme>({ colorScheme: 'light', theme: undefined });

/** The `handle` of the story's meeting (the simulator, for stories that build one). */
export function useStoryMeeting<T>(): T | undefined {
  return useContext(MeetingContext) as T | undefined;
}

/** The theme globals (for stories that render their own `OnAirProvider`). */
export function useStoryTheme(): StoryTheme {
  return useContext(StoryThemeContext);
}

function buildMeeting(params: OnAirStoryParameters): StoryMeeting {
  if (params.meeting) return params.meeting();
  return {
    adapter: createScriptedAdapter({
      capabilities: params.capabilities,
      script: params.script,
      delayMs: params.delayMs,
      hang: params.hang,
    }),
  };
}

/**
 * Wraps a story in a fresh meeting (adapter, store and, if the story builds one, simulator — new on every mount)
 * with the toolbar's theme and a page background drawn from the tokens.
 */
export function OnAirStory(props: {
  readonly params: OnAirStoryParameters | undefined;
  readonly colorScheme: 'light' | 'dark';
  readonly theme: OnAirTheme | undefined;
  /** Rendered in a Docs page: no full-height canvas, and the page background is left alone. */
  readonly inDocs?: boolean | undefined;
  readonly children: ReactNode;
}): ReactElement {
  const params = props.params ?? {};
  const [meeting] = useState(() => buildMeeting(params));
  useEffect(() => () => meeting.dispose?.(), [meeting]);
  const canvasRef = useRef<HTMLDivElement | null>(null);
  // The page behind the canvas takes the theme's surface: no white frame around a dark canvas.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || props.inDocs) return;
    const body = canvas.ownerDocument.body;
    const before = body.style.background;
    body.style.background = getComputedStyle(canvas).backgroundColor;
    return () => {
      body.style.background = before;
    };
  }, [props.inDocs, props.colorScheme, props.theme]);
  return (
    <StoryThemeContext.Provider value={{ colorScheme: props.colorScheme, theme: props.theme }}>
      <MeetingContext.Provider value={meeting.handle}>
        <OnAirProvider adapter={meeting.adapter} recordings={meeting.recordings} role={params.role} colorScheme={props.colorScheme} theme={props.theme} labels={params.labels} consentLedger={params.consentLedger} commandTiming={params.commandTiming} recordingLimits={params.recordingLimits}>
          <div
            ref={canvasRef}
            className="onair-story-canvas"
            style={{
              minHeight: props.inDocs ? undefined : '100vh',
              boxSizing: 'border-box',
              padding: params.bare ? 0 : '1.5rem',
              background: 'var(--onair-surface)',
              color: 'var(--onair-text)',
              fontFamily: 'var(--onair-font-family)',
            }}
          >
            {props.children}
          </div>
        </OnAirProvider>
      </MeetingContext.Provider>
    </StoryThemeContext.Provider>
  );
}
