'use strict';
module.exports = async function globalTeardown() {
  await globalThis.__RJ_BROWSER_STACK__?.stop();
};
