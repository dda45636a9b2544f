import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';

type ModuleRef = Type<unknown> | DynamicModule | ForwardReference | Promise<DynamicModule> | undefined;

/** Whether `target` is imported anywhere below `root` (static or dynamic imports). */
export function containsModule(root: ModuleRef, target: Type<unknown>, seen = new Set<unknown>()): boolean {
  if (!root || seen.has(root) || root instanceof Promise) return false;
  seen.add(root);
  if (root === target) return true;
  if ('forwardRef' in root) return containsModule(root.forwardRef() as ModuleRef, target, seen);
  const cls = 'module' in root ? root.module : (root as Type<unknown>);
  if (cls === target) return true;
  const imports: ModuleRef[] = [
    ...(Reflect.getMetadata('imports', cls) ?? []),
    ...('module' in root ? (root.imports ?? []) : []),
  ];
  return imports.some((child) => containsModule(child, target, seen));
}
