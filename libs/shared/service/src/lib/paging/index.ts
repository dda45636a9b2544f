export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PageLimitQuery,
  PageQuery,
  pageOf,
  pageSizeOf,
  type Page,
} from './page-query';
