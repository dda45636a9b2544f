import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { SessionUser } from '../platform/session-user';
import { SignInRequired } from './access';

/** The signed-in person (the guard has made sure there is one). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser => {
  const req = context.switchToHttp().getRequest<Request>();
  if (!req.session?.user) throw new SignInRequired('/');
  return req.session.user;
});
