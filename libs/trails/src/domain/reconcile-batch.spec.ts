import { nextBatchSize } from './reconcile-batch';

const sizing = { budgetMs: 40, min: 1, max: 1000 };

describe(nextBatchSize.name, () => {
  it('shrinks a batch that overran the budget in proportion', () => {
    expect(nextBatchSize(25, 200, sizing)).toBe(5);
  });

  it('grows a batch well under budget, at most doubling', () => {
    expect(nextBatchSize(25, 4, sizing)).toBe(50);
    expect(nextBatchSize(25, 0, sizing)).toBe(50);
  });

  it('keeps a batch on budget', () => {
    expect(nextBatchSize(25, 40, sizing)).toBe(25);
  });

  it('stays within its bounds', () => {
    expect(nextBatchSize(2, 10_000, sizing)).toBe(1);
    expect(nextBatchSize(800, 1, sizing)).toBe(1000);
  });
});
