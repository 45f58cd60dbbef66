/**
 * The client request event of the closed-loop labs (src/sim/kit/clientRequest.ts), for a lab's scenario:
 * its EventSpec (validation, link codec, forms) with the client index bounded by the lab's client limit,
 * and the check of a script against the scenario's own client count.
 *
 *   export const events = [...faultEventSpecs(FAULTS, { nodeMax: 8 }), requestEventSpec({ clientsMax: 8 })];
 *   issues.push(...checkRequestEvents(s.events, s.clients));
 */
import { REQUEST_EVENT, REQUEST_OPS } from '../sim/kit/clientRequest';
import type { EventSpec, ValidationIssue } from './contract';

export { REQUEST_EVENT, REQUEST_OPS, type ClientRequestEvent, type RequestOp } from '../sim/kit/clientRequest';

/** The request's EventSpec: `client` in 0..clientsMax-1, `op` write or read. */
export function requestEventSpec(options: { clientsMax: number; help?: string }): EventSpec {
  return {
    type: REQUEST_EVENT.type,
    label: REQUEST_EVENT.label,
    help: options.help ?? REQUEST_EVENT.doc,
    fields: [
      { key: 'client', label: 'Client', kind: 'int', min: 0, max: options.clientsMax - 1, help: REQUEST_EVENT.clientHelp },
      { key: 'op', label: 'Operation', kind: 'enum', options: REQUEST_OPS, help: REQUEST_EVENT.opHelp },
    ],
  };
}

/** Issues of the request events of a script on a run of `clients` clients (c0..c(clients-1)). */
export function checkRequestEvents(events: readonly { type: string; client?: unknown }[], clients: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  events.forEach((event, i) => {
    if (event.type !== REQUEST_EVENT.type) return;
    const client = event.client as number;
    if (client >= clients) issues.push({ path: `events[${i}].client`, message: `events[${i}].client must name a client c0..c${clients - 1}, got ${client}` });
  });
  return issues;
}

/** A request as menus and scripts name it: "Write from c1", "Read from c1" (k0 etc. are the lab's to add). */
export function requestLabel(event: { client: number; op: string }): string {
  return `${event.op === 'write' ? 'Write' : 'Read'} from c${event.client}`;
}
