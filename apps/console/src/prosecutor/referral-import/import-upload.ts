import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';

/** The page a prosecutor uploads a CSV of referrals on. */
export const REFERRAL_IMPORT_PATH = '/referrals/import';
/** As referral-intake takes at most (IMPORT_BODY_LIMIT_BYTES): about 5,000 full rows twice over. */
export const MAX_IMPORT_FILE_BYTES = 8 * 1024 * 1024;

export interface UploadedImport {
  /** The file's text, or null when none was chosen. */
  csv: string | null;
  /** Why the upload was refused before it reached the service ('too_large'). */
  refused?: 'too_large' | 'unreadable';
}

const parse = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024 },
}).single('file');

/**
 * Reads the multipart form of the import page before the CSRF check, so the form's `_csrf`
 * field is in the body like any form's; the file stays in memory for the page to forward. A
 * refusal (too large) is kept for the page to say, not thrown as an error page.
 */
export function importUpload(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'POST' || !req.is('multipart/form-data')) return next();
  parse(req, res, (error?: unknown) => {
    const file = (req as Request & { file?: { buffer: Buffer } }).file;
    const upload: UploadedImport = error
      ? { csv: null, refused: (error as { code?: string }).code === 'LIMIT_FILE_SIZE' ? 'too_large' : 'unreadable' }
      : { csv: file && file.buffer.length > 0 ? file.buffer.toString('utf8') : null };
    res.locals['referralImport'] = upload;
    next();
  });
}
