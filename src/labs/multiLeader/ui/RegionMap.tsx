/**
 * The regions and the links between their leaders at one time: a leader per region (its colour, its
 * number, "crashed" when down, its clock offset when skewed), and a line per pair of regions, drawn
 * dashed and crossed when the partition cuts it; under each region, the writes made elsewhere that have
 * not reached it yet. A small SVG: at most four regions and six links.
 */
import type { VizStyle } from '../../../viz/shared';
import { ownerColor } from '../../../viz/shared';
import { signed, type RegionMapView } from './select';

export const MAP_WIDTH = 480;

/** The map's height: a row for two regions, a ring for more. */
export function mapHeight(regions: number): number {
  return regions === 2 ? 130 : 250;
}
const R = 24;

/** `descriptionId`: the id of the visible text that says the same scene in words (the SVG points to it). */
export function RegionMap({ view, style, descriptionId }: { view: RegionMapView; style: VizStyle; descriptionId: string }) {
  const at = (region: number) => view.nodes[region];
  return (
    <svg className="ml-map" viewBox={`0 0 ${MAP_WIDTH} ${mapHeight(view.nodes.length)}`} role="img" aria-labelledby="ml-map-title" aria-describedby={descriptionId}>
      <title id="ml-map-title">Regions and the links between their leaders</title>
      {view.links.map((l) => {
        const a = at(l.a);
        const b = at(l.b);
        const mx = (a.x + b.x) / 2;
        const my = (a.y + b.y) / 2;
        return (
          <g key={`${l.a}-${l.b}`}>
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={l.isCut ? style.accent : style.muted} strokeWidth={l.isCut ? 2 : 1.5} strokeDasharray={l.isCut ? '6 5' : undefined} />
            {l.isCut && (
              <g stroke={style.accent} strokeWidth={3} strokeLinecap="round">
                <line x1={mx - 7} y1={my - 7} x2={mx + 7} y2={my + 7} />
                <line x1={mx - 7} y1={my + 7} x2={mx + 7} y2={my - 7} />
              </g>
            )}
          </g>
        );
      })}
      {view.nodes.map((node) => (
        <g key={node.region} transform={`translate(${node.x},${node.y})`}>
          <circle r={R} fill={node.isDown ? style.background : ownerColor(style, node.region)} stroke={node.isDown ? style.muted : style.foreground} strokeWidth={1.5} strokeDasharray={node.isDown ? '4 3' : undefined} />
          <text textAnchor="middle" dy="0.35em" fontSize={19} fontWeight={600} fill={node.isDown ? style.foreground : style.background}>
            {node.region}
          </text>
          <text textAnchor="middle" y={R + 15} fontSize={12} fill={style.foreground} stroke={style.background} strokeWidth={4} paintOrder="stroke">
            {node.isDown ? `region ${node.region} · crashed` : `region ${node.region}`}
          </text>
          {node.incoming > 0 && (
            <text textAnchor="middle" y={R + 29} fontSize={12} fill={style.foreground} stroke={style.background} strokeWidth={4} paintOrder="stroke">
              {`${node.incoming} write${node.incoming === 1 ? '' : 's'} not here yet`}
            </text>
          )}
          {node.skewMs !== 0 && (
            <text textAnchor="middle" y={-R - 7} fontSize={12} fill={style.foreground}>
              {`clock ${signed(node.skewMs)} ms`}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
