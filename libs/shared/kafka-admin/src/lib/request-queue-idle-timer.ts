/**
 * kafkajs 2.2.4 keeps a timer running on every broker connection that has answered a request:
 * RequestQueue.checkPendingRequests always reschedules itself, and with nothing pending and no
 * throttling the delay is `-1 - Date.now()`, which Node turns into 1 ms. Each idle connection so
 * wakes its process ~900 times a second and spends ~4 % of a core on it (measured: 120 ms of CPU
 * in 3 s for one idle admin connection; 6 ms with this fix), and every service holds several
 * (producer, consumer, readiness admin). Node 24 also warns about the negative delay. This is
 * kafkajs issue 1751; the project has no release with a fix.
 *
 * The fix skips the reschedule when nothing is pending. Nothing else needs the timer then: a
 * request that cannot be sent at once is queued by `push`, which schedules the check itself, and
 * a request that completes calls the check. With requests pending, kafkajs's own code runs
 * unchanged (including its throttle handling).
 */
// kafkajs has no exports map; the class is the one its connections use (one module instance).
const RequestQueue = require('kafkajs/src/network/requestQueue') as RequestQueueClass;
const { version: KAFKAJS_VERSION } = require('kafkajs/package.json') as { version: string };

interface RequestQueueInstance {
  pending: unknown[];
}
interface RequestQueueClass {
  prototype: { scheduleCheckPendingRequests(this: RequestQueueInstance): void };
}

/** The kafkajs version whose RequestQueue this fix was read against. */
export const KAFKAJS_VERSION_FIXED = '2.2.4';
const FIXED = Symbol.for('rj.kafkajs.idleRequestQueueTimerFixed');

/**
 * Installs the fix once per process; true when it is in place. Another kafkajs version is left
 * alone (false): its RequestQueue must be read again before anything is changed in it.
 */
export function stopIdleRequestQueueTimers(): boolean {
  const prototype = RequestQueue.prototype as RequestQueueClass['prototype'] & { [FIXED]?: true };
  if (prototype[FIXED]) return true;
  if (KAFKAJS_VERSION !== KAFKAJS_VERSION_FIXED) return false;
  const reschedule = prototype.scheduleCheckPendingRequests;
  prototype.scheduleCheckPendingRequests = function scheduleOnlyWhenPending(this: RequestQueueInstance) {
    if (this.pending.length === 0) return;
    reschedule.call(this);
  };
  prototype[FIXED] = true;
  return true;
}
