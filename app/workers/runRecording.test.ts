import { describe, expect, it } from 'vitest';
import { parseRunRecording } from './protocol';

const ok = { inputs: { tweets: [[[{ id: 1, text: 'a #b', hashtags: ['#b'] }], []], []] }, batches: 2, unreadPartitions: 0 };

describe('parseRunRecording (the driver\'s reply to runRecording, untrusted)', () => {
  it('takes plain recorded data as it is, the truncation note included', () => {
    expect(parseRunRecording(ok)).toEqual(ok);
    const cut = { ...ok, truncated: { limit: 'maxRecords', value: 20000 } };
    expect(parseRunRecording(cut)).toEqual(cut);
  });

  it.each([
    ['no inputs', { ...ok, inputs: undefined }],
    ['a batch that is not a list of partitions', { ...ok, inputs: { s: [['x']] } }],
    ['a record that is not plain data (a function)', { ...ok, inputs: { s: [[[() => 1]]] } }],
    ['a record that is not plain data (a Map)', { ...ok, inputs: { s: [[[new Map()]]] } }],
    ['a number that no literal prints (NaN)', { ...ok, inputs: { s: [[[Number.NaN]]] } }],
    ['nesting deeper than 16', { ...ok, inputs: { s: [[[JSON.parse('['.repeat(20) + ']'.repeat(20)) as unknown]]] } }],
    ['an unknown limit', { ...ok, truncated: { limit: 'maxBytes', value: 1 } }],
    ['a negative batch count', { ...ok, batches: -1 }],
  ])('refuses %s', (_why, v) => {
    expect(parseRunRecording(v)).toBeNull();
  });
});
