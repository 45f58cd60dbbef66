/**
 * The API of one pool worker (./worker.ts in the page, the CLI's threads): computes one part of a
 * lab's batch run (units from..to-1) and returns it with its buffers moved. It checks what the simulation
 * worker checks (lab, scenario, cost), because a worker trusts nothing.
 */
import { transfer as comlinkTransfer } from 'comlink';
import { BudgetExceeded, type BaseScenario, type LabSpec } from '../labs/contract';
import { fail, format, runContext, PROGRESS_INTERVAL_MS, WORK_BUDGET } from './api';
import type { PartReply } from './pool';
import { collectTransferables } from './transferables';

export interface BatchWorkerApi {
  part(labId: string, scenario: unknown, from: number, to: number, onProgress?: (fraction: number) => void): Promise<PartReply>;
}

export interface BatchApiOptions {
  findLab: (id: string) => LabSpec | undefined;
  budget?: number;
  now?: () => number;
  transfer?: <T>(value: T, transferables: Transferable[]) => T;
}

export function createBatchApi(options: BatchApiOptions): BatchWorkerApi {
  const budget = options.budget ?? WORK_BUDGET;
  const now = options.now ?? (() => performance.now());
  const transfer = options.transfer ?? comlinkTransfer;
  return {
    async part(labId, input, from, to, onProgress) {
      const reply = await partChecked(labId, input, from, to, onProgress);
      return reply.ok ? transfer(reply, collectTransferables(reply.part)) : reply;
    },
  };

  async function partChecked(labId: string, input: unknown, from: number, to: number, onProgress?: (f: number) => void): Promise<PartReply> {
    const spec = options.findLab(labId);
    if (!spec) return fail('unknown-lab', `There is no lab called "${String(labId)}".`);
    const checked = spec.validate(input);
    if (!checked.ok) return fail('invalid-scenario', checked.issues.map((issue) => issue.message).join('; '));
    const scenario: BaseScenario = checked.value;
    if (!(spec.cost(scenario) <= budget)) return fail('over-budget', `This scenario is over the work budget of ${format(budget)} units.`);
    try {
      const { batch } = await spec.loadProgram();
      if (!batch) return fail('crashed', `The lab "${labId}" has no batch runs.`);
      const units = batch.units(scenario);
      if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= units)) {
        return fail('crashed', `The simulation failed: invalid part ${from}..${to} of ${units} units`);
      }
      return { ok: true, part: batch.part(scenario, from, to, runContext(budget, PROGRESS_INTERVAL_MS, now, onProgress)) };
    } catch (error) {
      if (error instanceof BudgetExceeded) return fail('budget-exceeded', `The run was stopped: it exceeded the work budget of ${format(budget)} units.`);
      return fail('crashed', `The simulation failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
