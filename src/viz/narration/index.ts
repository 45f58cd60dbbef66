export { Narration, type NarrationProps } from './Narration';
export { eventWords, formatTime, Kind, messageWords, sentence, sentencesAt, type RowWords } from './sentences';
