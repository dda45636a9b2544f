import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A frame's owner: an npm package or a project of the workspace; undefined for the runtime's own frames. */
function ownerOf(url: string): string | undefined {
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const workspace = /\/(apps\/[^/]+|libs\/[^/]+\/[^/]+|tools\/[^/]+)\//.exec(url);
  return workspace?.[1];
}

/**
 * Self time per owner across the CPU profiles in `dir`, for samples between `fromMs` and `toMs`
 * after the process started (the measured run, not start-up). Time spent in the runtime —
 * native code, node's internals — counts for the nearest caller that has an owner (crypto
 * for the pii lib, JSON.parse for the body parser), so the table says whose work it was.
 */
export function summariseCpuProfiles(
  dir: string,
  fromMs: number,
  toMs: number,
): { owner: string; ms: number; share: number }[] {
  const totals = new Map<string, number>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const owners = new Map<number, string>();
    const ownerOfNode = (id: number): string => {
      const known = owners.get(id);
      if (known) return known;
      const node = byId.get(id);
      const name = node?.callFrame.functionName ?? '';
      const owner =
        (node && ownerOf(node.callFrame.url)) ??
        (name === '(garbage collector)'
          ? 'GC'
          : name === '(idle)' || name === '(program)'
            ? name
            : parent.has(id)
              ? ownerOfNode(parent.get(id) as number)
              : 'runtime');
      owners.set(id, owner);
      return owner;
    };
    let at = 0;
    profile.samples.forEach((id, i) => {
      at += (profile.timeDeltas[i] ?? 0) / 1000;
      if (at < fromMs || at > toMs) return;
      const owner = ownerOfNode(id);
      totals.set(owner, (totals.get(owner) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
  }
  totals.delete('(idle)');
  totals.delete('(program)');
  const busy = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals.entries()].map(([owner, ms]) => ({ owner, ms, share: ms / busy })).sort((a, b) => b.ms - a.ms);
}
