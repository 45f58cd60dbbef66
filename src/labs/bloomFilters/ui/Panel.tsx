/**
 * The Bloom filters lab: in the scene, the filter in front of a slow store on the stage and the bit
 * array at the playhead; below, the false-positive rate measured against the formula (with the best k
 * and the ~10 bits per element for 1 %), deletion (counting filters, overflow, the standard filter's
 * false negatives), and what the filter saved the store. Everything is derived by ./select.ts.
 */
import { useMemo } from 'react';
import { LabSlot, useLabResult, useTheme } from '../../../app/hooks';
import { LineChart } from '../../../viz/lineChart';
import { vizStyle, type VizStyle } from '../../../viz/shared';
import '../../../viz/viz.css';
import type { BloomResult } from '../result';
import type { BloomScenario } from '../scenario';
import { BloomNarration, BloomStage } from './BloomStage';
import { bitsSeries, contextRows, contextText, deletionRows, deletionText, designText, fillSeries, fillText, rateSeries, rateText, scriptText } from './select';
import './panel.css';

export default function BloomPanel() {
  const run = useLabResult<BloomResult, BloomScenario>();
  const theme = useTheme();
  const style = useMemo(() => vizStyle(theme), [theme]);
  if (!run) return null;
  return <BloomView key={run.result.traceHash} result={run.result} scenario={run.scenario} style={style} />;
}

function BloomView({ result, scenario, style }: { result: BloomResult; scenario: BloomScenario; style: VizStyle }) {
  return (
    <div className="bf-panel">
      <LabSlot name="scene">
        <BloomStage result={result} style={style} />
      </LabSlot>
      <LabSlot name="narration">
        <BloomNarration result={result} />
      </LabSlot>
      <RateCard result={result} style={style} />
      <DeletionCard result={result} />
      <ContextCard result={result} scenario={scenario} />
    </div>
  );
}

function RateCard({ result, style }: { result: BloomResult; style: VizStyle }) {
  const series = useMemo(() => rateSeries(result), [result]);
  const bits = useMemo(() => bitsSeries(), []);
  const fill = useMemo(() => fillSeries(result), [result]);
  const f = result.filter;
  return (
    <section className="lab-card bf-card" aria-labelledby="bf-rate-title">
      <h2 id="bf-rate-title">False positives: measured against (1 - e^(-kn/m))^k</h2>
      <p data-testid="bf-rate">{rateText(result)}</p>
      <p data-testid="bf-design">{designText(result)}</p>
      <p data-testid="bf-fill">{fillText(result)}</p>
      <div className="bf-charts">
        <LineChart
          series={series}
          xScale="linear"
          style={style}
          label={`False-positive rate against k for m/n = ${f.bitsPerElement.toFixed(2)}; the best k is ${f.optimalHashCount} (dotted rule)`}
          caption={`Best k = ${f.optimalHashCount} (dotted rule); the dashed point is the measurement.`}
          xLabel="hashes k"
          yLabel="false positives (%)"
          markX={f.optimalHashCount}
          height={220}
        />
        <LineChart
          series={bits}
          xScale="linear"
          style={style}
          label="False-positive rate at the best k against bits per element: 1 % at about 10 bits (dotted rule)"
          caption="About 10 bits per element for 1 % (dotted rule at 10)."
          xLabel="bits per element m/n"
          yLabel="false positives (%)"
          markX={10}
          height={220}
        />
        <LineChart
          series={fill}
          xScale="linear"
          style={style}
          label={`False-positive rate as the filter fills to twice its design n of ${result.n} elements (dotted rule at n)`}
          caption="The rate climbs past the design n (dotted rule); dashed points are measured."
          xLabel="elements inserted"
          yLabel="false positives (%)"
          markX={result.n}
          height={220}
        />
      </div>
    </section>
  );
}

function RowsTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <div className="bf-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="bf-table">
        <caption className="viz-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeletionCard({ result }: { result: BloomResult }) {
  return (
    <section className="lab-card bf-card" aria-labelledby="bf-delete-title">
      <h2 id="bf-delete-title">Deleting: counting filters, overflow, false negatives</h2>
      <p data-testid="bf-deletion">{deletionText(result)}</p>
      <RowsTable caption="Elements not deleted that answer no (false negatives), by way of deleting" head={['way of deleting', 'false negatives', 'why']} rows={deletionRows(result)} />
    </section>
  );
}

function ContextCard({ result, scenario }: { result: BloomResult; scenario: BloomScenario }) {
  const script = scriptText(scenario.events);
  return (
    <section className="lab-card bf-card" aria-labelledby="bf-context-title">
      <h2 id="bf-context-title">In front of the store: disk reads saved and wasted</h2>
      <p data-testid="bf-context">{contextText(result)}</p>
      <p className="bf-sub">{script === '' ? 'No faults in the script: click f1 or s2 on the stage to add one.' : `Faults: ${script}.`}</p>
      <RowsTable caption="The requests of the run on the stage" head={['requests', 'count']} rows={contextRows(result)} />
    </section>
  );
}
