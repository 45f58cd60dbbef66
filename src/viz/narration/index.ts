export { Narration, type NarrationProps } from './Narration';
export { eventWords, formatTime, messageWords, sentence, sentencesAt } from './sentences';
