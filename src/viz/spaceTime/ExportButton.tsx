/**
 * "Export as ShiViz log": the run written in ShiViz's upload format (src/core/causality/shiviz/exportLog.ts),
 * built in slices, then downloaded as a file. ShiViz (and `npm run shiviz`) read it back unchanged.
 */
import { useState } from 'react';
import { exportShiVizJob } from '../../core/causality/shiviz/exportLog';
import type { CausalRun } from '../../core/causality/types';
import { download } from '../shared/download';
import { runSliced } from './useJob';

export function ExportButton({ run, fileName }: { run: CausalRun; fileName: string }) {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const onClick = async () => {
    setBusy(true);
    setError('');
    try {
      const text = await runSliced(exportShiVizJob(run, { upload: true }));
      download(URL.createObjectURL(new Blob([text], { type: 'text/plain' })), fileName);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="spacetime-export">
      <button type="button" onClick={onClick} disabled={isBusy} data-export-shiviz="">
        {isBusy ? 'Writing the log…' : 'Export as ShiViz log'}
      </button>
      {error && <span role="alert">{error}</span>}
    </span>
  );
}
