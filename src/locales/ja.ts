import type { OnAirLabels } from '../core/labels.js';
import { formatCount, plural } from './intl.js';

const LOCALE = 'ja';

/**
 * Japanese (`ja`) labels: every string of the kit. Pass them with the matching `locale`, so dates,
 * numbers and sizes follow Japanese conventions (Japanese has one plural form).
 *
 * @example
 * ```tsx
 * import { OnAirProvider, RecordButton } from 'onair-react';
 * import { ja } from 'onair-react/locales/ja';
 *
 * <OnAirProvider locale="ja" labels={ja}>
 *   <RecordButton />
 * </OnAirProvider>;
 * ```
 *
 * @public
 */
export const ja: OnAirLabels = Object.freeze({
  // RecordButton
  startRecording: '録画を開始',
  stopRecording: '録画を停止',
  startingRecording: '開始しています…',
  stoppingRecording: '停止しています…',
  stillStarting: 'まだ開始しています…',
  stillStopping: 'まだ停止しています…',
  cancelStart: 'キャンセル',
  notConfirmedTitle: '未確認',
  startNotConfirmed: 'プロバイダーが開始を確認しませんでした。録画が実行中の可能性があります。もう一度確認してください。',
  stopNotConfirmed: 'プロバイダーが停止を確認しませんでした。録画がまだ実行中の可能性があります。もう一度確認してください。',
  checkAgain: 'もう一度確認',
  cannotCheckAgain: 'このプロバイダーには状態を再確認する方法がありません。報告があれば録画表示が変わります。',
  recordingEndsIn: (minutes: number) => `録画はあと${minutes}分で終了します`,
  recordingLimitReached: (provider: string) => `録画が最大時間に達したため、${provider || 'プロバイダー'}によって停止されました。`,
  pauseRecording: '録画を一時停止',
  resumeRecording: '録画を再開',
  recordingControls: '録画',
  confirmStopTitle: '録画を停止しますか？',
  confirmStopBody: '会議の参加者全員の録画が終了します。',
  confirmStopAccept: '録画を停止',
  confirmStopCancel: '録画を続ける',
  recordingNotAllowed: 'この会議を録画できるのはモデレーターだけです。',
  recordingNotSupported: 'この会議では録画を利用できません。',
  recordingFailed: '録画に失敗しました',
  dismiss: '閉じる',
  elapsed: (time: string) => `経過時間 ${time}`,
  // RecordingIndicator
  recMark: '録画',
  recordingActive: '録画中',
  recordingPaused: '録画一時停止中',
  recordingStarting: '録画を開始しています…',
  recordingStopping: '録画を終了しています…',
  recordingStartedBy: (name: string) => `${name}さんが開始`,
  recordingIdle: '録画していません',
  // LiveStreamBadge / LiveStreamButton
  liveIdle: '配信していません',
  liveStarting: '配信を開始しています…',
  liveMark: 'ライブ',
  liveInterrupted: '中断',
  liveStopping: '終了しています…',
  liveFailed: 'ライブ配信に失敗しました',
  interruptedFor: (time: string) => `${time} 前から`,
  liveEndpoints: '配信先',
  endpointLive: '配信中',
  endpointInterrupted: '中断',
  endpointDropped: '除外',
  liveViewers: (count: number) => plural(LOCALE, count, { other: '視聴者 # 人' }),
  goLive: 'ライブ配信を開始',
  endLiveStream: 'ライブ配信を終了',
  startingLiveStream: '配信を開始しています…',
  stoppingLiveStream: '終了しています…',
  rtmpUrl: '配信 URL',
  rtmpUrlHint: 'ストリームキーを含む rtmp:// または rtmps:// のアドレス',
  rtmpUrlInvalid: 'rtmp:// または rtmps:// のアドレスを入力してください。',
  liveNotAllowed: 'ライブ配信できるのはモデレーターだけです。',
  liveNotSupported: 'この会議ではライブ配信を利用できません。',
  liveWarning: (message: string) => `警告: ${message}`,
  liveStreamControls: 'ライブ配信',
  // Announcements
  announceRecordingStarted: '録画を開始しました',
  announceRecordingInProgress: 'この会議は録画されています',
  announceRecordingStopped: '録画を停止しました',
  announceRecordingPaused: '録画を一時停止しました',
  announceRecordingResumed: '録画を再開しました',
  announceRecordingFailed: (reason: string) => `録画に失敗しました: ${reason}`,
  announceLiveStarted: 'ライブ配信を開始しました',
  announceLiveInterrupted: 'ライブ配信が中断されました',
  announceLiveResumed: 'ライブ配信が再接続されました',
  announceLiveStopped: 'ライブ配信を終了しました',
  announceLiveFailed: (reason: string) => `ライブ配信に失敗しました: ${reason}`,
  // ConsentBanner
  consentTitle: 'この会議は録画されています',
  consentStartedBy: (name: string) => `${name}さんが録画を開始しました。`,
  consentStartedByUnknown: 'モデレーターがこの会議の録画を開始しました。',
  consentStartedByYou: 'あなたがこの録画を開始しました。',
  consentQuestion: '録画に同意しますか？ 同意した場合にのみ、あなたの映像と音声が録画されます。',
  consentAccept: '録画に同意する',
  consentDecline: '録画しないでください',
  consentGiven: '録画に同意しました。',
  consentDeclinedStatus: '録画を拒否しました。',
  consentWithdraw: '同意を取り消す',
  consentChange: '変更',
  consentSaving: '選択を保存しています…',
  consentSaveFailed: '選択を保存できませんでした。もう一度お試しください。',
  consentRegion: '録画への同意',
  announceConsentRequested: '録画が開始されました。録画に同意するかどうかを選んでください。',
  consentPrejoinTitle: 'この会議は録画されています',
  consentPrejoinBody: '録画に同意する場合のみ参加してください。同意はいつでも取り消せます。',
  consentPrejoinAccept: '同意して続ける',
  consentPrejoinDecline: '同意しない',
  consentNoticeChanged: '録画に関するお知らせが変更されました。内容を読んで、もう一度回答してください。',
  consentLedgerPending: '回答はこの端末に保存されており、接続が回復しだい記録されます。',
  // ConsentRoster
  rosterTitle: '録画への同意',
  rosterSummary: (consented: number, total: number) => `${formatCount(LOCALE, total)} 人中 ${formatCount(LOCALE, consented)} 人が同意`,
  rosterConsented: '同意済み',
  rosterDeclined: '拒否',
  rosterPending: '未回答',
  rosterYou: '（あなた）',
  rosterUnnamed: '名前のない参加者',
  rosterNobody: 'なし',
  rosterIdle: '録画は行われていません。録画が始まると全員に確認します。',
  // Provider errors
  providerErrors: Object.freeze({
    insufficient_permissions: 'この操作を行う権限がありません。録画や配信ができるのはモデレーターだけです。',
    invalid_recording_id: 'その録画はもう存在しません。',
    already_recording: 'この会議はすでに録画されています。',
    record_feature_disabled: 'この会議では録画を利用できません。',
    stream_feature_disabled: 'この会議ではライブ配信を利用できません。',
    invalid_streaming_id: 'その配信先は存在しないか、動作していません。',
    streaming_target_in_use: 'その配信先はすでに使用中です。',
    recorder_not_started: 'レコーダーがまだ起動していません。しばらくしてからもう一度お試しください。',
    recording_already_active: 'すでに録画が行われています。',
    recording_not_active: '録画は行われていません。',
    failed_to_request_recording_service: '録画サービスに接続できませんでした。後でもう一度お試しください。',
    recorder_timeout: '時間内に応答したレコーダーがありませんでした。後でもう一度お試しください。',
  }),
  providerErrorUnknown: (code: string) => `会議サーバーがリクエストを拒否しました（${code}）。`,
  // RecordingList
  recordingsTitle: '録画',
  recordingsLoading: '録画を読み込んでいます…',
  recordingsEmpty: '録画はまだありません',
  recordingsEmptyHint: 'この会議の録画は、開始されるとここに表示されます。',
  recordingsLoadFailed: '録画を読み込めませんでした。',
  recordingsRetry: '再試行',
  recordingsRefreshing: '更新しています…',
  recordingsCount: (total: number) => plural(LOCALE, total, { other: '# 件の録画' }),
  recordingUntitled: '無題の録画',
  recordingStartedAt: '開始',
  recordingDuration: '長さ',
  recordingSize: 'サイズ',
  assetStatus: Object.freeze({
    invoked: '開始中',
    recording: '録画中',
    paused: '一時停止中',
    uploading: 'アップロード中',
    ready: '準備完了',
    failed: '失敗',
  }),
  recordingStartedByWhy: (who: string, why: string) => (who ? `${who}さんが開始${why ? `（${why}）` : ''}` : `開始: ${why}`),
  recordingStoppedByWhy: (who: string, why: string) => (who ? `${who}さんが停止${why ? `（${why}）` : ''}` : `停止: ${why}`),
  recordingReasons: Object.freeze({
    API_CALL: 'リクエストによる',
    RECORD_ON_START: '会議の開始時に自動で',
    ALL_PEERS_LEFT: '全員が会議から退出した',
    INTERNAL_ERROR: 'サーバーエラー',
  }),
  recordingByApp: 'アプリ',
  downloadVideo: '動画をダウンロード',
  downloadAudio: '音声をダウンロード',
  downloadTrack: (label: string) => `${label}をダウンロード`,
  downloadOf: (action: string, fileName: string) => `${action}、${fileName}`,
  linkRefreshing: 'ダウンロードリンクを更新しています…',
  linkExpired: 'ダウンロードリンクの有効期限が切れました',
  linkStoredElsewhere: 'お使いのストレージに保存されています',
  deleteRecording: '削除',
  storedOnDevice: 'このデバイス上',
  paginationLabel: '録画のページ',
  previousPage: '前のページ',
  nextPage: '次のページ',
  pageOf: (page: number, pageCount: number) => `${formatCount(LOCALE, pageCount)} ページ中 ${formatCount(LOCALE, page)} ページ目`,
  // Participant recording
  recordParticipant: (name: string) => `${name}さんを録画`,
  stopRecordingParticipant: (name: string) => `${name}さんの録画を停止`,
  startingParticipantRecording: (name: string) => `${name}さんの録画を開始しています…`,
  stoppingParticipantRecording: (name: string) => `${name}さんの録画を停止しています…`,
  participantRecordingNotAllowed: '参加者を録画できるのはモデレーターだけです。',
  participantRecordingNotSupported: 'この会議では参加者ごとの録画を利用できません。',
  participantRecordingFailed: '参加者の録画に失敗しました',
  downloadParticipantRecording: (name: string, index: number) =>
    index > 0 ? `${name}さんの録画をダウンロード（${formatCount(LOCALE, index + 1)}）` : `${name}さんの録画をダウンロード`,
  youAreBeingRecorded: 'あなたは録画されています',
  yourRecordingStarting: 'あなたの録画を開始しています…',
  yourRecordingStopping: 'あなたの録画を終了しています…',
  participantIsBeingRecorded: (name: string) => `${name}さんが録画されています`,
  // Recording player
  playRecording: '再生',
  playerClose: 'プレーヤーを閉じる',
  playerLoading: '録画を読み込んでいます…',
  playerRefreshing: 'リンクを更新しています…',
  playerFailed: 'この録画を再生できませんでした。',
  playerUnavailable: 'この録画には現在再生できるリンクがありません。',
  // Live-stream player
  livePlayer: 'ライブ配信',
  livePlayerStarting: '配信を待っています…',
  livePlayerReconnecting: '配信に再接続しています…',
  livePlayerEnded: '配信は終了しました。',
  livePlayerFailed: 'このブラウザーでは配信を再生できません。',
  livePlayerIdle: '配信はまだ始まっていません。',
  livePlayerAtEdge: 'ライブ',
  livePlayerGoLive: 'ライブに戻る',
  livePlayerPause: '一時停止',
  livePlayerMute: 'ミュート',
  livePlayerCaptions: '字幕',
  livePlayerKeys: 'キー: K またはスペースで一時停止/再生、M でミュート、C で字幕、L でライブに戻る。',
  // Live-stream destinations
  destinationsTitle: 'ライブ配信先',
  destinationPlatform: 'プラットフォーム',
  destinationServerUrl: 'サーバー URL',
  destinationStreamKey: 'ストリームキー',
  destinationShowKey: 'キーを表示',
  destinationAdd: '配信先を追加',
  destinationRemove: (name: string) => `削除 ${name}`,
  destinationsGoLive: 'すべてに配信',
  destinationProblem: (problem: string, platform: string) =>
    problem === 'server-missing' ? 'サーバー URL を入力してください。'
    : problem === 'server-insecure' ? `${platform} は rtmps:// のサーバー URL のみ使えます。`
    : problem === 'server-invalid' ? 'サーバー URL は rtmp:// または rtmps:// で始まる必要があります。'
    : problem === 'key-missing' ? 'ストリームキーを入力してください。'
    : `${platform} のストリームキーではないようです。`,
  destinationStatus: (status: string, reason: string | undefined) =>
    status === 'connecting' ? '接続中'
    : status === 'live' ? 'ライブ'
    : status === 'dropped' ? (reason ? `切断: ${reason}` : '切断')
    : status === 'stopped' ? '停止'
    : '準備完了',
  // Added with the two-recordings and permission UI
  recordingDeniedByProvider: 'この会議を録画する権限がありません。ホストに依頼してください。',
  recordingDisabled: 'この会議では、プランまたは設定により録画がオフになっています。',
  liveDeniedByProvider: 'この会議をライブ配信する権限がありません。ホストに依頼してください。',
  liveDisabled: 'この会議では、プランまたは設定によりライブ配信がオフになっています。',
  recordingTargets: (count: number) => `${formatCount(LOCALE, count)} 件の録画 — ボタンの操作対象`,
  recordingTarget: (index: number, who: string) =>
    who ? `録画 ${formatCount(LOCALE, index)}（${who}さんが開始）` : `録画 ${formatCount(LOCALE, index)}`,
  actsOnRecording: (index: number, count: number) => `${formatCount(LOCALE, count)} 件中 ${formatCount(LOCALE, index)} 件目の録画を操作します。`,
  recordInCloud: 'クラウドに録画',
  recordOnDevice: 'このデバイスに録画',
  recordingsRunning: (count: number) => plural(LOCALE, count, { other: '# 件の録画' }),
  consentStarterStatus: 'この録画はあなたが開始したため、録画に同意したものとみなされます。',
  consentReachHint: (shortcut: string) => (shortcut ? `Tab キーまたは ${shortcut} で回答できます。` : 'Tab キーで回答できます。'),
});
