import { describe, expect, it } from 'vitest';
import { CompactBuffer } from './compactBuffer';
import { formatDouble, formatPrintedBatch, formatRecord, PRINT_RULE } from './format';
import { None, Some } from './option';
import { Duration, Time } from './time';

/** [JS literal, Java 17 Double.toString of the same double] — produced on a JVM. */
const javaDoubles: [string, string][] = [["1524071616586.2979", "1.5240716165862979E12"], ["-4466157581191.51", "-4.46615758119151E12"], ["-2551668297.9650793", "-2.5516682979650793E9"], ["184977378929.03387", "1.8497737892903387E11"], ["1.8709110259078445e-16", "1.8709110259078445E-16"], ["0.000008635995839722455", "8.635995839722455E-6"], ["-1.7823466961272063e-16", "-1.7823466961272063E-16"], ["-6.094356765970588e-8", "-6.094356765970588E-8"], ["2321285491343587.5", "2.3212854913435875E15"], ["3.1274648872204125e-11", "3.1274648872204125E-11"], ["-1.0241217678412795e-8", "-1.0241217678412795E-8"], ["-13005267898552.12", "-1.300526789855212E13"], ["-1480.5597555823624", "-1480.5597555823624"], ["222728.77558134496", "222728.77558134496"], ["-492.14730341918766", "-492.14730341918766"], ["913082.8711204231", "913082.8711204231"], ["-838434.5355443656", "-838434.5355443656"], ["547842.8327478468", "547842.8327478468"], ["-4500312.383752316", "-4500312.383752316"], ["0.003959665053989738", "0.003959665053989738"], ["174.50853646732867", "174.50853646732867"], ["-0.04847596508916468", "-0.04847596508916468"], ["-2.745835343375802", "-2.745835343375802"], ["-45.45325948856771", "-45.45325948856771"], ["0.1", "0.1"], ["0.3333333333333333", "0.3333333333333333"], ["0.30000000000000004", "0.30000000000000004"], ["0.001", "0.001"], ["0.0009999", "9.999E-4"], ["9999999.5", "9999999.5"], ["1e-7", "1.0E-7"], ["123456.789", "123456.789"], ["5e-324", "4.9E-324"], ["1.7976931348623157e+308", "1.7976931348623157E308"], ["1e21", "1.0E21"], ["NaN", "NaN"], ["Infinity", "Infinity"], ["-Infinity", "-Infinity"]];

describe('formatDouble = Java Double.toString', () => {
  it.each(javaDoubles)('%s → %s', (js, java) => expect(formatDouble(Number(js))).toBe(java));
});

class Point { constructor(readonly x: number, readonly y: number) {} toString() { return `P(${this.x},${this.y})`; } }

const records: [string, unknown, string][] = [
  ['string raw', 'hello world', 'hello world'],
  ['empty string', '', ''],
  ['Integer', 42, '42'],
  ['negative Integer', -7, '-7'],
  ['-0 is the Integer 0', -0, '0'],
  ['Long', 5000000000, '5000000000'],
  ['Double', 0.5, '0.5'],
  ['small Double', 0.00001, '1.0E-5'],
  ['bigint Long', 9223372036854775807n, '9223372036854775807'],
  ['true', true, 'true'],
  ['null', null, 'null'],
  ['undefined is Unit', undefined, '()'],
  ['Tuple2', ['a', 1], '(a,1)'],
  ['nested tuple', ['a', [1, 'x']], '(a,(1,x))'],
  ['Tuple3 with a Double', ['k', 2, 1.5], '(k,2,1.5)'],
  ['Tuple1', ['x'], '(x)'],
  ['tuple with null', ['k', null], '(k,null)'],
  ['Some', Some(1), 'Some(1)'],
  ['None', None, 'None'],
  ['Some of a tuple', Some(['a', 1]), 'Some((a,1))'],
  ['outer join value', ['k', [1, None]], '(k,(1,None))'],
  ['CompactBuffer', CompactBuffer.of(1, 2), 'CompactBuffer(1, 2)'],
  ['empty CompactBuffer', CompactBuffer.of(), 'CompactBuffer()'],
  ['cogroup value', ['k', [CompactBuffer.of('a'), CompactBuffer.of<string>()]], '(k,(CompactBuffer(a),CompactBuffer()))'],
  ['Map', new Map<string, number>([['a', 1], ['b', 2]]), 'Map(a -> 1, b -> 2)'],
  ['Set', new Set(['a', 'b']), 'Set(a, b)'],
  ['Time', new Time(1000), '1000 ms'],
  ['Duration', new Duration(2000), '2000 ms'],
  ['custom toString', new Point(1, 2), 'P(1,2)'],
  ['plain object as JSON', { a: 1, b: 'x' }, '{"a":1,"b":"x"}'],
  ['tuple holding an object', ['k', { n: 1 }], '(k,{"n":1})'],
];

describe('formatRecord = Scala toString', () => {
  it.each(records)('%s', (_name, value, expected) => expect(formatRecord(value)).toBe(expected));
  it('cyclic objects fall back to String()', () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    expect(formatRecord(o)).toBe('[object Object]');
  });
});

const header = (ms: number) => `${PRINT_RULE}\nTime: ${ms} ms\n${PRINT_RULE}\n`;

const batches: [string, number, unknown[], number, string][] = [
  ['empty batch still prints its header', 1000, [], 10, `${header(1000)}\n`],
  ['fewer records than num', 2000, [['a', 1], ['b', 2]], 10, `${header(2000)}(a,1)\n(b,2)\n\n`],
  ['exactly num records: no ellipsis', 3000, [1, 2, 3], 3, `${header(3000)}1\n2\n3\n\n`],
  ['num + 1 records: ellipsis', 4000, [1, 2, 3, 4], 3, `${header(4000)}1\n2\n3\n...\n\n`],
  ['print(0) with data', 5000, [1], 0, `${header(5000)}...\n\n`],
];

describe('formatPrintedBatch = DStream.print(num) for one batch', () => {
  it('the rule is 43 dashes', () => expect(PRINT_RULE).toBe('-------------------------------------------'));
  it.each(batches)('%s', (_name, time, firstNPlusOne, num, expected) => {
    expect(formatPrintedBatch(time, firstNPlusOne, num)).toBe(expected);
  });
  it('matches the console text of Spark NetworkWordCount line for line', () => {
    const text = formatPrintedBatch(1357008430000, [['hello', 1], ['world', 1]], 10);
    expect(text.split('\n')).toEqual([
      '-------------------------------------------',
      'Time: 1357008430000 ms',
      '-------------------------------------------',
      '(hello,1)',
      '(world,1)',
      '',
      '',
    ]);
  });
});
