import type { Request } from 'express';
import { ProblemException, ValidationProblem } from '@rj/shared/service';

/** 5,000 referrals with every column filled are about 4 MB; twice that leaves room for long notes. */
export const IMPORT_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export interface UploadedCsv {
  buffer: Buffer;
}

/**
 * The CSV of an import request: the `file` part of a multipart form (multer has read it), or a
 * `text/csv` body read here, as the service's JSON parser does not take CSV. UTF-8 either way.
 */
export async function csvOfRequest(req: Request, file: UploadedCsv | undefined): Promise<string> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    if (!file)
      throw new ValidationProblem([
        { field: 'file', message: 'is required: the CSV file as the form part named file' },
      ]);
    return file.buffer.toString('utf8');
  }
  if (type.startsWith('text/csv')) return readBody(req);
  throw new ProblemException({
    type: 'about:blank',
    title: 'Unsupported Media Type',
    status: 415,
    detail: 'Send the CSV as a text/csv body, or as the part named file of a multipart/form-data form.',
  });
}

async function readBody(req: Request): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > IMPORT_BODY_LIMIT_BYTES) {
      req.unpipe();
      throw new ProblemException({
        type: 'urn:rj:problem:payload-too-large',
        title: 'Payload too large',
        status: 413,
        detail: `The file exceeds the limit of ${IMPORT_BODY_LIMIT_BYTES / 1024 / 1024} MB.`,
      });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
