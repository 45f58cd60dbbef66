/**
 * The scenario slice: the current lab, its scenario, and undo/redo stacks of whole scenarios. Every user
 * action is an edit here: validate (spec.validate), push undo, write the link, re-run.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { BaseScenario } from '../../labs/contract';
import { insertEventAt } from './events';
import type { AppState, EditOutcome, ScenarioSlice, StoreDeps } from './types';

/** Undo depth; older entries fall off (a limit on everything). */
export const UNDO_LIMIT = 200;

export function scenarioSlice(deps: StoreDeps): StateCreator<AppState, [], [], ScenarioSlice> {
  return (set, get) => {
    const findLab = (id: string) => deps.labs.find((lab) => lab.id === id);
    const { show, commit } = editor(deps, set, get);

    return {
      labs: deps.labs,
      findLab,
      labId: undefined,
      scenario: undefined,
      undoStack: [],
      redoStack: [],

      openLab(labId, scenario) {
        const spec = findLab(labId);
        if (!spec) throw new Error(`invalid lab: ${labId}`);
        const sameLab = get().labId === labId;
        set({
          labId,
          undoStack: [],
          redoStack: [],
          lessonFocus: undefined,
          t: 0,
          playing: false,
          ...(sameLab ? {} : { result: undefined, resultScenario: undefined, runError: undefined }),
        });
        show(structuredClone(scenario ?? spec.defaults));
      },

      closeLab() {
        set({
          labId: undefined, scenario: undefined, undoStack: [], redoStack: [], lessonFocus: undefined, result: undefined,
          resultScenario: undefined, runError: undefined, runState: 'idle', progress: 0, t: 0, playing: false,
          runSeq: get().runSeq + 1,
        });
      },

      editScenario(label, edit, seekTo) {
        const { scenario } = get();
        if (!scenario) return { ok: false, issues: [{ path: '', message: 'no lab is open' }] };
        // The edit gets a copy, so a careless in-place edit cannot corrupt undo history.
        return commit(label, edit(structuredClone(scenario)), seekTo);
      },

      insertEvent(draft, options = {}) {
        const { scenario } = get();
        if (!scenario) return { ok: false, issues: [{ path: '', message: 'no lab is open' }] };
        const t = options.t ?? get().t;
        const events = insertEventAt(scenario.events, draft, t);
        return commit(options.label ?? `insert ${draft.type} at ${formatTime(t)}`, { ...structuredClone(scenario), events });
      },

      ...historyActions(set, get, show),
    };
  };
}

/** Showing a scenario (link and run follow) and committing an edit (validated, undoable, announced). */
function editor(deps: StoreDeps, set: (partial: Partial<AppState>) => void, get: () => AppState) {
  const findLab = (id: string) => deps.labs.find((lab) => lab.id === id);
  /** Makes `scenario` current: history is the caller's business; link and run follow here. */
  function show(scenario: BaseScenario): void {
    const { labId, presentation } = get();
    const spec = labId === undefined ? undefined : findLab(labId);
    set({ scenario });
    // The run first: writing the address bar (history.replaceState) costs ~10 ms at a large scenario in
    // Chromium, and the worker need not wait for it.
    void get().startRun();
    if (spec) deps.writeLink(spec, scenario, presentation);
  }

  function commit(label: string, next: unknown, seekTo?: number): EditOutcome {
    const { labId, scenario } = get();
    const spec = labId === undefined ? undefined : findLab(labId);
    if (!spec || !scenario) return { ok: false, issues: [{ path: '', message: 'no lab is open' }] };
    const checked = spec.validate(next);
    if (!checked.ok) return { ok: false, issues: checked.issues };
    const undoStack = [...get().undoStack, { label, scenario }].slice(-UNDO_LIMIT);
    set({ undoStack, redoStack: [] });
    show(checked.value);
    // show() started the run synchronously, so runSeq now names it.
    if (seekTo !== undefined) set({ pendingSeek: { seq: get().runSeq, t: seekTo } });
    get().announce(`${label}.`);
    return { ok: true };
  }

  return { show, commit };
}

/** Undo and redo: whole scenarios move between the stacks; the one shown re-runs. */
function historyActions(
  set: (partial: Partial<AppState>) => void,
  get: () => AppState,
  show: (scenario: BaseScenario) => void,
): Pick<ScenarioSlice, 'undo' | 'redo'> {
  return {
    undo() {
      const { undoStack, redoStack, scenario } = get();
      const entry = undoStack.at(-1);
      if (!entry || !scenario) return;
      set({ undoStack: undoStack.slice(0, -1), redoStack: [...redoStack, { label: entry.label, scenario }] });
      show(entry.scenario);
      get().announce(`Undid ${entry.label}.`);
    },

    redo() {
      const { undoStack, redoStack, scenario } = get();
      const entry = redoStack.at(-1);
      if (!entry || !scenario) return;
      set({ redoStack: redoStack.slice(0, -1), undoStack: [...undoStack, { label: entry.label, scenario }] });
      show(entry.scenario);
      get().announce(`Redid ${entry.label}.`);
    },
  };
}

function formatTime(t: number): string {
  return Number.isInteger(t) ? String(t) : t.toFixed(3).replace(/0+$/, '');
}
