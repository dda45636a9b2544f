import { Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import { LEDGER_NDJSON_LINE_COLUMN, streamLedger, type LedgerFilter } from '@rj/audit/data-access';
import { csvHeader, csvRow } from '@rj/audit/domain';

/**
 * The replay and export bodies as a stream of text chunks, one per fetched batch: memory holds
 * at most a couple of batches, however long the ledger. Pipe into the response with
 * stream.pipeline, which waits for the client (backpressure) and, if it goes away, stops the
 * generator — and the cursor's transaction with it.
 */
export async function* ledgerText(
  dataSource: DataSource,
  filter: LedgerFilter,
  format: 'ndjson' | 'csv',
  batchSize: number,
): AsyncGenerator<string> {
  if (format === 'ndjson') {
    for await (const rows of streamLedger<{ line: string }>(dataSource, filter, {
      batchSize,
      columns: LEDGER_NDJSON_LINE_COLUMN,
    })) {
      let chunk = '';
      for (const row of rows) chunk += `${row.line}\n`;
      yield chunk;
    }
    return;
  }
  yield csvHeader();
  for await (const rows of streamLedger(dataSource, filter, { batchSize })) {
    let chunk = '';
    for (const row of rows) chunk += csvRow(row);
    yield chunk;
  }
}

const logger = new Logger('LedgerStream');

/**
 * Sends a text stream as the response body. Once the status is out, a failure can only cut
 * the body short (the client sees an incomplete last line); it is logged, not re-thrown into
 * an error response that can no longer be sent. A client that leaves is not an error.
 */
export async function sendStream(
  res: ServerResponse,
  contentType: string,
  chunks: AsyncIterable<string>,
): Promise<void> {
  res.statusCode = 200;
  res.setHeader('content-type', contentType);
  try {
    await pipeline(Readable.from(chunks), res);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
      logger.error(`stream failed: ${(error as Error).message}`);
    res.destroy();
  }
}
