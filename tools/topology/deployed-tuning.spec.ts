import { deployedTuning, tuningOfConfigMap } from './deployed-tuning';

describe("the consumer settings a service's ConfigMap tunes, which the pipeline bench runs it with", () => {
  it('takes only the consumer settings, as strings, from a ConfigMap', () => {
    const yaml = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'data:',
      '  PORT: "3003"',
      '  KAFKA_FETCH_MIN_BYTES: "65536"',
      '  CONSUMER_MAX_EVENTS_PER_TRANSACTION: 10',
    ].join('\n');
    expect(tuningOfConfigMap(yaml)).toEqual({
      KAFKA_FETCH_MIN_BYTES: '65536',
      CONSUMER_MAX_EVENTS_PER_TRANSACTION: '10',
    });
    expect(tuningOfConfigMap('apiVersion: v1\nkind: ConfigMap\n')).toEqual({});
  });

  it("reads mediation-scheduling's fetch settings from k8s/base, and none for matching, on a referral's path", () => {
    expect(deployedTuning('mediation-scheduling')).toEqual({
      KAFKA_FETCH_MIN_BYTES: '65536',
      KAFKA_FETCH_MAX_WAIT_MS: '500',
    });
    expect(deployedTuning('partner-matching')).toEqual({});
    expect(deployedTuning('no-such-service')).toEqual({});
  });
});
