import type { OnAirLabels } from '../core/labels.js';
import { formatCount, plural } from './intl.js';

const LOCALE = 'de';

/**
 * German (`de`) labels: every string of the kit. Pass them with the matching `locale`, so dates,
 * numbers, sizes and plurals follow German rules.
 *
 * @example
 * ```tsx
 * import { OnAirProvider, RecordButton } from 'onair-react';
 * import { de } from 'onair-react/locales/de';
 *
 * <OnAirProvider locale="de" labels={de}>
 *   <RecordButton />
 * </OnAirProvider>;
 * ```
 *
 * @public
 */
export const de: OnAirLabels = Object.freeze({
  // RecordButton
  startRecording: 'Aufnahme starten',
  stopRecording: 'Aufnahme beenden',
  startingRecording: 'Wird gestartet …',
  stoppingRecording: 'Wird beendet …',
  stillStarting: 'Wird noch gestartet …',
  stillStopping: 'Wird noch beendet …',
  cancelStart: 'Abbrechen',
  notConfirmedTitle: 'Nicht bestätigt',
  startNotConfirmed: 'Der Anbieter hat den Start nicht bestätigt; die Aufnahme läuft möglicherweise trotzdem – bitte prüfen Sie es erneut.',
  stopNotConfirmed: 'Der Anbieter hat das Beenden nicht bestätigt; die Aufnahme läuft möglicherweise noch – bitte prüfen Sie es erneut.',
  checkAgain: 'Erneut prüfen',
  cannotCheckAgain: 'Dieser Anbieter lässt sich nicht erneut abfragen; die Aufnahmeanzeige ändert sich, sobald er sich meldet.',
  recordingEndsIn: (minutes: number) => `Aufnahme endet in ${minutes} Min.`,
  recordingLimitReached: (provider: string) => `Die Aufnahme hat ihre maximale Länge erreicht und wurde von ${provider || 'dem Anbieter'} beendet.`,
  pauseRecording: 'Aufnahme pausieren',
  resumeRecording: 'Aufnahme fortsetzen',
  recordingControls: 'Aufnahme',
  confirmStopTitle: 'Aufnahme beenden?',
  confirmStopBody: 'Die Aufnahme endet für alle in der Besprechung.',
  confirmStopAccept: 'Aufnahme beenden',
  confirmStopCancel: 'Weiter aufnehmen',
  recordingNotAllowed: 'Nur Moderierende können diese Besprechung aufnehmen.',
  recordingNotSupported: 'In dieser Besprechung ist keine Aufnahme möglich.',
  recordingFailed: 'Aufnahme fehlgeschlagen',
  dismiss: 'Schließen',
  elapsed: (time: string) => `Dauer ${time}`,
  // RecordingIndicator
  recMark: 'AUFN',
  recordingActive: 'Aufnahme läuft',
  recordingPaused: 'Aufnahme pausiert',
  recordingStarting: 'Aufnahme startet …',
  recordingStopping: 'Aufnahme endet …',
  recordingStartedBy: (name: string) => `Gestartet von ${name}`,
  recordingIdle: 'Keine Aufnahme',
  // LiveStreamBadge / LiveStreamButton
  liveIdle: 'Nicht live',
  liveStarting: 'Geht live …',
  liveMark: 'LIVE',
  liveInterrupted: 'Unterbrochen',
  liveStopping: 'Wird beendet …',
  liveFailed: 'Livestream fehlgeschlagen',
  interruptedFor: (time: string) => `seit ${time}`,
  liveEndpoints: 'Ziele',
  endpointLive: 'live',
  endpointInterrupted: 'unterbrochen',
  endpointDropped: 'entfernt',
  liveViewers: (count: number) => plural(LOCALE, count, { one: '# Zuschauer:in', other: '# Zuschauende' }),
  goLive: 'Live gehen',
  endLiveStream: 'Livestream beenden',
  startingLiveStream: 'Geht live …',
  stoppingLiveStream: 'Wird beendet …',
  rtmpUrl: 'Stream-URL',
  rtmpUrlHint: 'rtmp://- oder rtmps://-Adresse mit Streamschlüssel',
  rtmpUrlInvalid: 'Geben Sie eine rtmp://- oder rtmps://-Adresse ein.',
  liveNotAllowed: 'Nur Moderierende können live gehen.',
  liveNotSupported: 'In dieser Besprechung ist kein Livestream möglich.',
  liveWarning: (message: string) => `Warnung: ${message}`,
  liveStreamControls: 'Livestream',
  // Announcements
  announceRecordingStarted: 'Aufnahme gestartet',
  announceRecordingInProgress: 'Dieses Meeting wird aufgenommen',
  announceRecordingStopped: 'Aufnahme beendet',
  announceRecordingPaused: 'Aufnahme pausiert',
  announceRecordingResumed: 'Aufnahme fortgesetzt',
  announceRecordingFailed: (reason: string) => `Aufnahme fehlgeschlagen: ${reason}`,
  announceLiveStarted: 'Livestream gestartet',
  announceLiveInterrupted: 'Livestream unterbrochen',
  announceLiveResumed: 'Livestream wieder verbunden',
  announceLiveStopped: 'Livestream beendet',
  announceLiveFailed: (reason: string) => `Livestream fehlgeschlagen: ${reason}`,
  // ConsentBanner
  consentTitle: 'Diese Besprechung wird aufgenommen',
  consentStartedBy: (name: string) => `Aufnahme gestartet von ${name}.`,
  consentStartedByUnknown: 'Eine moderierende Person hat die Aufnahme gestartet.',
  consentStartedByYou: 'Sie haben diese Aufnahme gestartet.',
  consentQuestion: 'Sind Sie mit der Aufnahme einverstanden? Bild und Ton von Ihnen werden nur mit Ihrer Zustimmung aufgenommen.',
  consentAccept: 'Ich stimme der Aufnahme zu',
  consentDecline: 'Mich nicht aufnehmen',
  consentGiven: 'Sie haben der Aufnahme zugestimmt.',
  consentDeclinedStatus: 'Sie haben die Aufnahme abgelehnt.',
  consentWithdraw: 'Zustimmung widerrufen',
  consentChange: 'Ändern',
  consentSaving: 'Ihre Wahl wird gespeichert …',
  consentSaveFailed: 'Ihre Wahl konnte nicht gespeichert werden. Versuchen Sie es noch einmal.',
  consentRegion: 'Zustimmung zur Aufnahme',
  announceConsentRequested: 'Aufnahme gestartet. Bitte wählen Sie, ob Sie der Aufnahme zustimmen.',
  consentPrejoinTitle: 'Diese Besprechung wird aufgenommen',
  consentPrejoinBody: 'Treten Sie nur bei, wenn Sie mit der Aufnahme einverstanden sind. Sie können Ihre Zustimmung jederzeit widerrufen.',
  consentPrejoinAccept: 'Zustimmen und fortfahren',
  consentPrejoinDecline: 'Nicht zustimmen',
  consentNoticeChanged: 'Der Hinweis zur Aufnahme hat sich geändert. Bitte lies ihn und antworte erneut.',
  consentLedgerPending: 'Ihre Antwort ist auf diesem Gerät gespeichert und wird erfasst, sobald die Verbindung wieder steht.',
  // ConsentRoster
  rosterTitle: 'Zustimmung zur Aufnahme',
  rosterSummary: (consented: number, total: number) => `${formatCount(LOCALE, consented)} von ${formatCount(LOCALE, total)} haben zugestimmt`,
  rosterConsented: 'Zugestimmt',
  rosterDeclined: 'Abgelehnt',
  rosterPending: 'Noch keine Antwort',
  rosterYou: '(Sie)',
  rosterUnnamed: 'Unbenannte Person',
  rosterNobody: 'Niemand',
  rosterIdle: 'Es läuft keine Aufnahme. Alle werden gefragt, sobald eine startet.',
  // Provider errors
  providerErrors: Object.freeze({
    insufficient_permissions: 'Dafür fehlt Ihnen die Berechtigung. Nur Moderierende können aufnehmen oder streamen.',
    invalid_recording_id: 'Diese Aufnahme gibt es nicht mehr.',
    already_recording: 'Diese Besprechung wird bereits aufgenommen.',
    record_feature_disabled: 'In dieser Besprechung ist keine Aufnahme möglich.',
    stream_feature_disabled: 'In dieser Besprechung ist kein Livestream möglich.',
    invalid_streaming_id: 'Dieses Streaming-Ziel gibt es nicht oder es läuft nicht.',
    streaming_target_in_use: 'Dieses Streaming-Ziel wird bereits verwendet.',
    recorder_not_started: 'Die Aufnahme ist noch nicht bereit. Versuchen Sie es gleich noch einmal.',
    recording_already_active: 'Es läuft bereits eine Aufnahme.',
    recording_not_active: 'Es läuft keine Aufnahme.',
    failed_to_request_recording_service: 'Der Aufnahmedienst ist nicht erreichbar. Versuchen Sie es später noch einmal.',
    recorder_timeout: 'Die Anfrage wurde nicht rechtzeitig angenommen. Versuchen Sie es später noch einmal.',
  }),
  providerErrorUnknown: (code: string) => `Der Besprechungsserver hat die Anfrage abgelehnt (${code}).`,
  // RecordingList
  recordingsTitle: 'Aufnahmen',
  recordingsLoading: 'Aufnahmen werden geladen …',
  recordingsEmpty: 'Noch keine Aufnahmen',
  recordingsEmptyHint: 'Aufnahmen dieser Besprechung erscheinen hier, sobald sie starten.',
  recordingsLoadFailed: 'Die Aufnahmen konnten nicht geladen werden.',
  recordingsRetry: 'Erneut versuchen',
  recordingsRefreshing: 'Wird aktualisiert …',
  recordingsCount: (total: number) => plural(LOCALE, total, { one: '# Aufnahme', other: '# Aufnahmen' }),
  recordingUntitled: 'Aufnahme ohne Titel',
  recordingStartedAt: 'Gestartet',
  recordingDuration: 'Dauer',
  recordingSize: 'Größe',
  assetStatus: Object.freeze({
    invoked: 'Startet',
    recording: 'Läuft',
    paused: 'Pausiert',
    uploading: 'Wird hochgeladen',
    ready: 'Bereit',
    failed: 'Fehlgeschlagen',
  }),
  recordingStartedByWhy: (who: string, why: string) => (who ? `Gestartet von ${who}${why ? ` (${why})` : ''}` : `Gestartet: ${why}`),
  recordingStoppedByWhy: (who: string, why: string) => (who ? `Beendet von ${who}${why ? ` (${why})` : ''}` : `Beendet: ${why}`),
  recordingReasons: Object.freeze({
    API_CALL: 'auf Anfrage',
    RECORD_ON_START: 'automatisch zu Beginn der Besprechung',
    ALL_PEERS_LEFT: 'alle haben die Besprechung verlassen',
    INTERNAL_ERROR: 'ein Serverfehler',
  }),
  recordingByApp: 'die App',
  downloadVideo: 'Video herunterladen',
  downloadAudio: 'Audio herunterladen',
  downloadTrack: (label: string) => `${label} herunterladen`,
  downloadOf: (action: string, fileName: string) => `${action}, ${fileName}`,
  linkRefreshing: 'Download-Link wird erneuert …',
  linkExpired: 'Download-Link abgelaufen',
  linkStoredElsewhere: 'In Ihrem eigenen Speicher abgelegt',
  deleteRecording: 'Löschen',
  storedOnDevice: 'Auf diesem Gerät',
  paginationLabel: 'Seiten der Aufnahmen',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  pageOf: (page: number, pageCount: number) => `Seite ${formatCount(LOCALE, page)} von ${formatCount(LOCALE, pageCount)}`,
  // Participant recording
  recordParticipant: (name: string) => `${name} aufnehmen`,
  stopRecordingParticipant: (name: string) => `Aufnahme von ${name} beenden`,
  startingParticipantRecording: (name: string) => `Aufnahme von ${name} startet …`,
  stoppingParticipantRecording: (name: string) => `Aufnahme von ${name} endet …`,
  participantRecordingNotAllowed: 'Nur Moderierende können Teilnehmende aufnehmen.',
  participantRecordingNotSupported: 'Einzelne Teilnehmende aufzunehmen ist in dieser Besprechung nicht möglich.',
  participantRecordingFailed: 'Aufnahme der Person fehlgeschlagen',
  downloadParticipantRecording: (name: string, index: number) =>
    index > 0 ? `Aufnahme von ${name} herunterladen (${formatCount(LOCALE, index + 1)})` : `Aufnahme von ${name} herunterladen`,
  youAreBeingRecorded: 'Sie werden aufgenommen',
  yourRecordingStarting: 'Ihre Aufnahme startet …',
  yourRecordingStopping: 'Ihre Aufnahme endet …',
  participantIsBeingRecorded: (name: string) => `${name} wird aufgenommen`,
  // Recording player
  playRecording: 'Abspielen',
  playerClose: 'Player schließen',
  playerLoading: 'Aufnahme wird geladen …',
  playerRefreshing: 'Link wird erneuert …',
  playerFailed: 'Diese Aufnahme konnte nicht abgespielt werden.',
  playerUnavailable: 'Für diese Aufnahme gibt es gerade keinen abspielbaren Link.',
  // Live-stream player
  livePlayer: 'Livestream',
  livePlayerStarting: 'Warten auf den Stream …',
  livePlayerReconnecting: 'Verbindung zum Stream wird wiederhergestellt …',
  livePlayerEnded: 'Der Stream ist beendet.',
  livePlayerFailed: 'Dieser Browser kann den Stream nicht abspielen.',
  livePlayerIdle: 'Der Stream hat noch nicht begonnen.',
  livePlayerAtEdge: 'Live',
  livePlayerGoLive: 'Zu live springen',
  livePlayerPause: 'Pause',
  livePlayerMute: 'Stumm',
  livePlayerCaptions: 'Untertitel',
  livePlayerKeys: 'Tasten: K oder Leertaste pausiert und spielt, M schaltet stumm, C schaltet Untertitel, L springt zu live.',
  // Live-stream destinations
  destinationsTitle: 'Livestream-Ziele',
  destinationPlatform: 'Plattform',
  destinationServerUrl: 'Server-URL',
  destinationStreamKey: 'Streamschlüssel',
  destinationShowKey: 'Schlüssel zeigen',
  destinationAdd: 'Ziel hinzufügen',
  destinationRemove: (name: string) => `entfernen ${name}`,
  destinationsGoLive: 'Überall live gehen',
  destinationProblem: (problem: string, platform: string) =>
    problem === 'server-missing' ? 'Geben Sie die Server-URL ein.'
    : problem === 'server-insecure' ? `${platform} nimmt nur rtmps://-Server-URLs.`
    : problem === 'server-invalid' ? 'Die Server-URL muss mit rtmp:// oder rtmps:// beginnen.'
    : problem === 'key-missing' ? 'Geben Sie den Streamschlüssel ein.'
    : `Das sieht nicht wie ein Streamschlüssel von ${platform} aus.`,
  destinationStatus: (status: string, reason: string | undefined) =>
    status === 'connecting' ? 'Verbinde'
    : status === 'live' ? 'Live'
    : status === 'dropped' ? (reason ? `Abgebrochen: ${reason}` : 'Abgebrochen')
    : status === 'stopped' ? 'Beendet'
    : 'Bereit',
  // Added with the two-recordings and permission UI
  recordingDeniedByProvider: 'Sie haben keine Berechtigung, in diesem Meeting aufzunehmen. Bitten Sie den Host darum.',
  recordingDisabled: 'Aufnahmen sind für diese Besprechung durch Tarif oder Einstellungen abgeschaltet.',
  liveDeniedByProvider: 'Sie haben keine Berechtigung, dieses Meeting live zu übertragen. Bitten Sie den Host darum.',
  liveDisabled: 'Livestreams sind für diese Besprechung durch Tarif oder Einstellungen abgeschaltet.',
  recordingTargets: (count: number) => `${formatCount(LOCALE, count)} Aufnahmen – die Schaltflächen wirken auf`,
  recordingTarget: (index: number, who: string) =>
    who ? `Aufnahme ${formatCount(LOCALE, index)}, gestartet von ${who}` : `Aufnahme ${formatCount(LOCALE, index)}`,
  actsOnRecording: (index: number, count: number) => `Wirkt auf Aufnahme ${formatCount(LOCALE, index)} von ${formatCount(LOCALE, count)}.`,
  recordInCloud: 'In der Cloud aufnehmen',
  recordOnDevice: 'Auf diesem Gerät aufnehmen',
  recordingsRunning: (count: number) => plural(LOCALE, count, { one: '# Aufnahme', other: '# Aufnahmen' }),
  consentStarterStatus: 'Sie haben diese Aufnahme gestartet und damit der Aufnahme zugestimmt.',
  consentReachHint: (shortcut: string) => (shortcut ? `Drücken Sie Tab oder ${shortcut}, um zu antworten.` : 'Drücken Sie Tab, um zu antworten.'),
});
