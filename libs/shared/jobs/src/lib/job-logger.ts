/** The slice of Nest's LoggerService the runner uses; a service passes its pino-backed logger. */
export interface JobLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
