import { regressions, resultRow, resultsFileName, type Results } from './results';
import { row } from './report';

const results = (...rows: Array<Parameters<typeof row>>): Results => ({
  rows: rows.map((args) => resultRow(row(...args))),
});

describe('bench results', () => {
  it('records the ratio, the goal and whether it is met', () => {
    expect(resultRow(row('P3', 100, 10, 10, { atMost: 20 }))).toEqual({
      figure: 'P3',
      value: '100',
      baseline: '10.0',
      ratio: 10,
      goal: '≤ 20×',
      met: true,
    });
    expect(resultRow(row('P10', 1, 2, 0.5, { atLeast: 0.7 }))).toMatchObject({ goal: '≥ 0.7×', met: false });
    expect(resultRow(row('no ratio', 'x', 'none'))).toMatchObject({ ratio: null, goal: null, met: null });
  });

  it('flags ratios that worsened by more than 25 % in the direction of their goal', () => {
    const previous = results(
      ['lower is better', 1, 1, 4, { atMost: 10 }],
      ['higher is better', 1, 1, 0.8, { atLeast: 0.7 }],
      ['slightly worse', 1, 1, 4, { atMost: 10 }],
      ['no goal', 1, 1, 1],
    );
    const current = results(
      ['lower is better', 1, 1, 5.5, { atMost: 10 }],
      ['higher is better', 1, 1, 0.5, { atLeast: 0.7 }],
      ['slightly worse', 1, 1, 4.9, { atMost: 10 }],
      ['no goal', 1, 1, 9],
      ['new figure', 1, 1, 100, { atMost: 10 }],
    );
    expect(regressions(previous, current)).toEqual([
      { figure: 'lower is better', previous: 4, current: 5.5 },
      { figure: 'higher is better', previous: 0.8, current: 0.5 },
    ]);
  });

  it('names results files by their UTC time, in an order that sorts', () => {
    expect(resultsFileName(new Date('2026-12-07T04:05:06.789Z'))).toBe('2026-12-07T04-05-06Z.json');
  });
});
