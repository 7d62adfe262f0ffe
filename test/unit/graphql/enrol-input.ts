import { GraphQLEnumType, GraphQLID, GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLString } from 'graphql';
import { CalendarDateScalar } from '../../../src/graphql/calendar-date.scalar';

const Gender = new GraphQLEnumType({ name: 'Gender', values: { FEMALE: {}, MALE: {}, OTHER: {}, UNDISCLOSED: {} } });

const PersonalInput = new GraphQLInputObjectType({
  name: 'PersonalInput',
  fields: { fullName: { type: new GraphQLNonNull(GraphQLString) }, email: { type: GraphQLString }, gender: { type: Gender } },
});

/** An input shaped like the service's: a nested input, a list, an enum, an Int and the Date scalar. */
export const EnrolInput = new GraphQLInputObjectType({
  name: 'EnrolInput',
  fields: {
    participantId: { type: new GraphQLNonNull(GraphQLID) },
    enrolledOn: { type: new GraphQLNonNull(CalendarDateScalar) },
    birthYear: { type: GraphQLInt },
    gender: { type: Gender },
    personal: { type: PersonalInput },
    previousDates: { type: new GraphQLList(new GraphQLNonNull(CalendarDateScalar)) },
  },
});
