import type { OnAirLabels } from '../core/labels.js';
import { formatCount, plural } from './intl.js';

const LOCALE = 'ar';

/**
 * Arabic (`ar`) labels: every string of the kit, written right to left. Pass them with the
 * matching `locale` (Arabic has six plural forms, picked through `Intl.PluralRules`) and set
 * `dir="rtl"` on your page or on an element around the components: they mirror through logical
 * CSS properties.
 *
 * @example
 * ```tsx
 * import { OnAirProvider, RecordButton } from 'onair-react';
 * import { ar } from 'onair-react/locales/ar';
 *
 * <div dir="rtl" lang="ar">
 *   <OnAirProvider locale="ar" labels={ar}>
 *     <RecordButton />
 *   </OnAirProvider>
 * </div>;
 * ```
 *
 * @public
 */
export const ar: OnAirLabels = Object.freeze({
  // RecordButton
  startRecording: 'بدء التسجيل',
  stopRecording: 'إيقاف التسجيل',
  startingRecording: 'جارٍ البدء…',
  stoppingRecording: 'جارٍ الإيقاف…',
  stillStarting: 'لا يزال البدء جاريًا…',
  stillStopping: 'لا يزال الإيقاف جاريًا…',
  cancelStart: 'إلغاء',
  notConfirmedTitle: 'لم يُؤكَّد',
  startNotConfirmed: 'لم يؤكّد المزوّد بدء التسجيل؛ ربما يكون التسجيل قيد التشغيل — تحقّق مرة أخرى.',
  stopNotConfirmed: 'لم يؤكّد المزوّد إيقاف التسجيل؛ ربما لا يزال التسجيل قيد التشغيل — تحقّق مرة أخرى.',
  checkAgain: 'تحقّق مرة أخرى',
  cannotCheckAgain: 'لا يمكن الاستعلام من هذا المزوّد مرة أخرى؛ سيتغيّر مؤشر التسجيل عندما يُبلغ.',
  recordingEndsIn: (minutes: number) => `ينتهي التسجيل خلال ${minutes} دقيقة`,
  recordingLimitReached: (provider: string) => `بلغ التسجيل مدته القصوى وأوقفه ${provider || 'المزوّد'}.`,
  pauseRecording: 'إيقاف التسجيل مؤقتًا',
  resumeRecording: 'استئناف التسجيل',
  recordingControls: 'التسجيل',
  confirmStopTitle: 'هل تريد إيقاف التسجيل؟',
  confirmStopBody: 'سينتهي التسجيل لجميع المشاركين في الاجتماع.',
  confirmStopAccept: 'إيقاف التسجيل',
  confirmStopCancel: 'متابعة التسجيل',
  recordingNotAllowed: 'يمكن للمشرفين فقط تسجيل هذا الاجتماع.',
  recordingNotSupported: 'التسجيل غير متاح في هذا الاجتماع.',
  recordingFailed: 'فشل التسجيل',
  dismiss: 'إغلاق',
  elapsed: (time: string) => `المدة ${time}`,
  // RecordingIndicator
  recMark: 'تسجيل',
  recordingActive: 'جارٍ التسجيل',
  recordingPaused: 'التسجيل متوقف مؤقتًا',
  recordingStarting: 'يبدأ التسجيل…',
  recordingStopping: 'ينتهي التسجيل…',
  recordingStartedBy: (name: string) => `بدأه ${name}`,
  recordingIdle: 'لا يوجد تسجيل',
  // LiveStreamBadge / LiveStreamButton
  liveIdle: 'غير مباشر',
  liveStarting: 'جارٍ بدء البث…',
  liveMark: 'مباشر',
  liveInterrupted: 'متقطع',
  liveStopping: 'جارٍ الإنهاء…',
  liveFailed: 'فشل البث المباشر',
  liveEnded: 'انتهى البث',
  interruptedFor: (time: string) => `منذ ${time}`,
  liveEndpoints: 'الوجهات',
  endpointLive: 'مباشر',
  endpointInterrupted: 'متقطع',
  endpointDropped: 'متوقف',
  liveViewers: (count: number) => plural(LOCALE, count, { zero: 'لا مشاهدين', one: 'مشاهد واحد', two: 'مشاهدان', few: '# مشاهدين', many: '# مشاهدًا', other: '# مشاهد' }),
  goLive: 'بدء البث المباشر',
  endLiveStream: 'إنهاء البث المباشر',
  startingLiveStream: 'جارٍ بدء البث…',
  stoppingLiveStream: 'جارٍ الإنهاء…',
  rtmpUrl: 'عنوان البث',
  // URLs are left-to-right islands (U+2066 … U+2069 isolates): without them the bidi algorithm shows “//:rtmps”.
  rtmpUrlHint: 'عنوان \u2066rtmp://\u2069 أو \u2066rtmps://\u2069 مع مفتاح البث',
  rtmpUrlInvalid: 'أدخل عنوان \u2066rtmp://\u2069 أو \u2066rtmps://\u2069.',
  liveNotAllowed: 'يمكن للمشرفين فقط بدء البث المباشر.',
  liveNotSupported: 'البث المباشر غير متاح في هذا الاجتماع.',
  liveWarning: (message: string) => `تحذير: ${message}`,
  liveStreamControls: 'البث المباشر',
  // Announcements
  announceRecordingStarted: 'بدأ التسجيل',
  announceRecordingInProgress: 'يجري تسجيل هذا الاجتماع',
  announceRecordingStopped: 'توقف التسجيل',
  announceRecordingPaused: 'توقف التسجيل مؤقتًا',
  announceRecordingResumed: 'استُؤنف التسجيل',
  announceRecordingFailed: (reason: string) => `فشل التسجيل: ${reason}`,
  announceLiveStarted: 'بدأ البث المباشر',
  announceLiveInterrupted: 'انقطع البث المباشر',
  announceLiveResumed: 'عاد البث المباشر',
  announceLiveStopped: 'انتهى البث المباشر',
  announceLiveFailed: (reason: string) => `فشل البث المباشر: ${reason}`,
  // ConsentBanner
  consentTitle: 'يجري تسجيل هذا الاجتماع',
  consentStartedBy: (name: string) => `بدأ ${name} التسجيل.`,
  consentStartedByUnknown: 'بدأ أحد المشرفين تسجيل هذا الاجتماع.',
  consentStartedByYou: 'أنت من بدأ هذا التسجيل.',
  consentQuestion: 'هل توافق على تسجيلك؟ لا يُسجَّل الفيديو والصوت الخاصان بك إلا بموافقتك.',
  consentAccept: 'أوافق على تسجيلي',
  consentDecline: 'لا تسجّلني',
  consentGiven: 'وافقت على تسجيلك.',
  consentDeclinedStatus: 'رفضت تسجيلك.',
  consentWithdraw: 'سحب الموافقة',
  consentChange: 'تغيير',
  consentSaving: 'جارٍ حفظ اختيارك…',
  consentSaveFailed: 'تعذّر حفظ اختيارك. حاول مرة أخرى.',
  consentRegion: 'الموافقة على التسجيل',
  announceConsentRequested: 'بدأ التسجيل. يُرجى اختيار ما إذا كنت توافق على تسجيلك.',
  consentPrejoinTitle: 'يجري تسجيل هذا الاجتماع',
  consentPrejoinBody: 'انضم فقط إذا كنت توافق على تسجيلك. يمكنك سحب موافقتك في أي وقت.',
  consentPrejoinAccept: 'موافقة ومتابعة',
  consentPrejoinDecline: 'لا أوافق',
  consentNoticeChanged: 'تغيّر إشعار التسجيل. يُرجى قراءته والإجابة مرة أخرى.',
  consentLedgerPending: 'إجابتك محفوظة على هذا الجهاز وستُسجَّل فور عودة الاتصال.',
  // ConsentRoster
  rosterTitle: 'الموافقة على التسجيل',
  rosterSummary: (consented: number, total: number) => `وافق ${formatCount(LOCALE, consented)} من ${formatCount(LOCALE, total)}`,
  rosterConsented: 'وافق',
  rosterDeclined: 'رفض',
  rosterPending: 'لم يُجب بعد',
  rosterYou: '(أنت)',
  rosterUnnamed: 'مشارك بلا اسم',
  rosterNobody: 'لا أحد',
  rosterIdle: 'لا يوجد تسجيل جارٍ. سيُسأل الجميع عند بدء تسجيل.',
  // Provider errors
  providerErrors: Object.freeze({
    insufficient_permissions: 'ليس لديك إذن بذلك. يمكن للمشرفين فقط التسجيل أو البث.',
    invalid_recording_id: 'هذا التسجيل لم يعد موجودًا.',
    already_recording: 'يجري تسجيل هذا الاجتماع بالفعل.',
    record_feature_disabled: 'التسجيل غير متاح في هذا الاجتماع.',
    stream_feature_disabled: 'البث المباشر غير متاح في هذا الاجتماع.',
    invalid_streaming_id: 'وجهة البث هذه غير موجودة أو لا تعمل.',
    streaming_target_in_use: 'وجهة البث هذه مستخدمة بالفعل.',
    recorder_not_started: 'لم يبدأ المسجّل بعد. حاول مرة أخرى بعد قليل.',
    recording_already_active: 'يوجد تسجيل جارٍ بالفعل.',
    recording_not_active: 'لا يوجد تسجيل جارٍ.',
    failed_to_request_recording_service: 'تعذّر الوصول إلى خدمة التسجيل. حاول لاحقًا.',
    recorder_timeout: 'لم يستجب أي مسجّل في الوقت المحدد. حاول لاحقًا.',
  }),
  providerErrorUnknown: (code: string) => `رفض خادم الاجتماع الطلب (${code}).`,
  // RecordingList
  recordingsTitle: 'التسجيلات',
  recordingsLoading: 'جارٍ تحميل التسجيلات…',
  recordingsEmpty: 'لا توجد تسجيلات بعد',
  recordingsEmptyHint: 'تظهر تسجيلات هذا الاجتماع هنا فور بدئها.',
  recordingsLoadFailed: 'تعذّر تحميل التسجيلات.',
  recordingsRetry: 'إعادة المحاولة',
  recordingsRefreshing: 'جارٍ التحديث…',
  recordingsCount: (total: number) =>
    plural(LOCALE, total, {
      zero: 'لا توجد تسجيلات',
      one: 'تسجيل واحد',
      two: 'تسجيلان',
      few: '# تسجيلات',
      many: '# تسجيلًا',
      other: '# تسجيل',
    }),
  recordingUntitled: 'تسجيل بلا عنوان',
  recordingStartedAt: 'البدء',
  recordingDuration: 'المدة',
  recordingSize: 'الحجم',
  assetStatus: Object.freeze({
    invoked: 'جارٍ البدء',
    recording: 'جارٍ التسجيل',
    paused: 'متوقف مؤقتًا',
    uploading: 'جارٍ الرفع',
    ready: 'جاهز',
    failed: 'فشل',
  }),
  recordingStartedByWhy: (who: string, why: string) => (who ? `بدأه ${who}${why ? ` (${why})` : ''}` : `بدأ ${why}`),
  recordingStoppedByWhy: (who: string, why: string) => (who ? `أوقفه ${who}${why ? ` (${why})` : ''}` : `توقف: ${why}`),
  recordingReasons: Object.freeze({
    API_CALL: 'بناءً على طلب',
    RECORD_ON_START: 'تلقائيًا عند بدء الاجتماع',
    ALL_PEERS_LEFT: 'غادر الجميع الاجتماع',
    INTERNAL_ERROR: 'خطأ في الخادم',
  }),
  recordingByApp: 'التطبيق',
  downloadVideo: 'تنزيل الفيديو',
  downloadAudio: 'تنزيل الصوت',
  downloadTrack: (label: string) => `تنزيل ${label}`,
  downloadOf: (action: string, fileName: string) => `${action}، ${fileName}`,
  linkRefreshing: 'جارٍ تجديد رابط التنزيل…',
  linkExpired: 'انتهت صلاحية رابط التنزيل',
  linkStoredElsewhere: 'محفوظ في مساحة التخزين الخاصة بك',
  deleteRecording: 'حذف',
  storedOnDevice: 'على هذا الجهاز',
  paginationLabel: 'صفحات التسجيلات',
  previousPage: 'الصفحة السابقة',
  nextPage: 'الصفحة التالية',
  pageOf: (page: number, pageCount: number) => `الصفحة ${formatCount(LOCALE, page)} من ${formatCount(LOCALE, pageCount)}`,
  // Participant recording
  recordParticipant: (name: string) => `تسجيل ${name}`,
  stopRecordingParticipant: (name: string) => `إيقاف تسجيل ${name}`,
  startingParticipantRecording: (name: string) => `جارٍ بدء تسجيل ${name}…`,
  stoppingParticipantRecording: (name: string) => `جارٍ إيقاف تسجيل ${name}…`,
  participantRecordingNotAllowed: 'يمكن للمشرفين فقط تسجيل المشاركين.',
  participantRecordingNotSupported: 'تسجيل مشارك واحد غير متاح في هذا الاجتماع.',
  participantRecordingFailed: 'فشل تسجيل المشارك',
  downloadParticipantRecording: (name: string, index: number) =>
    index > 0 ? `تنزيل تسجيل ${name} (${formatCount(LOCALE, index + 1)})` : `تنزيل تسجيل ${name}`,
  youAreBeingRecorded: 'يجري تسجيلك',
  yourRecordingStarting: 'يبدأ تسجيلك…',
  yourRecordingStopping: 'ينتهي تسجيلك…',
  participantIsBeingRecorded: (name: string) => `يجري تسجيل ${name}`,
  // Recording player
  playRecording: 'تشغيل',
  playerClose: 'إغلاق المشغّل',
  playerLoading: 'جارٍ تحميل التسجيل…',
  playerRefreshing: 'جارٍ تجديد الرابط…',
  playerFailed: 'تعذّر تشغيل هذا التسجيل.',
  playerUnavailable: 'لا يوجد لهذا التسجيل رابط قابل للتشغيل حاليًا.',
  // Live-stream player
  livePlayer: 'البث المباشر',
  livePlayerStarting: 'في انتظار البث…',
  livePlayerReconnecting: 'جارٍ إعادة الاتصال بالبث…',
  livePlayerEnded: 'انتهى البث.',
  livePlayerFailed: 'لا يستطيع هذا المتصفح تشغيل البث.',
  livePlayerIdle: 'لم يبدأ البث بعد.',
  livePlayerAtEdge: 'مباشر',
  livePlayerGoLive: 'الانتقال إلى المباشر',
  livePlayerPause: 'إيقاف مؤقت',
  livePlayerMute: 'كتم الصوت',
  livePlayerCaptions: 'الترجمة',
  livePlayerKeys: 'المفاتيح: K أو المسافة للإيقاف والتشغيل، M لكتم الصوت، C للترجمة، L للانتقال إلى المباشر.',
  // Live-stream destinations
  destinationsTitle: 'وجهات البث المباشر',
  destinationPlatform: 'المنصة',
  destinationServerUrl: 'عنوان URL للخادم',
  destinationStreamKey: 'مفتاح البث',
  destinationShowKey: 'إظهار المفتاح',
  destinationAdd: 'إضافة وجهة',
  destinationRemove: (name: string) => `إزالة ${name}`,
  destinationsGoLive: 'البث إلى الكل',
  destinationProblem: (problem: string, platform: string) =>
    problem === 'server-missing' ? 'أدخل عنوان URL للخادم.'
    : problem === 'server-insecure' ? `${platform} لا تقبل إلا عناوين rtmps://.`
    : problem === 'server-invalid' ? 'يجب أن يبدأ عنوان الخادم بـ rtmp:// أو rtmps://.'
    : problem === 'key-missing' ? 'أدخل مفتاح البث.'
    : `لا يبدو هذا مفتاح بث لـ ${platform}.`,
  destinationStatus: (status: string, reason: string | undefined) =>
    status === 'connecting' ? 'جارٍ الاتصال'
    : status === 'live' ? 'مباشر'
    : status === 'dropped' ? (reason ? `انقطع: ${reason}` : 'انقطع')
    : status === 'stopped' ? 'متوقف'
    : 'جاهز',
  destinationsStartFailed: (reason: string) => `تعذّر بدء البث المباشر: ${reason}`,
  destinationsHeldByServer: 'تُحفظ مفاتيح البث على الخادم.',
  // Added with the two-recordings and permission UI
  recordingDeniedByProvider: 'ليس لديك إذن بتسجيل هذا الاجتماع. اطلبه من المضيف.',
  recordingDisabled: 'التسجيل معطّل في هذا الاجتماع بسبب الخطة أو الإعدادات.',
  liveDeniedByProvider: 'ليس لديك إذن ببث هذا الاجتماع مباشرةً. اطلبه من المضيف.',
  liveDisabled: 'البث المباشر معطّل في هذا الاجتماع بسبب الخطة أو الإعدادات.',
  recordingTargets: (count: number) =>
    plural(LOCALE, count, {
      zero: 'لا تسجيلات',
      one: 'تسجيل واحد — تعمل الأزرار على',
      two: 'تسجيلان — تعمل الأزرار على',
      few: '# تسجيلات — تعمل الأزرار على',
      many: '# تسجيلًا — تعمل الأزرار على',
      other: '# تسجيل — تعمل الأزرار على',
    }),
  recordingTarget: (index: number, who: string) =>
    who ? `التسجيل ${formatCount(LOCALE, index)}، بدأه ${who}` : `التسجيل ${formatCount(LOCALE, index)}`,
  actsOnRecording: (index: number, count: number) => `يعمل على التسجيل ${formatCount(LOCALE, index)} من ${formatCount(LOCALE, count)}.`,
  recordInCloud: 'التسجيل في السحابة',
  recordOnDevice: 'التسجيل على هذا الجهاز',
  recordingsRunning: (count: number) =>
    plural(LOCALE, count, { zero: 'لا تسجيلات', one: 'تسجيل واحد', two: 'تسجيلان', few: '# تسجيلات', many: '# تسجيلًا', other: '# تسجيل' }),
  consentStarterStatus: 'أنت من بدأ هذا التسجيل، لذا فقد وافقت على أن تُسجَّل.',
  consentReachHint: (shortcut: string) => (shortcut ? `اضغط Tab أو ${shortcut} للرد.` : 'اضغط Tab للرد.'),
});
