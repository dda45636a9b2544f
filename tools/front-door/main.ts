/**
 * `npm start` runs this as a child process: the front door on FRONT_DOOR_PORT (default 8080).
 * FRONT_DOOR_VALIDATE=1 checks every answer against the merged OpenAPI document and prints
 * each mismatch as a `[front door] contract:` line.
 */
import { startFrontDoor } from './server';

const validate = /^(1|true|yes|on)$/i.test(process.env.FRONT_DOOR_VALIDATE ?? '')
  ? {
      onViolation: (problems: string[]) =>
        problems.forEach((problem) => process.stderr.write(`[front door] contract: ${problem}\n`)),
    }
  : undefined;

void startFrontDoor({ validate }).then(
  (frontDoor) => {
    process.stderr.write(`[front door] the whole API at ${frontDoor.url} (docs ${frontDoor.url}/api/docs)\n`);
    const stop = () => void frontDoor.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  },
  (error: Error) => {
    process.stderr.write(`[front door] could not start: ${error.message}\n`);
    process.exit(1);
  },
);
