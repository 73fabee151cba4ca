import type { OnAirLabels } from '../core/labels.js';
import { formatCount, plural } from './intl.js';

const LOCALE = 'es';

/**
 * Spanish (`es`) labels: every string of the kit. Pass them with the matching `locale`, so dates,
 * numbers, sizes and plurals follow Spanish rules.
 *
 * @example
 * ```tsx
 * import { OnAirProvider, RecordButton } from 'onair-react';
 * import { es } from 'onair-react/locales/es';
 *
 * <OnAirProvider locale="es" labels={es}>
 *   <RecordButton />
 * </OnAirProvider>;
 * ```
 *
 * @public
 */
export const es: OnAirLabels = Object.freeze({
  // RecordButton
  startRecording: 'Iniciar grabación',
  stopRecording: 'Detener grabación',
  startingRecording: 'Iniciando…',
  stoppingRecording: 'Deteniendo…',
  stillStarting: 'Todavía iniciando…',
  stillStopping: 'Todavía deteniendo…',
  cancelStart: 'Cancelar',
  notConfirmedTitle: 'Sin confirmar',
  startNotConfirmed: 'El proveedor no confirmó el inicio; es posible que la grabación esté en curso. Vuelva a comprobarlo.',
  stopNotConfirmed: 'El proveedor no confirmó la detención; es posible que la grabación siga en curso. Vuelva a comprobarlo.',
  checkAgain: 'Volver a comprobar',
  cannotCheckAgain: 'Este proveedor no permite volver a consultar; el indicador de grabación cambiará cuando informe.',
  recordingEndsIn: (minutes: number) => `La grabación termina en ${minutes} min`,
  recordingLimitReached: (provider: string) => `La grabación alcanzó su duración máxima y ${provider || 'el proveedor'} la detuvo.`,
  pauseRecording: 'Pausar grabación',
  resumeRecording: 'Reanudar grabación',
  recordingControls: 'Grabación',
  confirmStopTitle: '¿Detener la grabación?',
  confirmStopBody: 'La grabación termina para todas las personas de la reunión.',
  confirmStopAccept: 'Detener grabación',
  confirmStopCancel: 'Seguir grabando',
  recordingNotAllowed: 'Solo los moderadores pueden grabar esta reunión.',
  recordingNotSupported: 'La grabación no está disponible en esta reunión.',
  recordingFailed: 'La grabación ha fallado',
  dismiss: 'Cerrar',
  elapsed: (time: string) => `Transcurrido ${time}`,
  // RecordingIndicator
  recMark: 'GRAB',
  recordingActive: 'Grabando',
  recordingPaused: 'Grabación en pausa',
  recordingStarting: 'La grabación comienza…',
  recordingStopping: 'La grabación termina…',
  recordingStartedBy: (name: string) => `Iniciada por ${name}`,
  recordingIdle: 'Sin grabación',
  // LiveStreamBadge / LiveStreamButton
  liveIdle: 'No en directo',
  liveStarting: 'Conectando en directo…',
  liveMark: 'EN DIRECTO',
  liveInterrupted: 'Interrumpida',
  liveStopping: 'Finalizando…',
  liveFailed: 'La transmisión ha fallado',
  liveEnded: 'Emisión finalizada',
  interruptedFor: (time: string) => `desde hace ${time}`,
  liveEndpoints: 'Destinos',
  endpointLive: 'en directo',
  endpointInterrupted: 'interrumpido',
  endpointDropped: 'descartado',
  liveViewers: (count: number) => plural(LOCALE, count, { one: '# espectador', other: '# espectadores' }),
  goLive: 'Emitir en directo',
  endLiveStream: 'Finalizar transmisión',
  startingLiveStream: 'Conectando en directo…',
  stoppingLiveStream: 'Finalizando…',
  rtmpUrl: 'URL de transmisión',
  rtmpUrlHint: 'Dirección rtmp:// o rtmps:// con la clave de transmisión',
  rtmpUrlInvalid: 'Introduce una dirección rtmp:// o rtmps://.',
  liveNotAllowed: 'Solo los moderadores pueden emitir en directo.',
  liveNotSupported: 'La transmisión en directo no está disponible en esta reunión.',
  liveWarning: (message: string) => `Aviso: ${message}`,
  liveStreamControls: 'Transmisión en directo',
  // Announcements
  announceRecordingStarted: 'Grabación iniciada',
  announceRecordingInProgress: 'Esta reunión se está grabando',
  announceRecordingStopped: 'Grabación detenida',
  announceRecordingPaused: 'Grabación en pausa',
  announceRecordingResumed: 'Grabación reanudada',
  announceRecordingFailed: (reason: string) => `La grabación ha fallado: ${reason}`,
  announceLiveStarted: 'Transmisión iniciada',
  announceLiveInterrupted: 'Transmisión interrumpida',
  announceLiveResumed: 'Transmisión reconectada',
  announceLiveStopped: 'Transmisión finalizada',
  announceLiveFailed: (reason: string) => `La transmisión ha fallado: ${reason}`,
  // ConsentBanner
  consentTitle: 'Esta reunión se está grabando',
  consentStartedBy: (name: string) => `Grabación iniciada por ${name}.`,
  consentStartedByUnknown: 'Un moderador ha iniciado la grabación de esta reunión.',
  consentStartedByYou: 'Has iniciado esta grabación.',
  consentQuestion: '¿Aceptas que te graben? Tu vídeo y tu audio solo se graban si lo aceptas.',
  consentAccept: 'Acepto que me graben',
  consentDecline: 'No grabarme',
  consentGiven: 'Has aceptado que te graben.',
  consentDeclinedStatus: 'Has rechazado que te graben.',
  consentWithdraw: 'Retirar consentimiento',
  consentChange: 'Cambiar',
  consentSaving: 'Guardando tu elección…',
  consentSaveFailed: 'No se ha podido guardar tu elección. Inténtalo de nuevo.',
  consentRegion: 'Consentimiento de grabación',
  announceConsentRequested: 'Grabación iniciada. Elige si aceptas que te graben.',
  consentPrejoinTitle: 'Esta reunión se está grabando',
  consentPrejoinBody: 'Únete solo si aceptas que te graben. Puedes retirar tu consentimiento en cualquier momento.',
  consentPrejoinAccept: 'Aceptar y continuar',
  consentPrejoinDecline: 'No aceptar',
  consentNoticeChanged: 'El aviso de grabación ha cambiado. Léelo y vuelve a responder.',
  consentLedgerPending: 'Tu respuesta se guarda en este dispositivo y se registrará en cuanto vuelva la conexión.',
  // ConsentRoster
  rosterTitle: 'Consentimiento de grabación',
  rosterSummary: (consented: number, total: number) =>
    `${formatCount(LOCALE, consented)} de ${formatCount(LOCALE, total)} ${plural(LOCALE, total, { one: 'ha aceptado', other: 'han aceptado' })}`,
  rosterConsented: 'Ha aceptado',
  rosterDeclined: 'Ha rechazado',
  rosterPending: 'Sin respuesta todavía',
  rosterYou: '(tú)',
  rosterUnnamed: 'Participante sin nombre',
  rosterNobody: 'Nadie',
  rosterIdle: 'No hay ninguna grabación en curso. Se preguntará a todos cuando empiece una.',
  // Provider errors
  providerErrors: Object.freeze({
    insufficient_permissions: 'No tienes permiso para hacerlo. Solo los moderadores pueden grabar o transmitir.',
    invalid_recording_id: 'Esa grabación ya no existe.',
    already_recording: 'Esta reunión ya se está grabando.',
    record_feature_disabled: 'La grabación no está disponible en esta reunión.',
    stream_feature_disabled: 'La transmisión en directo no está disponible en esta reunión.',
    invalid_streaming_id: 'Ese destino de transmisión no existe o no está activo.',
    streaming_target_in_use: 'Ese destino de transmisión ya está en uso.',
    recorder_not_started: 'La grabadora aún no se ha iniciado. Inténtalo de nuevo en un momento.',
    recording_already_active: 'Ya hay una grabación en curso.',
    recording_not_active: 'No hay ninguna grabación en curso.',
    failed_to_request_recording_service: 'No se ha podido contactar con el servicio de grabación. Inténtalo más tarde.',
    recorder_timeout: 'Ninguna grabadora respondió a tiempo. Inténtalo más tarde.',
  }),
  providerErrorUnknown: (code: string) => `El servidor de la reunión ha rechazado la solicitud (${code}).`,
  // RecordingList
  recordingsTitle: 'Grabaciones',
  recordingsLoading: 'Cargando grabaciones…',
  recordingsEmpty: 'Todavía no hay grabaciones',
  recordingsEmptyHint: 'Las grabaciones de esta reunión aparecen aquí en cuanto empiezan.',
  recordingsLoadFailed: 'No se han podido cargar las grabaciones.',
  recordingsRetry: 'Reintentar',
  recordingsRefreshing: 'Actualizando…',
  recordingsCount: (total: number) => plural(LOCALE, total, { one: '# grabación', many: '# de grabaciones', other: '# grabaciones' }),
  recordingUntitled: 'Grabación sin título',
  recordingStartedAt: 'Inicio',
  recordingDuration: 'Duración',
  recordingSize: 'Tamaño',
  assetStatus: Object.freeze({
    invoked: 'Iniciando',
    recording: 'Grabando',
    paused: 'En pausa',
    uploading: 'Subiendo',
    ready: 'Lista',
    failed: 'Fallida',
  }),
  recordingStartedByWhy: (who: string, why: string) => (who ? `Iniciada por ${who}${why ? ` (${why})` : ''}` : `Iniciada ${why}`),
  recordingStoppedByWhy: (who: string, why: string) => (who ? `Detenida por ${who}${why ? ` (${why})` : ''}` : `Detenida: ${why}`),
  recordingReasons: Object.freeze({
    API_CALL: 'a petición',
    RECORD_ON_START: 'automáticamente al empezar la reunión',
    ALL_PEERS_LEFT: 'todos salieron de la reunión',
    INTERNAL_ERROR: 'un error del servidor',
  }),
  recordingByApp: 'la aplicación',
  downloadVideo: 'Descargar vídeo',
  downloadAudio: 'Descargar audio',
  downloadTrack: (label: string) => `Descargar ${label}`,
  downloadOf: (action: string, fileName: string) => `${action}, ${fileName}`,
  linkRefreshing: 'Renovando el enlace de descarga…',
  linkExpired: 'El enlace de descarga ha caducado',
  linkStoredElsewhere: 'Guardada en tu propio almacenamiento',
  deleteRecording: 'Eliminar',
  storedOnDevice: 'En este dispositivo',
  paginationLabel: 'Páginas de grabaciones',
  previousPage: 'Página anterior',
  nextPage: 'Página siguiente',
  pageOf: (page: number, pageCount: number) => `Página ${formatCount(LOCALE, page)} de ${formatCount(LOCALE, pageCount)}`,
  // Participant recording
  recordParticipant: (name: string) => `Grabar a ${name}`,
  stopRecordingParticipant: (name: string) => `Dejar de grabar a ${name}`,
  startingParticipantRecording: (name: string) => `Iniciando la grabación de ${name}…`,
  stoppingParticipantRecording: (name: string) => `Deteniendo la grabación de ${name}…`,
  participantRecordingNotAllowed: 'Solo los moderadores pueden grabar a participantes.',
  participantRecordingNotSupported: 'Grabar a un solo participante no está disponible en esta reunión.',
  participantRecordingFailed: 'La grabación del participante ha fallado',
  downloadParticipantRecording: (name: string, index: number) =>
    index > 0 ? `Descargar la grabación de ${name} (${formatCount(LOCALE, index + 1)})` : `Descargar la grabación de ${name}`,
  youAreBeingRecorded: 'Te están grabando',
  yourRecordingStarting: 'Tu grabación está empezando…',
  yourRecordingStopping: 'Tu grabación está terminando…',
  participantIsBeingRecorded: (name: string) => `Se está grabando a ${name}`,
  // Recording player
  playRecording: 'Reproducir',
  playerClose: 'Cerrar reproductor',
  playerLoading: 'Cargando la grabación…',
  playerRefreshing: 'Renovando el enlace…',
  playerFailed: 'No se ha podido reproducir esta grabación.',
  playerUnavailable: 'Esta grabación no tiene ahora un enlace reproducible.',
  // Live-stream player
  livePlayer: 'Transmisión en directo',
  livePlayerStarting: 'Esperando la transmisión…',
  livePlayerReconnecting: 'Reconectando con la transmisión…',
  livePlayerEnded: 'La transmisión ha terminado.',
  livePlayerFailed: 'Este navegador no puede reproducir la transmisión.',
  livePlayerIdle: 'La transmisión no ha empezado.',
  livePlayerAtEdge: 'En directo',
  livePlayerGoLive: 'Ir al directo',
  livePlayerPause: 'Pausa',
  livePlayerMute: 'Silenciar',
  livePlayerCaptions: 'Subtítulos',
  livePlayerKeys: 'Teclas: K o Espacio pausa y reproduce, M silencia, C activa subtítulos, L va al directo.',
  // Live-stream destinations
  destinationsTitle: 'Destinos de la transmisión',
  destinationPlatform: 'Plataforma',
  destinationServerUrl: 'URL del servidor',
  destinationStreamKey: 'Clave de transmisión',
  destinationShowKey: 'Mostrar clave',
  destinationAdd: 'Añadir destino',
  destinationRemove: (name: string) => `Quitar ${name}`,
  destinationsGoLive: 'Transmitir a todos',
  destinationProblem: (problem: string, platform: string) =>
    problem === 'server-missing' ? 'Introduce la URL del servidor.'
    : problem === 'server-insecure' ? `${platform} solo acepta URL rtmps://.`
    : problem === 'server-invalid' ? 'La URL del servidor debe empezar por rtmp:// o rtmps://.'
    : problem === 'key-missing' ? 'Introduce la clave de transmisión.'
    : `No parece una clave de transmisión de ${platform}.`,
  destinationStatus: (status: string, reason: string | undefined) =>
    status === 'connecting' ? 'Conectando'
    : status === 'live' ? 'En directo'
    : status === 'dropped' ? (reason ? `Caído: ${reason}` : 'Caído')
    : status === 'stopped' ? 'Detenido'
    : 'Listo',
  destinationsStartFailed: (reason: string) => `No se pudo emitir en directo: ${reason}`,
  destinationsHeldByServer: 'Las claves de emisión se guardan en el servidor.',
  // Added with the two-recordings and permission UI
  recordingDeniedByProvider: 'No tienes permiso para grabar esta reunión. Pídeselo al anfitrión.',
  recordingDisabled: 'La grabación está desactivada en esta reunión por su plan o su configuración.',
  liveDeniedByProvider: 'No tienes permiso para transmitir esta reunión en directo. Pídeselo al anfitrión.',
  liveDisabled: 'La transmisión en directo está desactivada en esta reunión por su plan o su configuración.',
  recordingTargets: (count: number) => `${formatCount(LOCALE, count)} grabaciones: los botones actúan sobre`,
  recordingTarget: (index: number, who: string) =>
    who ? `Grabación ${formatCount(LOCALE, index)}, iniciada por ${who}` : `Grabación ${formatCount(LOCALE, index)}`,
  actsOnRecording: (index: number, count: number) => `Actúa sobre la grabación ${formatCount(LOCALE, index)} de ${formatCount(LOCALE, count)}.`,
  recordInCloud: 'Grabar en la nube',
  recordOnDevice: 'Grabar en este dispositivo',
  recordingsRunning: (count: number) => plural(LOCALE, count, { one: '# grabación', other: '# grabaciones' }),
  consentStarterStatus: 'Iniciaste esta grabación, así que aceptaste que te graben.',
  consentReachHint: (shortcut: string) => (shortcut ? `Pulsa Tab o ${shortcut} para responder.` : 'Pulsa Tab para responder.'),
});
