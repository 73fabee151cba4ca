import type { OnAirLabels } from '../core/labels.js';
import { formatCount, plural } from './intl.js';

const LOCALE = 'fr';

/**
 * French (`fr`) labels: every string of the kit. Pass them with the matching `locale`, so dates,
 * numbers, sizes and plurals follow French rules.
 *
 * @example
 * ```tsx
 * import { OnAirProvider, RecordButton } from 'onair-react';
 * import { fr } from 'onair-react/locales/fr';
 *
 * <OnAirProvider locale="fr" labels={fr}>
 *   <RecordButton />
 * </OnAirProvider>;
 * ```
 *
 * @public
 */
export const fr: OnAirLabels = Object.freeze({
  // RecordButton
  startRecording: 'Démarrer l’enregistrement',
  stopRecording: 'Arrêter l’enregistrement',
  startingRecording: 'Démarrage…',
  stoppingRecording: 'Arrêt…',
  stillStarting: 'Démarrage toujours en cours…',
  stillStopping: 'Arrêt toujours en cours…',
  cancelStart: 'Annuler',
  notConfirmedTitle: 'Non confirmé',
  startNotConfirmed: 'Le fournisseur n’a pas confirmé le démarrage ; l’enregistrement est peut-être en cours — vérifiez à nouveau.',
  stopNotConfirmed: 'Le fournisseur n’a pas confirmé l’arrêt ; l’enregistrement est peut-être toujours en cours — vérifiez à nouveau.',
  checkAgain: 'Vérifier à nouveau',
  cannotCheckAgain: 'Ce fournisseur ne peut pas être interrogé à nouveau ; l’indicateur d’enregistrement changera dès qu’il répondra.',
  recordingEndsIn: (minutes: number) => `L’enregistrement se termine dans ${minutes} min`,
  recordingLimitReached: (provider: string) => `L’enregistrement a atteint sa durée maximale et a été arrêté par ${provider || 'le fournisseur'}.`,
  pauseRecording: 'Mettre l’enregistrement en pause',
  resumeRecording: 'Reprendre l’enregistrement',
  recordingControls: 'Enregistrement',
  confirmStopTitle: 'Arrêter l’enregistrement ?',
  confirmStopBody: 'L’enregistrement s’arrête pour tous les participants de la réunion.',
  confirmStopAccept: 'Arrêter l’enregistrement',
  confirmStopCancel: 'Continuer l’enregistrement',
  recordingNotAllowed: 'Seuls les modérateurs peuvent enregistrer cette réunion.',
  recordingNotSupported: 'L’enregistrement n’est pas disponible dans cette réunion.',
  recordingFailed: 'Échec de l’enregistrement',
  dismiss: 'Fermer',
  elapsed: (time: string) => `Durée ${time}`,
  // RecordingIndicator
  recMark: 'REC',
  recordingActive: 'Enregistrement en cours',
  recordingPaused: 'Enregistrement en pause',
  recordingStarting: 'L’enregistrement démarre…',
  recordingStopping: 'L’enregistrement se termine…',
  recordingStartedBy: (name: string) => `Démarré par ${name}`,
  recordingIdle: 'Aucun enregistrement',
  // LiveStreamBadge / LiveStreamButton
  liveIdle: 'Hors direct',
  liveStarting: 'Passage en direct…',
  liveMark: 'DIRECT',
  liveInterrupted: 'Interrompu',
  liveStopping: 'Arrêt…',
  liveFailed: 'Échec du direct',
  liveEnded: 'Diffusion terminée',
  interruptedFor: (time: string) => `depuis ${time}`,
  liveEndpoints: 'Destinations',
  endpointLive: 'en direct',
  endpointInterrupted: 'interrompu',
  endpointDropped: 'abandonné',
  liveViewers: (count: number) => plural(LOCALE, count, { one: '# spectateur', other: '# spectateurs' }),
  goLive: 'Passer en direct',
  endLiveStream: 'Terminer le direct',
  startingLiveStream: 'Passage en direct…',
  stoppingLiveStream: 'Arrêt…',
  rtmpUrl: 'URL du flux',
  rtmpUrlHint: 'Adresse rtmp:// ou rtmps:// avec la clé de flux',
  rtmpUrlInvalid: 'Saisissez une adresse rtmp:// ou rtmps://.',
  liveNotAllowed: 'Seuls les modérateurs peuvent passer en direct.',
  liveNotSupported: 'Le direct n’est pas disponible dans cette réunion.',
  liveWarning: (message: string) => `Avertissement : ${message}`,
  liveStreamControls: 'Direct',
  // Announcements
  announceRecordingStarted: 'Enregistrement démarré',
  announceRecordingInProgress: 'Cette réunion est en cours d’enregistrement',
  announceRecordingStopped: 'Enregistrement arrêté',
  announceRecordingPaused: 'Enregistrement en pause',
  announceRecordingResumed: 'Enregistrement repris',
  announceRecordingFailed: (reason: string) => `Échec de l’enregistrement : ${reason}`,
  announceLiveStarted: 'Direct démarré',
  announceLiveInterrupted: 'Direct interrompu',
  announceLiveResumed: 'Direct reconnecté',
  announceLiveStopped: 'Direct terminé',
  announceLiveFailed: (reason: string) => `Échec du direct : ${reason}`,
  // ConsentBanner
  consentTitle: 'Cette réunion est enregistrée',
  consentStartedBy: (name: string) => `Enregistrement démarré par ${name}.`,
  consentStartedByUnknown: 'Un modérateur a démarré l’enregistrement de cette réunion.',
  consentStartedByYou: 'Vous avez démarré cet enregistrement.',
  consentQuestion: 'Acceptez-vous d’être enregistré ? Votre vidéo et votre son ne sont enregistrés qu’avec votre accord.',
  consentAccept: 'J’accepte d’être enregistré',
  consentDecline: 'Ne pas m’enregistrer',
  consentGiven: 'Vous avez accepté d’être enregistré.',
  consentDeclinedStatus: 'Vous avez refusé d’être enregistré.',
  consentWithdraw: 'Retirer mon accord',
  consentChange: 'Modifier',
  consentSaving: 'Enregistrement de votre choix…',
  consentSaveFailed: 'Votre choix n’a pas pu être enregistré. Réessayez.',
  consentRegion: 'Accord pour l’enregistrement',
  announceConsentRequested: 'Enregistrement démarré. Indiquez si vous acceptez d’être enregistré.',
  consentPrejoinTitle: 'Cette réunion est enregistrée',
  consentPrejoinBody: 'Ne rejoignez la réunion que si vous acceptez d’être enregistré. Vous pouvez retirer votre accord à tout moment.',
  consentPrejoinAccept: 'Accepter et continuer',
  consentPrejoinDecline: 'Refuser',
  consentNoticeChanged: 'L’avis d’enregistrement a changé. Lisez-le et répondez à nouveau.',
  consentLedgerPending: 'Votre réponse est conservée sur cet appareil et sera enregistrée dès le retour de la connexion.',
  // ConsentRoster
  rosterTitle: 'Accord pour l’enregistrement',
  rosterSummary: (consented: number, total: number) =>
    `${formatCount(LOCALE, consented)} sur ${formatCount(LOCALE, total)} ${plural(LOCALE, consented, { one: 'a accepté', other: 'ont accepté' })}`,
  rosterConsented: 'A accepté',
  rosterDeclined: 'A refusé',
  rosterPending: 'Pas encore de réponse',
  rosterYou: '(vous)',
  rosterUnnamed: 'Participant sans nom',
  rosterNobody: 'Personne',
  rosterIdle: 'Aucun enregistrement en cours. Chacun sera sollicité au démarrage.',
  // Provider errors
  providerErrors: Object.freeze({
    insufficient_permissions: 'Vous n’avez pas l’autorisation. Seuls les modérateurs peuvent enregistrer ou diffuser.',
    invalid_recording_id: 'Cet enregistrement n’existe plus.',
    already_recording: 'Cette réunion est déjà enregistrée.',
    record_feature_disabled: 'L’enregistrement n’est pas disponible dans cette réunion.',
    stream_feature_disabled: 'Le direct n’est pas disponible dans cette réunion.',
    invalid_streaming_id: 'Cette destination de diffusion n’existe pas ou n’est pas active.',
    streaming_target_in_use: 'Cette destination de diffusion est déjà utilisée.',
    recorder_not_started: 'L’enregistreur n’a pas encore démarré. Réessayez dans un instant.',
    recording_already_active: 'Un enregistrement est déjà en cours.',
    recording_not_active: 'Aucun enregistrement en cours.',
    failed_to_request_recording_service: 'Le service d’enregistrement est injoignable. Réessayez plus tard.',
    recorder_timeout: 'Aucun enregistreur n’a répondu à temps. Réessayez plus tard.',
  }),
  providerErrorUnknown: (code: string) => `Le serveur de la réunion a refusé la demande (${code}).`,
  // RecordingList
  recordingsTitle: 'Enregistrements',
  recordingsLoading: 'Chargement des enregistrements…',
  recordingsEmpty: 'Aucun enregistrement pour l’instant',
  recordingsEmptyHint: 'Les enregistrements de cette réunion apparaissent ici dès qu’ils démarrent.',
  recordingsLoadFailed: 'Impossible de charger les enregistrements.',
  recordingsRetry: 'Réessayer',
  recordingsRefreshing: 'Mise à jour…',
  recordingsCount: (total: number) => plural(LOCALE, total, { one: '# enregistrement', many: '# d’enregistrements', other: '# enregistrements' }),
  recordingUntitled: 'Enregistrement sans titre',
  recordingStartedAt: 'Début',
  recordingDuration: 'Durée',
  recordingSize: 'Taille',
  assetStatus: Object.freeze({
    invoked: 'Démarrage',
    recording: 'En cours',
    paused: 'En pause',
    uploading: 'Envoi',
    ready: 'Prêt',
    failed: 'Échec',
  }),
  recordingStartedByWhy: (who: string, why: string) => (who ? `Démarré par ${who}${why ? ` (${why})` : ''}` : `Démarré ${why}`),
  recordingStoppedByWhy: (who: string, why: string) => (who ? `Arrêté par ${who}${why ? ` (${why})` : ''}` : `Arrêté : ${why}`),
  recordingReasons: Object.freeze({
    API_CALL: 'sur demande',
    RECORD_ON_START: 'automatiquement au début de la réunion',
    ALL_PEERS_LEFT: 'tout le monde a quitté la réunion',
    INTERNAL_ERROR: 'une erreur du serveur',
  }),
  recordingByApp: 'l’application',
  downloadVideo: 'Télécharger la vidéo',
  downloadAudio: 'Télécharger l’audio',
  downloadTrack: (label: string) => `Télécharger ${label}`,
  downloadOf: (action: string, fileName: string) => `${action}, ${fileName}`,
  linkRefreshing: 'Actualisation du lien de téléchargement…',
  linkExpired: 'Lien de téléchargement expiré',
  linkStoredElsewhere: 'Stocké dans votre propre espace',
  deleteRecording: 'Supprimer',
  storedOnDevice: 'Sur cet appareil',
  paginationLabel: 'Pages des enregistrements',
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  pageOf: (page: number, pageCount: number) => `Page ${formatCount(LOCALE, page)} sur ${formatCount(LOCALE, pageCount)}`,
  // Participant recording
  recordParticipant: (name: string) => `Enregistrer ${name}`,
  stopRecordingParticipant: (name: string) => `Arrêter l’enregistrement de ${name}`,
  startingParticipantRecording: (name: string) => `Démarrage de l’enregistrement de ${name}…`,
  stoppingParticipantRecording: (name: string) => `Arrêt de l’enregistrement de ${name}…`,
  participantRecordingNotAllowed: 'Seuls les modérateurs peuvent enregistrer des participants.',
  participantRecordingNotSupported: 'L’enregistrement d’un seul participant n’est pas disponible dans cette réunion.',
  participantRecordingFailed: 'Échec de l’enregistrement du participant',
  downloadParticipantRecording: (name: string, index: number) =>
    index > 0 ? `Télécharger l’enregistrement de ${name} (${formatCount(LOCALE, index + 1)})` : `Télécharger l’enregistrement de ${name}`,
  youAreBeingRecorded: 'Vous êtes enregistré',
  yourRecordingStarting: 'Votre enregistrement démarre…',
  yourRecordingStopping: 'Votre enregistrement se termine…',
  participantIsBeingRecorded: (name: string) => `${name} est enregistré`,
  // Recording player
  playRecording: 'Lire',
  playerClose: 'Fermer le lecteur',
  playerLoading: 'Chargement de l’enregistrement…',
  playerRefreshing: 'Actualisation du lien…',
  playerFailed: 'Impossible de lire cet enregistrement.',
  playerUnavailable: 'Cet enregistrement n’a pas de lien lisible pour le moment.',
  // Live-stream player
  livePlayer: 'Diffusion en direct',
  livePlayerStarting: 'En attente du direct…',
  livePlayerReconnecting: 'Reconnexion au direct…',
  livePlayerEnded: 'Le direct est terminé.',
  livePlayerFailed: 'Ce navigateur ne peut pas lire le direct.',
  livePlayerIdle: 'Le direct n’a pas commencé.',
  livePlayerAtEdge: 'En direct',
  livePlayerGoLive: 'Revenir au direct',
  livePlayerPause: 'Pause',
  livePlayerMute: 'Muet',
  livePlayerCaptions: 'Sous-titres',
  livePlayerKeys: 'Touches : K ou Espace met en pause et relance, M coupe le son, C affiche les sous-titres, L revient au direct.',
  // Live-stream destinations
  destinationsTitle: 'Destinations du direct',
  destinationPlatform: 'Plateforme',
  destinationServerUrl: 'URL du serveur',
  destinationStreamKey: 'Clé de stream',
  destinationShowKey: 'Afficher la clé',
  destinationAdd: 'Ajouter la destination',
  destinationRemove: (name: string) => `Retirer ${name}`,
  destinationsGoLive: 'Passer en direct partout',
  destinationProblem: (problem: string, platform: string) =>
    problem === 'server-missing' ? 'Saisissez l’URL du serveur.'
    : problem === 'server-insecure' ? `${platform} n’accepte que des URL rtmps://.`
    : problem === 'server-invalid' ? 'L’URL du serveur doit commencer par rtmp:// ou rtmps://.'
    : problem === 'key-missing' ? 'Saisissez la clé de stream.'
    : `Cela ne ressemble pas à une clé de stream ${platform}.`,
  destinationStatus: (status: string, reason: string | undefined) =>
    status === 'connecting' ? 'Connexion'
    : status === 'live' ? 'En direct'
    : status === 'dropped' ? (reason ? `Interrompu: ${reason}` : 'Interrompu')
    : status === 'stopped' ? 'Arrêté'
    : 'Prêt',
  destinationsStartFailed: (reason: string) => `Impossible de passer en direct : ${reason}`,
  destinationsHeldByServer: 'Les clés de diffusion restent sur le serveur.',
  // Added with the two-recordings and permission UI
  recordingDeniedByProvider: 'Vous n’avez pas l’autorisation d’enregistrer cette réunion. Demandez-la à l’hôte.',
  recordingDisabled: 'L’enregistrement est désactivé pour cette réunion par son offre ou ses réglages.',
  liveDeniedByProvider: 'Vous n’avez pas l’autorisation de diffuser cette réunion en direct. Demandez-la à l’hôte.',
  liveDisabled: 'Le direct est désactivé pour cette réunion par son offre ou ses réglages.',
  recordingTargets: (count: number) => `${formatCount(LOCALE, count)} enregistrements — les boutons agissent sur`,
  recordingTarget: (index: number, who: string) =>
    who ? `Enregistrement ${formatCount(LOCALE, index)}, lancé par ${who}` : `Enregistrement ${formatCount(LOCALE, index)}`,
  actsOnRecording: (index: number, count: number) => `Agit sur l’enregistrement ${formatCount(LOCALE, index)} sur ${formatCount(LOCALE, count)}.`,
  recordInCloud: 'Enregistrer dans le cloud',
  recordOnDevice: 'Enregistrer sur cet appareil',
  recordingsRunning: (count: number) => plural(LOCALE, count, { one: '# enregistrement', other: '# enregistrements' }),
  consentStarterStatus: 'Vous avez lancé cet enregistrement : vous avez donc accepté d’être enregistré.',
  consentReachHint: (shortcut: string) => (shortcut ? `Appuyez sur Tab ou ${shortcut} pour répondre.` : 'Appuyez sur Tab pour répondre.'),
});
