import { declareLedgerCursor, LEDGER_CURSOR } from './ledger-cursor';
import { LEDGER_ROW_COLUMNS } from './ledger-rows';

describe('declareLedgerCursor', () => {
  it('declares the cursor over the ledger row columns in sequence order, its filter as parameters', () => {
    const declare = declareLedgerCursor({ afterSequence: 41, aggregateId: 'agg-1' });
    expect(declare.sql).toBe(
      `declare ${LEDGER_CURSOR} no scroll cursor for select ${LEDGER_ROW_COLUMNS} from ledger_entry where aggregate_id = $1 and sequence > $2 order by ledger_entry.sequence`,
    );
    expect(declare.params).toEqual(['agg-1', 41]);
  });

  it('reads only the columns asked for, and orders by event time first (ties in ledger order) for a fold', () => {
    const declare = declareLedgerCursor({}, { columns: 'sequence, hash', orderBy: 'occurrence' });
    expect(declare.sql).toBe(
      `declare ${LEDGER_CURSOR} no scroll cursor for select sequence, hash from ledger_entry  order by ledger_entry.occurred_at, ledger_entry.sequence`,
    );
    expect(declare.params).toEqual([]);
  });

  it('never puts a filter value into the SQL text', () => {
    const declare = declareLedgerCursor({ type: "x'; drop table ledger_entry; --" });
    expect(declare.sql).not.toContain('drop table');
    expect(declare.params).toEqual(["x'; drop table ledger_entry; --"]);
  });
});
