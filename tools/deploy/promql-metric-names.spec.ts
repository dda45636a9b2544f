import { metricNamesOf } from './promql-metric-names';

describe('metricNamesOf', () => {
  it('finds the metrics and skips functions, labels, ranges, grouping and keywords', () => {
    expect(
      metricNamesOf('histogram_quantile(0.95, sum by (le, topic) (rate(rj_inbox_apply_duration_seconds_bucket[5m])))'),
    ).toEqual(['rj_inbox_apply_duration_seconds_bucket']);
    expect(metricNamesOf('sum(increase(rj_emails_failed_total{final="true", reason=~"E.*"}[15m])) > 0')).toEqual([
      'rj_emails_failed_total',
    ]);
    expect(
      metricNamesOf(
        'max by (topic, partition) (rj_consumer_lag_messages) > 0 and max by (topic, partition) (deriv(rj_consumer_lag_messages[10m])) > 0',
      ),
    ).toEqual(['rj_consumer_lag_messages']);
    expect(metricNamesOf('sum(rate(a_total[5m])) / (sum(rate(a_total[5m])) + sum(rate(b_total[5m])))').sort()).toEqual([
      'a_total',
      'b_total',
    ]);
    expect(metricNamesOf('up == 0 unless on (pod) kube_pod_info offset 5m').sort()).toEqual(['kube_pod_info', 'up']);
  });
});
