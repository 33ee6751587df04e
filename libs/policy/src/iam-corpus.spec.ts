import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { evaluateCase, type SimulationCase } from './evaluate-case';
import { type Decision } from './evaluation-result';

/** The corpus of simulation cases with their expected decisions (the case format of docs/AUTHORIZATION.md). */
const CORPUS = path.resolve(__dirname, '../fixtures/iam-corpus.jsonl');

interface CorpusCase extends SimulationCase {
  readonly id: string;
  readonly features: readonly string[];
  readonly expected: {
    readonly decision: Decision;
    readonly awsDocs?: Decision;
    readonly deviation?: readonly string[];
  };
}

const cases: CorpusCase[] = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as CorpusCase);

describe('iam-diff corpus (differential test 1)', () => {
  it('holds the 2,000 cases of iam.md §8', () => {
    expect(cases).toHaveLength(2_000);
  });

  it('gives expected.awsDocs ?? expected.decision for every case', () => {
    const failures = cases
      .map((corpusCase) => ({
        id: corpusCase.id,
        expected: corpusCase.expected.awsDocs ?? corpusCase.expected.decision,
        actual: evaluateCase(corpusCase).decision,
      }))
      .filter(({ expected, actual }) => expected !== actual);
    expect(failures).toEqual([]);
  });

  it('follows the AWS documentation where the oracle departs from it (iam.md §9)', () => {
    const deviations = cases.filter((corpusCase) => corpusCase.expected.awsDocs !== undefined);
    expect(deviations.length).toBeGreaterThan(0);
    for (const corpusCase of deviations) {
      expect({ id: corpusCase.id, decision: evaluateCase(corpusCase).decision }).toEqual({
        id: corpusCase.id,
        decision: corpusCase.expected.awsDocs,
      });
    }
  });
});
