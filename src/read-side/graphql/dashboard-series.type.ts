import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../../graphql/calendar-date.scalar';
import type { DashboardSeriesView } from '../outcomes/outcome-series.reader';
import { DashboardType } from './dashboard.type';

export const SeriesInterval = { MONTH: 'MONTH' } as const;
registerEnumType(SeriesInterval, { name: 'SeriesInterval', description: 'How far apart the points of a series are: a month (points at month ends).' });

@ObjectType('DashboardSeries', {
  description: `A dashboard's figures over time, for trend charts: one Dashboard per point, each the same figures cityDashboard
gives as of that date (exact for advisers, coordinators and admins; for researchers perturbed, of month ends they may see).`,
})
export class DashboardSeriesType implements DashboardSeriesView {
  @Field() city!: string;
  @Field(() => String, { nullable: true }) programme!: string | null;
  @Field(() => SeriesInterval) interval!: 'MONTH';
  @Field(() => CalendarDateScalar, {
    description: "The first date asked for; by default the first enrolment of the city or programme, or for researchers the first day of the series' first month.",
  })
  from!: string;
  @Field(() => CalendarDateScalar, { description: 'The last date of the series, as answered (for researchers, cut at the last month end they may see).' })
  to!: string;
  @Field(() => [DashboardType], {
    description:
      "In date order: each month end from from's month until to, and (except for researchers) to itself when it is not a month end. A month end's lastEventPosition and updatedAt are those of the last event that changed the figures of its month or an earlier one.",
  })
  points!: DashboardType[];
}
