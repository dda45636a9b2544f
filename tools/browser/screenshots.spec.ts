import { screenshotsWanted } from './browser-test';

describe('the browser tests’ screenshots', () => {
  it('are saved unless BROWSER_SCREENSHOTS=off, as CI sets it', () => {
    expect(screenshotsWanted({})).toBe(true);
    expect(screenshotsWanted({ BROWSER_SCREENSHOTS: 'on' })).toBe(true);
    expect(screenshotsWanted({ BROWSER_SCREENSHOTS: 'off' })).toBe(false);
  });

  it('are turned off by CI’s script, which no one can look at them from', () => {
    const ciScript = require('node:fs').readFileSync(require('node:path').join(__dirname, '../../.ci/run'), 'utf8');
    expect(ciScript).toMatch(/^export BROWSER_SCREENSHOTS=off$/m);
  });
});
