/**
 * The DOM overlay's nodes and clients. Cards tier: a fixed-size card per node (the lab's fields, a role
 * letter, clock, badges, deadline bar). Glyph tier: a transparent 24 px target over each canvas glyph, and
 * the focused node's card beside it. Aggregate tier: only the focused node's target (a proxy over the
 * canvas, cmudig/data-navigator's approach), so 1,000 nodes cost one element.
 *
 * One tab stop with a roving tabindex: the focused node has tabIndex 0, the others -1. Text inside cards
 * is written per frame by OverlayRefs (./overlay.ts), never by React props.
 */
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { StageData } from '../../core/stage/types';
import type { StageGeometry } from './geometry';
import type { OverlayRefs } from './overlay';
import type { StageTier } from './tier';
import type { CardSpec } from './types';

export interface StageNodesProps {
  data: StageData;
  geometry: StageGeometry;
  tier: StageTier;
  spec: CardSpec | undefined;
  refs: OverlayRefs;
  focused: number;
  /** Clients open a menu (the lab supports requests). */
  hasClientMenu: boolean;
  /** Node names to ring (`data-highlight`). */
  highlighted?: readonly string[];
  /** Nodes without a menu: named and focusable, not buttons. */
  isInert(node: number): boolean;
  onNodeKeyDown(node: number, e: KeyboardEvent<HTMLElement>): void;
  onNodeClick(node: number, e: MouseEvent<HTMLElement>): void;
  onNodeFocus(node: number): void;
  onClientClick(client: number, e: MouseEvent<HTMLElement>): void;
}

const TARGET_MIN = 24;

export const StageNodes = memo(function StageNodes(p: StageNodesProps) {
  const n = p.geometry.nodeCount;
  const nodes = p.tier === 'cards' ? Array.from({ length: n }, (_, i) => i) : p.tier === 'glyphs' ? Array.from({ length: n }, (_, i) => i) : [p.focused];
  return (
    <>
      {nodes.map((i) => (p.tier === 'cards' ? <Card key={i} node={i} {...p} /> : <Target key={i} node={i} {...p} />))}
      {p.tier === 'glyphs' && p.spec && <Card key={`detail-${p.focused}`} node={p.focused} {...p} isDetail />}
      {p.tier !== 'aggregate' && <Clients {...p} />}
    </>
  );
});

function nodeHandlers(p: StageNodesProps, node: number) {
  const isInert = p.isInert(node);
  return {
    'data-node': p.data.nodeNames[node],
    'data-highlight': p.highlighted?.includes(p.data.nodeNames[node]) || undefined,
    role: isInert ? 'img' : 'button',
    'aria-haspopup': isInert ? undefined : ('menu' as const),
    tabIndex: node === p.focused ? 0 : -1,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => p.onNodeKeyDown(node, e),
    onClick: (e: MouseEvent<HTMLElement>) => p.onNodeClick(node, e),
    onFocus: () => p.onNodeFocus(node),
  };
}

function Card(p: StageNodesProps & { node: number; isDetail?: boolean }) {
  const { geometry: g, node, spec, refs } = p;
  const e = refs.of(node);
  const w = 2 * g.halfW;
  const h = 2 * g.halfH;
  const left = p.isDetail ? g.x[node] + g.halfW + 6 : g.x[node] - g.halfW;
  const top = p.isDetail ? g.y[node] - 30 : g.y[node] - g.halfH;
  const register = (el: HTMLElement | null) => {
    if (!p.isDetail) e.root = el;
  };
  const props = p.isDetail ? { 'aria-hidden': true } : nodeHandlers(p, node);
  return (
    <div ref={register} className={p.isDetail ? 'stage-card stage-card-detail' : 'stage-node stage-card'} style={p.isDetail ? { left, top } : { left, top, width: w, height: h }} {...props}>
      <span className="stage-card-head">
        <span className="stage-card-name">{p.data.nodeNames[node]}</span>
        {spec?.role && <span className="stage-card-role" ref={(el) => { e.role = el; }} />}
        {spec?.badges && <span className="stage-card-badges" ref={(el) => { e.badges = el; }} />}
        <span className="stage-card-mark" aria-hidden="true" />
      </span>
      {spec?.fields.map((field, k) => (
        <span key={field.field} className={field.cells ? 'stage-card-field stage-card-cells' : 'stage-card-field'}>
          {field.label && <span className="stage-card-label">{field.label} </span>}
          <span className="stage-card-value" ref={(el) => { e.values[k] = el; }} />
          {field.bar && (
            <span className="stage-card-bar" aria-hidden="true">
              <span ref={(el) => { e.bars[k] = el; }} />
            </span>
          )}
        </span>
      ))}
      <span className="stage-card-clock" ref={(el) => { e.clock = el; }} />
      {spec?.deadline && (
        <span className="stage-card-deadline" title={spec.deadline.label}>
          <span ref={(el) => { e.deadline = el; }} />
        </span>
      )}
    </div>
  );
}

function Target(p: StageNodesProps & { node: number }) {
  const { geometry: g, node } = p;
  const size = Math.max(TARGET_MIN, 2 * g.halfW);
  const register = (el: HTMLElement | null) => {
    p.refs.of(node).root = el;
  };
  return <div ref={register} className="stage-node stage-target" style={{ left: g.x[node] - size / 2, top: g.y[node] - size / 2, width: size, height: size }} {...nodeHandlers(p, node)} />;
}

function Clients(p: StageNodesProps) {
  const { geometry: g, data } = p;
  return (
    <>
      {data.clients.names.map((name, c) =>
        p.hasClientMenu ? (
          <button key={name} type="button" className="stage-client" data-client={name} aria-haspopup="menu" style={{ left: g.clientX[c], top: g.clientY[c] }} onClick={(e) => p.onClientClick(c, e)}>
            {name}
          </button>
        ) : (
          <span key={name} className="stage-client" data-client={name} style={{ left: g.clientX[c], top: g.clientY[c] }}>
            {name}
          </span>
        ),
      )}
    </>
  );
}
