/**
 * The narrated row at the playhead (the last event <= t), as React state: exact at once after a step or
 * seek, at most every THROTTLE_MS while playing (the list then moves at <= 10 Hz, not per frame).
 */
import { useEffect, useState } from 'react';
import { narratedAt } from '../../core/stage/query';
import type { StageData } from '../../core/stage/types';
import type { PlayheadSource } from '../stage/types';

export const THROTTLE_MS = 100;

export function usePlayheadRow(data: StageData, playhead: PlayheadSource): number {
  const [row, setRow] = useState(() => narratedAt(data, playhead.get()));
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      timer = undefined;
      last = performance.now();
      setRow(narratedAt(data, playhead.get()));
    };
    const onChange = () => {
      if (!playhead.isPlaying?.()) {
        if (timer !== undefined) clearTimeout(timer);
        read();
        return;
      }
      const wait = last + THROTTLE_MS - performance.now();
      if (wait <= 0) read();
      else if (timer === undefined) timer = setTimeout(read, wait);
    };
    read();
    const off = playhead.subscribe(onChange);
    return () => {
      off();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [data, playhead]);
  return row;
}
