/**
 * The shown run's events as sentences beside the stage (a lab puts it in the page's narration slot): it
 * follows the page's playhead, and a click on a row moves the playhead there.
 */
import { Narration, type NarrationProps } from '../viz/narration';
import { usePlayheadSource, useSeek } from './hooks';

export type LabNarrationProps = Omit<NarrationProps, 'playhead' | 'onSeek'>;

export function LabNarration({ label = 'What happened, event by event', height = 168, ...rest }: LabNarrationProps) {
  const playhead = usePlayheadSource();
  const seek = useSeek();
  return <Narration {...rest} playhead={playhead} onSeek={seek} label={label} height={height} />;
}
