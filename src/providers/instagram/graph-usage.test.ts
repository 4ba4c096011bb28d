import { describe, expect, it } from 'vitest';
import { parseAppUsage, parseBusinessUsage } from './graph-usage.js';

describe('usage header parsing', () => {
  it('takes the worst entry per id and the largest of the three percentages', () => {
    const header = JSON.stringify({
      '17841405309211844': [
        { type: 'instagram', call_count: 12, total_cputime: 85, total_time: 3 },
        {
          type: 'messenger',
          call_count: '40',
          total_cputime: 1,
          total_time: 2,
          estimated_time_to_regain_access: 4,
        },
      ],
      '17840000000000001': { type: 'instagram', call_count: 5 },
    });
    const usage = parseBusinessUsage(header);
    expect(usage.get('17841405309211844')).toEqual({
      callCount: 40,
      totalTime: 3,
      totalCputime: 85,
      percent: 85,
      type: 'instagram',
      estimatedTimeToRegainAccessMin: 4,
    });
    expect(usage.get('17840000000000001')?.percent).toBe(5);
  });

  it('returns nothing for absent or broken headers instead of throwing', () => {
    expect(parseAppUsage(null)).toBeNull();
    expect(parseAppUsage('[1,2]')).toBeNull();
    expect(parseBusinessUsage('{"a": "b"').size).toBe(0);
    expect(parseBusinessUsage('{"a": [null, 3]}').size).toBe(0);
    expect(parseAppUsage('{"call_count": -5, "total_time": "x"}')).toMatchObject({ percent: 0 });
  });
});
