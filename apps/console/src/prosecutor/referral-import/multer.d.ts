/** The part of multer (a dependency of @nestjs/platform-express, which types it no further) the import upload uses. */
declare module 'multer' {
  import type { RequestHandler } from 'express';

  interface MulterOptions {
    storage?: unknown;
    limits?: { fileSize?: number; files?: number; fields?: number; parts?: number; fieldSize?: number };
  }

  interface Multer {
    single(fieldName: string): RequestHandler;
  }

  function multer(options?: MulterOptions): Multer;

  namespace multer {
    function memoryStorage(): unknown;
    class MulterError extends Error {
      readonly code: string;
    }
  }

  export = multer;
}
