import type { Dashboard } from '../../../web/src/api/types';
import { mergeDashboards, notOlder } from '../../../web/src/dashboards/newer-dashboards';

const dashboard = (city: string, lastEventPosition: string, enrolled: number, asOf: string | null = null): Dashboard =>
  ({ city, programme: null, asOf, lastEventPosition, enrolled }) as Dashboard;

describe('which dashboard is shown: the newest of each scope, by log position', () => {
  it('takes the same or a later position, and not an earlier one, compared beyond a Number’s precision', () => {
    expect(notOlder(dashboard('paris', '9007199254740993', 2), dashboard('paris', '9007199254740992', 1))).toBe(true);
    expect(notOlder(dashboard('paris', '9007199254740992', 1), dashboard('paris', '9007199254740993', 2))).toBe(false);
    expect(notOlder(dashboard('paris', '10', 1), dashboard('paris', '9', 1))).toBe(true);
    expect(notOlder(dashboard('paris', '7', 1), dashboard('paris', '7', 1))).toBe(true);
  });

  it("orders researchers' figures, always at position '0', by their month end", () => {
    expect(notOlder(dashboard('paris', '0', 5, '2026-10-31'), dashboard('paris', '0', 4, '2026-09-30'))).toBe(true);
    expect(notOlder(dashboard('paris', '0', 4, '2026-09-30'), dashboard('paris', '0', 5, '2026-10-31'))).toBe(false);
    expect(notOlder(dashboard('paris', '0', 5, '2026-10-31'), dashboard('paris', '0', 5, '2026-10-31'))).toBe(true);
  });

  it('merges a push or an answer read again into what is shown, scope by scope, a late older answer changing nothing', () => {
    const shown = [dashboard('paris', '12', 3), dashboard('frankfurt', '8', 2)];
    expect(mergeDashboards(undefined, shown)).toBe(shown);
    expect(mergeDashboards(shown, [dashboard('frankfurt', '13', 4)])).toEqual([dashboard('paris', '12', 3), dashboard('frankfurt', '13', 4)]);
    expect(mergeDashboards(shown, [dashboard('paris', '11', 2), dashboard('frankfurt', '9', 5)])).toEqual([dashboard('paris', '12', 3), dashboard('frankfurt', '9', 5)]);
  });
});
