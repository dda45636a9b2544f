import { NotFoundException } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL: anything that is not a UUID is simply a page that does not exist. */
export function pageId(value: string): string {
  if (!UUID.test(value)) throw new NotFoundException();
  return value.toLowerCase();
}
