export {
  createOpenTalkRoom,
  defaultOpenTalkParticipants,
  type OpenTalkRoom,
  type OpenTalkRoomOptions,
  type OpenTalkSimClient,
  type OpenTalkSimConnection,
  type OpenTalkSimParticipant,
  type OpenTalkSimProtocol,
  type OpenTalkSimTarget,
} from './createOpenTalkRoom.js';
