/**
 * Complementary suppression. Published cells are linked by sums: the rows of a breakdown add
 * up to its total, partners to their jurisdiction and jurisdictions to the whole platform
 * (levels), months to their quarter and quarters to their year (periods). A withheld cell in
 * such a sum can be recovered by subtraction unless enough of its neighbours are withheld too.
 *
 * Each sum is an equation `total = parts…`. A withheld cell is protected in an equation when
 * no other cell of it is withheld (then it is not protected at all — one unknown, one
 * equation), so at least two cells of an equation that withholds anything must be withheld;
 * and when the total is shown, the withheld parts together must still reach the minimum, or
 * the equation publishes a small number after all (their sum).
 *
 * Extra cells are chosen smallest first (the least information lost), parts before the total,
 * never a cell that is `fixed` (already published and frozen). Repeats until no equation
 * leaks, since hiding a cell for one equation can expose it in another.
 */
export interface Equation {
  total: string;
  parts: readonly string[];
}

export interface LinkedCells {
  /** Exact values of every cell named by an equation. */
  values: ReadonlyMap<string, number>;
  equations: readonly Equation[];
  /** Cells withheld by the cell rules (too small). */
  withheld: ReadonlySet<string>;
  minimum: number;
  /** Cells published before and frozen: never withheld now, and relied on as known. */
  fixed?: ReadonlySet<string>;
}

export function equationLeaks(
  equation: Equation,
  values: ReadonlyMap<string, number>,
  hidden: ReadonlySet<string>,
  minimum: number,
): boolean {
  const cells = [equation.total, ...equation.parts];
  const hiddenCells = cells.filter((cell) => hidden.has(cell));
  if (hiddenCells.length === 0) return false;
  if (hiddenCells.length === 1) return true;
  if (hidden.has(equation.total)) return false;
  const hiddenSum = equation.parts
    .filter((cell) => hidden.has(cell))
    .reduce((sum, cell) => sum + valueOf(values, cell), 0);
  return hiddenSum < minimum;
}

export function suppressLinkedCells(input: LinkedCells): Set<string> {
  const hidden = new Set(input.withheld);
  const fixed = input.fixed ?? new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const equation of input.equations) {
      if (!equationLeaks(equation, input.values, hidden, input.minimum)) continue;
      const next = nextCellToWithhold(equation, input.values, hidden, fixed);
      if (next === null) continue; // nothing left to withhold: the caller's figures are all frozen
      hidden.add(next);
      changed = true;
    }
  }
  return hidden;
}

function nextCellToWithhold(
  equation: Equation,
  values: ReadonlyMap<string, number>,
  hidden: ReadonlySet<string>,
  fixed: ReadonlySet<string>,
): string | null {
  const open = (cell: string) => !hidden.has(cell) && !fixed.has(cell);
  const parts = equation.parts.filter(open).sort((a, b) => valueOf(values, a) - valueOf(values, b) || (a < b ? -1 : 1));
  if (parts.length) return parts[0];
  return open(equation.total) ? equation.total : null;
}

function valueOf(values: ReadonlyMap<string, number>, cell: string): number {
  const value = values.get(cell);
  if (value === undefined) throw new RangeError(`no value for cell ${cell}`);
  return value;
}

/** The rows of one breakdown add up to its total. */
export function rowEquation(total: string, rows: readonly string[]): Equation {
  return { total, parts: rows };
}

/**
 * Levels: each partner's cell adds up to its jurisdiction's (with an "no partner" remainder
 * cell where some referrals never reached one), each jurisdiction's to the platform's.
 * `tree` maps a parent cell to its children.
 */
export function levelEquations(tree: ReadonlyMap<string, readonly string[]>): Equation[] {
  return [...tree.entries()].filter(([, children]) => children.length > 0).map(([total, parts]) => ({ total, parts }));
}

/** Convenience for one breakdown: which of its rows (and its total) are withheld. */
export function suppressAcrossRows(
  rows: Readonly<Record<string, number>>,
  total: number,
  minimum: number,
): Set<string> {
  const values = new Map<string, number>([...Object.entries(rows), ['total', total]]);
  const withheld = new Set([...values.entries()].filter(([, value]) => value < minimum).map(([cell]) => cell));
  return suppressLinkedCells({ values, equations: [rowEquation('total', Object.keys(rows))], withheld, minimum });
}
