import type { OnAirLabels } from '../core/labels.js';
import { formatCount, plural } from './intl.js';

const LOCALE = 'pt-BR';

/**
 * Brazilian Portuguese (`pt-BR`) labels: every string of the kit. Pass them with the matching
 * `locale`, so dates, numbers, sizes and plurals follow Brazilian rules.
 *
 * @example
 * ```tsx
 * import { OnAirProvider, RecordButton } from 'onair-react';
 * import { ptBR } from 'onair-react/locales/pt-BR';
 *
 * <OnAirProvider locale="pt-BR" labels={ptBR}>
 *   <RecordButton />
 * </OnAirProvider>;
 * ```
 *
 * @public
 */
export const ptBR: OnAirLabels = Object.freeze({
  // RecordButton
  startRecording: 'Iniciar gravação',
  stopRecording: 'Parar gravação',
  startingRecording: 'Iniciando…',
  stoppingRecording: 'Parando…',
  stillStarting: 'Ainda iniciando…',
  stillStopping: 'Ainda parando…',
  cancelStart: 'Cancelar',
  notConfirmedTitle: 'Não confirmado',
  startNotConfirmed: 'O provedor não confirmou o início; a gravação pode estar em andamento — verifique novamente.',
  stopNotConfirmed: 'O provedor não confirmou a parada; a gravação pode ainda estar em andamento — verifique novamente.',
  checkAgain: 'Verificar novamente',
  cannotCheckAgain: 'Não é possível consultar este provedor novamente; o indicador de gravação muda quando ele informar.',
  recordingEndsIn: (minutes: number) => `A gravação termina em ${minutes} min`,
  recordingLimitReached: (provider: string) => `A gravação atingiu a duração máxima e foi encerrada por ${provider || 'o provedor'}.`,
  pauseRecording: 'Pausar gravação',
  resumeRecording: 'Retomar gravação',
  recordingControls: 'Gravação',
  confirmStopTitle: 'Parar a gravação?',
  confirmStopBody: 'A gravação termina para todos na reunião.',
  confirmStopAccept: 'Parar gravação',
  confirmStopCancel: 'Continuar gravando',
  recordingNotAllowed: 'Somente moderadores podem gravar esta reunião.',
  recordingNotSupported: 'A gravação não está disponível nesta reunião.',
  recordingFailed: 'A gravação falhou',
  dismiss: 'Fechar',
  elapsed: (time: string) => `Decorrido ${time}`,
  // RecordingIndicator
  recMark: 'GRAV',
  recordingActive: 'Gravando',
  recordingPaused: 'Gravação pausada',
  recordingStarting: 'A gravação está começando…',
  recordingStopping: 'A gravação está terminando…',
  recordingStartedBy: (name: string) => `Iniciada por ${name}`,
  recordingIdle: 'Sem gravação',
  // LiveStreamBadge / LiveStreamButton
  liveIdle: 'Fora do ar',
  liveStarting: 'Entrando ao vivo…',
  liveMark: 'AO VIVO',
  liveInterrupted: 'Interrompida',
  liveStopping: 'Encerrando…',
  liveFailed: 'A transmissão falhou',
  liveEnded: 'Transmissão encerrada',
  interruptedFor: (time: string) => `há ${time}`,
  liveEndpoints: 'Destinos',
  endpointLive: 'ao vivo',
  endpointInterrupted: 'interrompido',
  endpointDropped: 'descartado',
  liveViewers: (count: number) => plural(LOCALE, count, { one: '# espectador', other: '# espectadores' }),
  goLive: 'Entrar ao vivo',
  endLiveStream: 'Encerrar transmissão',
  startingLiveStream: 'Entrando ao vivo…',
  stoppingLiveStream: 'Encerrando…',
  rtmpUrl: 'URL da transmissão',
  rtmpUrlHint: 'Endereço rtmp:// ou rtmps:// com a chave de transmissão',
  rtmpUrlInvalid: 'Digite um endereço rtmp:// ou rtmps://.',
  liveNotAllowed: 'Somente moderadores podem entrar ao vivo.',
  liveNotSupported: 'A transmissão ao vivo não está disponível nesta reunião.',
  liveWarning: (message: string) => `Aviso: ${message}`,
  liveStreamControls: 'Transmissão ao vivo',
  // Announcements
  announceRecordingStarted: 'Gravação iniciada',
  announceRecordingInProgress: 'Esta reunião está sendo gravada',
  announceRecordingStopped: 'Gravação encerrada',
  announceRecordingPaused: 'Gravação pausada',
  announceRecordingResumed: 'Gravação retomada',
  announceRecordingFailed: (reason: string) => `A gravação falhou: ${reason}`,
  announceLiveStarted: 'Transmissão iniciada',
  announceLiveInterrupted: 'Transmissão interrompida',
  announceLiveResumed: 'Transmissão reconectada',
  announceLiveStopped: 'Transmissão encerrada',
  announceLiveFailed: (reason: string) => `A transmissão falhou: ${reason}`,
  // ConsentBanner
  consentTitle: 'Esta reunião está sendo gravada',
  consentStartedBy: (name: string) => `Gravação iniciada por ${name}.`,
  consentStartedByUnknown: 'Um moderador iniciou a gravação desta reunião.',
  consentStartedByYou: 'Você iniciou esta gravação.',
  consentQuestion: 'Você concorda em ser gravado? Seu vídeo e seu áudio só são gravados se você concordar.',
  consentAccept: 'Concordo em ser gravado',
  consentDecline: 'Não me gravar',
  consentGiven: 'Você concordou em ser gravado.',
  consentDeclinedStatus: 'Você recusou ser gravado.',
  consentWithdraw: 'Retirar consentimento',
  consentChange: 'Alterar',
  consentSaving: 'Salvando sua escolha…',
  consentSaveFailed: 'Não foi possível salvar sua escolha. Tente novamente.',
  consentRegion: 'Consentimento de gravação',
  announceConsentRequested: 'Gravação iniciada. Escolha se você concorda em ser gravado.',
  consentPrejoinTitle: 'Esta reunião está sendo gravada',
  consentPrejoinBody: 'Entre somente se concordar em ser gravado. Você pode retirar seu consentimento a qualquer momento.',
  consentPrejoinAccept: 'Concordar e continuar',
  consentPrejoinDecline: 'Não concordo',
  consentNoticeChanged: 'O aviso de gravação mudou. Leia-o e responda novamente.',
  consentLedgerPending: 'Sua resposta está guardada neste dispositivo e será registrada assim que a conexão voltar.',
  // ConsentRoster
  rosterTitle: 'Consentimento de gravação',
  rosterSummary: (consented: number, total: number) =>
    `${formatCount(LOCALE, consented)} de ${formatCount(LOCALE, total)} ${plural(LOCALE, consented, { one: 'concordou', other: 'concordaram' })}`,
  rosterConsented: 'Concordou',
  rosterDeclined: 'Recusou',
  rosterPending: 'Ainda sem resposta',
  rosterYou: '(você)',
  rosterUnnamed: 'Participante sem nome',
  rosterNobody: 'Ninguém',
  rosterIdle: 'Nenhuma gravação em andamento. Todos serão consultados quando uma começar.',
  // Provider errors
  providerErrors: Object.freeze({
    insufficient_permissions: 'Você não tem permissão para isso. Somente moderadores podem gravar ou transmitir.',
    invalid_recording_id: 'Essa gravação não existe mais.',
    already_recording: 'Esta reunião já está sendo gravada.',
    record_feature_disabled: 'A gravação não está disponível nesta reunião.',
    stream_feature_disabled: 'A transmissão ao vivo não está disponível nesta reunião.',
    invalid_streaming_id: 'Esse destino de transmissão não existe ou não está ativo.',
    streaming_target_in_use: 'Esse destino de transmissão já está em uso.',
    recorder_not_started: 'O gravador ainda não foi iniciado. Tente novamente em instantes.',
    recording_already_active: 'Já existe uma gravação em andamento.',
    recording_not_active: 'Nenhuma gravação em andamento.',
    failed_to_request_recording_service: 'Não foi possível acessar o serviço de gravação. Tente mais tarde.',
    recorder_timeout: 'Nenhum gravador respondeu a tempo. Tente mais tarde.',
  }),
  providerErrorUnknown: (code: string) => `O servidor da reunião recusou a solicitação (${code}).`,
  // RecordingList
  recordingsTitle: 'Gravações',
  recordingsLoading: 'Carregando gravações…',
  recordingsEmpty: 'Nenhuma gravação ainda',
  recordingsEmptyHint: 'As gravações desta reunião aparecem aqui assim que começam.',
  recordingsLoadFailed: 'Não foi possível carregar as gravações.',
  recordingsRetry: 'Tentar novamente',
  recordingsRefreshing: 'Atualizando…',
  recordingsCount: (total: number) => plural(LOCALE, total, { one: '# gravação', many: '# de gravações', other: '# gravações' }),
  recordingUntitled: 'Gravação sem título',
  recordingStartedAt: 'Início',
  recordingDuration: 'Duração',
  recordingSize: 'Tamanho',
  assetStatus: Object.freeze({
    invoked: 'Iniciando',
    recording: 'Gravando',
    paused: 'Pausada',
    uploading: 'Enviando',
    ready: 'Pronta',
    failed: 'Falhou',
  }),
  recordingStartedByWhy: (who: string, why: string) => (who ? `Iniciada por ${who}${why ? ` (${why})` : ''}` : `Iniciada ${why}`),
  recordingStoppedByWhy: (who: string, why: string) => (who ? `Encerrada por ${who}${why ? ` (${why})` : ''}` : `Encerrada: ${why}`),
  recordingReasons: Object.freeze({
    API_CALL: 'a pedido',
    RECORD_ON_START: 'automaticamente no início da reunião',
    ALL_PEERS_LEFT: 'todos saíram da reunião',
    INTERNAL_ERROR: 'um erro no servidor',
  }),
  recordingByApp: 'o aplicativo',
  downloadVideo: 'Baixar vídeo',
  downloadAudio: 'Baixar áudio',
  downloadTrack: (label: string) => `Baixar ${label}`,
  downloadOf: (action: string, fileName: string) => `${action}, ${fileName}`,
  linkRefreshing: 'Renovando o link de download…',
  linkExpired: 'O link de download expirou',
  linkStoredElsewhere: 'Armazenada no seu próprio armazenamento',
  deleteRecording: 'Excluir',
  storedOnDevice: 'Neste dispositivo',
  paginationLabel: 'Páginas de gravações',
  previousPage: 'Página anterior',
  nextPage: 'Próxima página',
  pageOf: (page: number, pageCount: number) => `Página ${formatCount(LOCALE, page)} de ${formatCount(LOCALE, pageCount)}`,
  // Participant recording
  recordParticipant: (name: string) => `Gravar ${name}`,
  stopRecordingParticipant: (name: string) => `Parar de gravar ${name}`,
  startingParticipantRecording: (name: string) => `Iniciando a gravação de ${name}…`,
  stoppingParticipantRecording: (name: string) => `Parando a gravação de ${name}…`,
  participantRecordingNotAllowed: 'Somente moderadores podem gravar participantes.',
  participantRecordingNotSupported: 'Gravar um único participante não está disponível nesta reunião.',
  participantRecordingFailed: 'A gravação do participante falhou',
  downloadParticipantRecording: (name: string, index: number) =>
    index > 0 ? `Baixar a gravação de ${name} (${formatCount(LOCALE, index + 1)})` : `Baixar a gravação de ${name}`,
  youAreBeingRecorded: 'Você está sendo gravado',
  yourRecordingStarting: 'Sua gravação está começando…',
  yourRecordingStopping: 'Sua gravação está terminando…',
  participantIsBeingRecorded: (name: string) => `${name} está sendo gravado`,
  // Recording player
  playRecording: 'Reproduzir',
  playerClose: 'Fechar player',
  playerLoading: 'Carregando a gravação…',
  playerRefreshing: 'Renovando o link…',
  playerFailed: 'Não foi possível reproduzir esta gravação.',
  playerUnavailable: 'Esta gravação não tem um link reproduzível no momento.',
  // Live-stream player
  livePlayer: 'Transmissão ao vivo',
  livePlayerStarting: 'Aguardando a transmissão…',
  livePlayerReconnecting: 'Reconectando à transmissão…',
  livePlayerEnded: 'A transmissão terminou.',
  livePlayerFailed: 'Este navegador não consegue reproduzir a transmissão.',
  livePlayerIdle: 'A transmissão ainda não começou.',
  livePlayerAtEdge: 'Ao vivo',
  livePlayerGoLive: 'Ir para o ao vivo',
  livePlayerPause: 'Pausar',
  livePlayerMute: 'Silenciar',
  livePlayerCaptions: 'Legendas',
  livePlayerKeys: 'Teclas: K ou Espaço pausa e reproduz, M silencia, C liga legendas, L vai para o ao vivo.',
  // Live-stream destinations
  destinationsTitle: 'Destinos da transmissão',
  destinationPlatform: 'Plataforma',
  destinationServerUrl: 'URL do servidor',
  destinationStreamKey: 'Chave de transmissão',
  destinationShowKey: 'Mostrar chave',
  destinationAdd: 'Adicionar destino',
  destinationRemove: (name: string) => `Remover ${name}`,
  destinationsGoLive: 'Transmitir para todos',
  destinationProblem: (problem: string, platform: string) =>
    problem === 'server-missing' ? 'Informe a URL do servidor.'
    : problem === 'server-insecure' ? `${platform} aceita apenas URLs rtmps://.`
    : problem === 'server-invalid' ? 'A URL do servidor deve começar com rtmp:// ou rtmps://.'
    : problem === 'key-missing' ? 'Informe a chave de transmissão.'
    : `Isto não parece uma chave de transmissão de ${platform}.`,
  destinationStatus: (status: string, reason: string | undefined) =>
    status === 'connecting' ? 'Conectando'
    : status === 'live' ? 'Ao vivo'
    : status === 'dropped' ? (reason ? `Caiu: ${reason}` : 'Caiu')
    : status === 'stopped' ? 'Parado'
    : 'Pronto',
  destinationsStartFailed: (reason: string) => `Não foi possível entrar ao vivo: ${reason}`,
  destinationsHeldByServer: 'As chaves de transmissão ficam no servidor.',
  // Added with the two-recordings and permission UI
  recordingDeniedByProvider: 'Você não tem permissão para gravar esta reunião. Peça ao anfitrião.',
  recordingDisabled: 'A gravação está desativada nesta reunião pelo plano ou pelas configurações.',
  liveDeniedByProvider: 'Você não tem permissão para transmitir esta reunião ao vivo. Peça ao anfitrião.',
  liveDisabled: 'A transmissão ao vivo está desativada nesta reunião pelo plano ou pelas configurações.',
  recordingTargets: (count: number) => `${formatCount(LOCALE, count)} gravações — os botões agem sobre`,
  recordingTarget: (index: number, who: string) =>
    who ? `Gravação ${formatCount(LOCALE, index)}, iniciada por ${who}` : `Gravação ${formatCount(LOCALE, index)}`,
  actsOnRecording: (index: number, count: number) => `Age sobre a gravação ${formatCount(LOCALE, index)} de ${formatCount(LOCALE, count)}.`,
  recordInCloud: 'Gravar na nuvem',
  recordOnDevice: 'Gravar neste dispositivo',
  recordingsRunning: (count: number) => plural(LOCALE, count, { one: '# gravação', other: '# gravações' }),
  consentStarterStatus: 'Você iniciou esta gravação, então concordou em ser gravado.',
  consentReachHint: (shortcut: string) => (shortcut ? `Pressione Tab ou ${shortcut} para responder.` : 'Pressione Tab para responder.'),
});
