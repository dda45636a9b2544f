/**
 * The faults, on a fixed seed: the same seed gives the same order, times and downtimes, so
 * a failure found once can be run again. Each service dies by SIGKILL once (twice in a long
 * run), the broker is killed and restarted once, Redis once (coming back empty).
 */
import { SERVICE_NAMES, type ServiceName } from '../e2e/platform';

export type FaultTarget = ServiceName | 'kafka' | 'redis';

export interface Fault {
  target: FaultTarget;
  /** Seconds after the drive starts. */
  at: number;
  /** How long the target stays down before it is started again. */
  downMs: number;
}

/** mulberry32: small, fast and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function faultSchedule(seed: number, windowSeconds: number, serviceKills = 1): Fault[] {
  const random = seededRandom(seed);
  const targets: FaultTarget[] = [
    ...Array.from({ length: serviceKills }, () => [...SERVICE_NAMES]).flat(),
    'kafka',
    'redis',
  ];
  // Fisher-Yates on the seed.
  for (let i = targets.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [targets[i], targets[j]] = [targets[j], targets[i]];
  }
  // Evenly spread slots with jitter, so faults overlap the traffic but not each other.
  const slot = windowSeconds / targets.length;
  return targets.map((target, i) => ({
    target,
    at: Math.round(5 + i * slot + random() * slot * 0.5),
    downMs: Math.round(500 + random() * 3500),
  }));
}
