// A deterministic, realistic mixed stream of normalized OnAir events for the reducer bench:
// meetings one after another, each with participants joining, naming, consenting and leaving,
// a few recordings (fresh instance ids; start, pause/resume, stop, sometimes an error), a live
// stream with many connected/interrupted updates on two endpoints, warnings, per-participant
// recordings, and ~5 % duplicated events (providers and webhooks re-deliver). Ends each meeting
// with `session-left`, so state stays bounded as in a real app.

/** Small seeded PRNG (mulberry32), so every run reduces the same stream. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {number} count how many events (the stream is cut at this length)
 * @returns {object[]}
 */
export function mixedEventStream(count, seed = 42) {
  const random = prng(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  /** @type {object[]} */
  const events = [];
  let at = 1_700_000_000_000;
  let meeting = 0;
  const push = (event) => {
    at += 1 + Math.floor(random() * 500);
    const full = { ...event, at };
    events.push(full);
    if (random() < 0.05) events.push(full);
  };

  while (events.length < count) {
    meeting += 1;
    const people = Array.from({ length: 12 }, (_, i) => `m${meeting}-p${i}`);
    push({ type: 'session-joined', localParticipantId: people[0], role: 'moderator' });
    for (const id of people) {
      push({ type: 'participant-joined', participantId: id, name: `Person ${id}` });
      if (random() < 0.5) push({ type: 'participant-named', participantId: id, name: `Renamed ${id}` });
    }
    for (let r = 0; r < 3; r += 1) {
      const instanceId = `m${meeting}-rec${r}`;
      for (const id of people) if (random() < 0.6) push({ type: 'consent-updated', participantId: id, consent: random() < 0.8 });
      push({ type: 'recording-requested', instanceId, command: 'start-recording' });
      push({ type: 'recording-starting', instanceId, startedBy: people[0] });
      if (random() < 0.1) {
        push({ type: 'recording-error', instanceId, error: { code: 'start-failed', message: 'Recording quota exceeded.', at } });
        continue;
      }
      push({ type: 'recording-started', instanceId, recordingId: `${instanceId}-id`, recordingType: 'cloud', startedBy: people[0], local: true });
      if (random() < 0.5) {
        push({ type: 'recording-paused', instanceId });
        push({ type: 'recording-resumed', instanceId });
      }
      for (let k = 0; k < 6; k += 1) {
        const participantId = pick(people);
        push({ type: 'participant-recording', participantId, phase: 'started', sessionId: `${instanceId}-s` });
        push({
          type: 'participant-recording',
          participantId,
          phase: 'stopped',
          sessionId: `${instanceId}-s`,
          files: [{ filePath: `/rec/${participantId}.mp4`, fileUrl: `https://cdn.example/${participantId}.mp4` }],
        });
      }
      push({ type: 'recording-stopping', instanceId });
      push({ type: 'recording-stopped', instanceId, recordingId: `${instanceId}-id` });
      push({ type: 'recording-stopped', instanceId, recordingId: `${instanceId}-id` });
    }
    const stream = `m${meeting}-live`;
    push({ type: 'live-stream-requested', instanceId: stream, command: 'start-live-stream' });
    push({ type: 'live-stream-started', instanceId: stream });
    for (let u = 0; u < 60; u += 1) {
      push({ type: 'live-stream-updated', instanceId: stream, state: random() < 0.5 ? 'interrupted' : 'connected', endpoint: pick(['youtube', 'twitch']) });
      if (random() < 0.05) push({ type: 'live-stream-warning', instanceId: stream, message: 'Bitrate is low.' });
    }
    push({ type: 'live-stream-stopping', instanceId: stream });
    push({ type: 'live-stream-stopped', instanceId: stream });
    for (const id of people.slice(1)) if (random() < 0.7) push({ type: 'participant-left', participantId: id });
    push({ type: 'session-left' });
  }
  return events.slice(0, count);
}
