/** Hash routing with a fake lab and a stub codec: good links open, bad links keep the original. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BaseScenario, LabSpec } from '../labs/contract';
import { fakeLab, type FakeScenario } from '../worker/testing/fakeLab';
import type { DecodeResult } from './links';
import { defaultPresentation } from './links/presentation';
import { parseLocationHash } from './links';
import { applyHash, type RouteDeps } from './route';
import { createAppStore, type AppStore } from './store';

let store: AppStore;
let spec: LabSpec;
let next: DecodeResult;

function deps(): RouteDeps {
  return { labs: [spec], decodeLink: () => next, parseLocationHash, base: 'https://host/app/' };
}

beforeEach(() => {
  spec = fakeLab() as unknown as LabSpec;
  store = createAppStore(
    { labs: [spec], runner: { run: () => new Promise(() => {}) }, writeLink: () => {} },
    { ...defaultPresentation },
  );
});

describe('applyHash', () => {
  it('applyHash("#/") shows home', () => {
    store.getState().openLab('fake');
    applyHash(store, '#/', deps());
    expect(store.getState().labId).toBeUndefined();
  });

  it('applyHash(good link) opens the decoded scenario with its presentation', () => {
    const scenario = { seed: 3, events: [], items: 42 } as BaseScenario;
    next = { ok: true, lab: spec, scenario, presentation: { ...defaultPresentation, embed: true } };
    applyHash(store, '#/fake?v=1&items=42&embed=1', deps());
    expect(store.getState().labId).toBe('fake');
    expect((store.getState().scenario as FakeScenario).items).toBe(42);
    expect(store.getState().presentation.embed).toBe(true);
    expect(store.getState().banners).toEqual([]);
  });

  it('applyHash(bad link of a known lab) loads defaults and keeps the original link in a banner', () => {
    next = {
      ok: false, lab: spec, step: 'bounds', message: 'limits: items is 5000; the limit is 1000',
      original: '/fake?v=1&items=5000', presentation: { ...defaultPresentation },
    };
    applyHash(store, '#/fake?v=1&items=5000', deps());
    expect((store.getState().scenario as FakeScenario).items).toBe(10);
    const [banner] = store.getState().banners;
    expect(banner.message).toContain('items is 5000; the limit is 1000');
    expect(banner.copyText).toBe('https://host/app/#/fake?v=1&items=5000');
  });

  it('applyHash(link to an unknown lab) stays home with the original link in a banner', () => {
    next = {
      ok: false, step: 'lab', message: 'lab: there is no lab "nope"', original: '/nope?v=1', presentation: { ...defaultPresentation },
    };
    applyHash(store, '#/nope?v=1', deps());
    expect(store.getState().labId).toBeUndefined();
    expect(store.getState().banners[0].copyText).toBe('https://host/app/#/nope?v=1');
  });

  it('applyHash(migrated link) says so', () => {
    next = { ok: true, lab: spec, scenario: spec.defaults, presentation: { ...defaultPresentation }, migratedFrom: 0 };
    applyHash(store, '#/fake?v=1&s=0', deps());
    expect(store.getState().banners[0].message).toContain('updated to version 1');
  });
});
